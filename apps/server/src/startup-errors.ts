import { InvalidEnvironmentError } from './env.js';

const DATABASE_PATH_CODES = new Set(['SQLITE_CANTOPEN', 'EACCES', 'EROFS', 'EEXIST', 'ENOTDIR']);

/** What to tell a person whose server did not start, for the failures they can fix themselves. */
export function describeStartupFailure(error: unknown): string | undefined {
  if (error instanceof InvalidEnvironmentError) return error.message;
  const { code, port, address } = (error ?? {}) as {
    code?: string;
    port?: number;
    address?: string;
  };
  if (code === 'EADDRINUSE') {
    return `Port ${port} on ${address} is already in use: stop what listens there, or set PORT.`;
  }
  if (code === 'EACCES' && port !== undefined) {
    return `Not allowed to listen on port ${port}: choose a port above 1023 with PORT.`;
  }
  if (code === 'EADDRNOTAVAIL') return `HOST ${address} is not an address of this machine.`;
  if (code !== undefined && DATABASE_PATH_CODES.has(code)) {
    return `Cannot open the database or data folder (${(error as Error).message}): check DATABASE_URL and DATA_DIR.`;
  }
  return undefined;
}
