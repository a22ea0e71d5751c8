import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.js';
import { startTestService, type TestService } from '../support/test-service.js';

const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("app");'.repeat(200);

/** A raw GET, so a path like `/assets/../x` reaches the server exactly as written. */
function rawGet(baseUrl: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built web app, served beside the API', () => {
  const web = makeTempDir('icp-web-');
  let service: TestService;

  beforeAll(async () => {
    mkdirSync(join(web.path, 'assets'));
    writeFileSync(join(web.path, 'index.html'), INDEX_HTML);
    writeFileSync(join(web.path, 'assets', 'index-abc123.js'), APP_JS);
    writeFileSync(join(web.path, 'assets', 'index-abc123.js.gz'), gzipSync(APP_JS));
    writeFileSync(join(web.path, 'assets', 'index-abc123.js.map'), '{"sourcesContent":["secret"]}');
    writeFileSync(join(web.path, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(web.path.replace(/[^/]+$/, ''), 'outside-web-dir.txt'), 'secret');
    service = await startTestService({ WEB_DIST_DIR: web.path });
  });
  afterAll(async () => {
    await service.stop();
    web.remove();
  });

  it('never serves a source map, even one a build left behind', async () => {
    const response = await service.api('GET', '/assets/index-abc123.js.map');

    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.text).not.toContain('secret');
  });

  it('answers the root with index.html under a strict content security policy', async () => {
    const response = await service.api('GET', '/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.text).toBe(INDEX_HTML);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it.each([
    '/icps/new',
    '/icps/550e8400-e29b-41d4-a716-446655440000/edit',
    '/icps/550e8400-e29b-41d4-a716-446655440000',
    '/sign-in',
    '/lead-lists',
    '/lead-lists/550e8400-e29b-41d4-a716-446655440000',
  ])('answers the app route %s with index.html, so a reload keeps the page', async (path) => {
    const response = await service.api('GET', path);

    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX_HTML);
  });

  it('serves hashed assets precompressed and cached for a year', async () => {
    const response = await service.api('GET', '/assets/index-abc123.js', {
      headers: { 'accept-encoding': 'gzip' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.text).toBe(APP_JS);
  });

  it('serves other files at the top level', async () => {
    const response = await service.api('GET', '/favicon.svg');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('answers a missing file with a 404 in the envelope, not with the page', async () => {
    const response = await service.api('GET', '/assets/missing-123.js');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it.each(['/assets/../../outside-web-dir.txt', '/assets/%2e%2e/%2e%2e/outside-web-dir.txt'])(
    'never serves a file outside its folder (%s)',
    async (path) => {
      const response = await rawGet(service.url, path);

      expect(response.body).not.toContain('secret');
    },
  );

  it('leaves API paths to the API: unknown ones are 404 envelopes', async () => {
    const response = await service.api('GET', '/api/v1/nothing-here');

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });

  it.each(['/v1/credits', '/v2/anything'])(
    'answers %s, an unknown path of the v1 and v2 API, with its JSON 404 even to a browser',
    async (path) => {
      for (const accept of [undefined, 'application/json', 'text/html,*/*;q=0.8']) {
        const response = await service.api('GET', path, {
          headers: accept === undefined ? {} : { accept },
        });

        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(response.body.code).toBe(404);
      }
    },
  );

  it('answers GET /v1/people/search/filters from the API, never with the app', async () => {
    const response = await service.api('GET', '/v1/people/search/filters', {
      headers: { accept: 'text/html,*/*;q=0.8' },
    });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({ code: 401, message: 'User not authenticated' });
  });

  it('answers an unknown page with the JSON 404 when the client does not ask for a page', async () => {
    for (const accept of [undefined, '*/*', 'application/json']) {
      const response = await service.api('GET', '/no-such-page', {
        headers: accept === undefined ? {} : { accept },
      });

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it("answers a browser's navigation to an unknown page with the app, which says it is not found", async () => {
    const response = await service.api('GET', '/no-such-page', {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });

    expect(response.status).toBe(200);
    expect(response.text).toBe(INDEX_HTML);
  });

  it('answers other methods on app paths with the envelope', async () => {
    const response = await service.api('POST', '/icps/new', { body: {} });

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});

describe('a server whose web app is not built', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.stop());

  it('says so in the envelope at the root, and the API still works', async () => {
    const page = await service.api('GET', '/');
    const health = await service.api('GET', '/healthz');

    expect(page.status).toBe(404);
    expect(page.body.error.message).toMatch(/web app is not built/);
    expect(health.status).toBe(200);
  });
});
