import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { answerClientError } from './client-errors.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
}

/** How long clients may take; a slow or stalled client (slowloris) is cut off at these. */
export interface ClientTimeouts {
  /** To send all request headers. */
  headersMs: number;
  /** To send the whole request. */
  requestMs: number;
  /** An idle kept-alive connection stays open this long. */
  keepAliveMs: number;
}

const DEFAULT_TIMEOUTS: ClientTimeouts = {
  headersMs: 20_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

/** Serves the app over HTTP on host:port (port 0 picks a free one). */
export function listen(
  app: { fetch: Hono['fetch'] },
  host: string,
  port: number,
  timeouts: ClientTimeouts = DEFAULT_TIMEOUTS,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // Timeouts are enforced when connections are checked; check often enough to honour them.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
      // A request line and headers beyond 16 KiB are refused with 431 before the app sees them.
      maxHeaderSize: 16 * 1024,
    };
    const server = serve(
      { fetch: app.fetch, hostname: host, port, serverOptions },
      (info: AddressInfo) => {
        const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
        resolve({
          url,
          port: info.port,
          close: (graceMs = 10_000) => drain(server as Server, graceMs),
        });
      },
    ) as Server;
    server.on('clientError', answerClientError);
    server.once('error', reject);
  });
}

function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const forceTimer = setTimeout(() => server.closeAllConnections(), graceMs);
    forceTimer.unref();
    server.close(() => {
      clearTimeout(forceTimer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
