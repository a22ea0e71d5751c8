// `pnpm dev`: the API server restarting on every change (tsx watch, on the usual data folder,
// its JSON logs made readable by pino-pretty) and the web app with hot reload (Vite, proxying
// /trpc and /api to the server). Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
// The server and the web app import the schema package (and the web app the server's types)
// from their builds.
const built = spawnSync(
  'turbo',
  ['run', 'build', '--filter=@icp/server', '--output-logs=errors-only'],
  { stdio: 'inherit', env },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const node = (script, args, cwd = '.', options = {}) =>
  spawn(process.execPath, [script, ...args], { cwd, stdio: 'inherit', env, ...options });
const server = node('node_modules/tsx/dist/cli.mjs', ['watch', 'apps/server/src/main.ts'], '.', {
  stdio: ['inherit', 'pipe', 'inherit'],
});
// The server's JSON log lines, made readable (its other lines pass through as they are). Out of
// Ctrl-C's reach, it ends when the server's output does, so the server's last lines show.
const prettyLogs = node('node_modules/pino-pretty/bin.js', ['--singleLine'], 'apps/server', {
  stdio: ['pipe', 'inherit', 'inherit'],
  detached: true,
});
server.stdout.pipe(prettyLogs.stdin);
prettyLogs.on('exit', (code) => stopAll(code ?? 0));
const children = [server, node('node_modules/vite/bin/vite.js', [], 'apps/web')];
console.log('Web app with hot reload: http://127.0.0.1:5173/ (API on http://127.0.0.1:3000/)');

let exiting = false;
const stopAll = (code) => {
  if (exiting) return;
  exiting = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(0));
