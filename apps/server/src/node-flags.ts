/**
 * V8 flags the server's process is started with (the `start` scripts of both package.json
 * files). The young generation's size is fixed once the process starts, so only the command line
 * can cap the event loop's; v8-flags.ts gives the same cap to the worker threads.
 *
 * Young-generation semi-spaces of at most 8 MB instead of V8's 16 MB: the server's garbage is
 * short-lived request data, scavenged as cheaply at this size (pnpm bench, three scenarios on
 * PostgreSQL: peak RSS 144 MB with it, 167-169 MB without).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'] as const;
