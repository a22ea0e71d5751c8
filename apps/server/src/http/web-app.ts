import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Next } from 'hono';
import { AppError } from '../errors.js';

/**
 * The browser app's policy: scripts, styles and connections from this origin only, never inline
 * script, never framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** Paths the API owns; everything else a browser asks for belongs to the web app. */
const API_PREFIXES = ['/api/', '/v2/', '/trpc', '/healthz'];

/**
 * Serves the built web app: hashed assets precompressed and cached for a year, any other page path answered with
 * index.html so the app's own router handles it. API paths pass through untouched.
 */
export function webApp(distDir: string) {
  const built = existsSync(join(distDir, 'index.html'));
  // The build writes .br and .gz beside each asset; no compression work per request.
  const assets = built
    ? serveStatic({ root: distDir, precompressed: true })
    : (_c: Context, next: Next) => next();
  const indexFile = join(distDir, 'index.html');

  return async (c: Context, next: Next) => {
    const path = c.req.path;
    if (API_PREFIXES.some((prefix) => path.startsWith(prefix))) return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    // Source maps carry the app's sources: never served, even when a build left some behind.
    if (path.endsWith('.map')) return next();

    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (path.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return assets(c, next);
    }
    const isFile = /\.[a-z0-9]+$/i.test(path);
    if (isFile) return assets(c, next);

    let html: string;
    try {
      html = await readFile(indexFile, 'utf8');
    } catch {
      throw new AppError(
        'NOT_FOUND',
        'The web app is not built here; run the build (pnpm build) or use the API',
      );
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
}
