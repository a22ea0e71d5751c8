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

/** Paths the API owns, never answered with the web app. */
const API_PREFIXES = ['/api/', '/v1/', '/v2/', '/trpc', '/healthz'];

/** The web app's own pages (its router's routes): a reload of one of them gets the app. */
const APP_ROUTE =
  /^\/(?:|sign-in|icps(?:\/[^/]+(?:\/edit)?)?|icps\/new|lead-lists(?:\/[^/]+)?)\/?$/;

/**
 * Whether a path that is not a file gets the web app: one of its own pages, or any page a browser
 * navigates to (it asks for HTML), whose unknown route the app itself answers. Anything else, such
 * as a client expecting JSON from a path that does not exist, gets the 404 envelope.
 */
function servesApp(path: string, accept: string | undefined): boolean {
  return APP_ROUTE.test(path) || /\btext\/html\b/i.test(accept ?? '');
}

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
    if (!servesApp(path, c.req.header('accept'))) return next();

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
