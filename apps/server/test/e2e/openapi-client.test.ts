import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  aiIcpRequest,
  basicIcpRequest,
  crmIcpRequest,
  customFilterExamples,
  recommendationIcpRequest,
} from '@icp/schema';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readmeRequests, readmeTypeScriptExamples } from '../support/readme-requests.js';
import { startTestService, type TestService } from '../support/test-service.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(SERVER_DIR, 'node_modules', '.bin', name);
const ICPS = '/api/v1/entities/icps';

interface ClientCall {
  name: string;
  method: string;
  path: string;
  params?: { path?: object; query?: object; header?: object };
  body?: unknown;
}

/** The seeds' request examples, as a generated client sends them. */
const seedCalls: ClientCall[] = [
  { name: 'Create ICP "Basic ICP"', method: 'POST', path: ICPS, body: basicIcpRequest },
  {
    name: 'Create ICP "ICP with CRM Integration"',
    method: 'POST',
    path: ICPS,
    body: crmIcpRequest,
  },
  { name: 'Create ICP "ICP with AI Filtering"', method: 'POST', path: ICPS, body: aiIcpRequest },
  ...customFilterExamples.map((filter) => ({
    name: `Create ICP with the documented ${filter.type} filter`,
    method: 'POST',
    path: ICPS,
    body: { ...basicIcpRequest, customFilterCriteria: [filter] },
  })),
  { name: 'List ICPs', method: 'GET', path: ICPS },
  {
    name: 'Get ICP',
    method: 'GET',
    path: `${ICPS}/{id}`,
    params: { path: { id: '550e8400-e29b-41d4-a716-446655440000' } },
  },
  {
    name: 'v2 Create or update ICP',
    method: 'POST',
    path: '/v2/recommendations/icp',
    body: recommendationIcpRequest,
  },
];

const readmeCalls: ClientCall[] = readmeRequests().map((request) => ({
  name: `README: ${request.command.split('\n')[0]}`,
  method: request.method,
  path: request.path,
  params: {
    ...(Object.keys(request.pathParams).length > 0 ? { path: request.pathParams } : {}),
    ...(Object.keys(request.query).length > 0 ? { query: request.query } : {}),
    ...(Object.keys(request.headers).length > 0 ? { header: request.headers } : {}),
  },
  ...(request.body === undefined ? {} : { body: request.body }),
}));

/** One statement per call, each literal in place so that TypeScript checks it against its path. */
function clientSource(calls: ClientCall[]): string {
  const lines = calls.map(({ name, method, path, params, body }) => {
    const init = {
      ...(params && Object.keys(params).length > 0 ? { params } : {}),
      ...(body === undefined ? {} : { body }),
    };
    return `// ${name.replace(/\n/g, ' ')}\nawait client.${method}(${JSON.stringify(path)}, ${JSON.stringify(init, null, 2)});`;
  });
  return [
    "import createClient from 'openapi-fetch';",
    "import type { paths } from './api';",
    '',
    "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });",
    '',
    ...lines,
    '',
  ].join('\n');
}

describe('a client generated from the OpenAPI document (openapi-typescript, openapi-fetch)', () => {
  let service: TestService;
  let document: OpenAPI3;
  let dir: string;

  /** Type-checks `files` of the check folder with the workspace's tsc; its output and status. */
  function typeCheck(project: string, files: string[]): { status: number | null; output: string } {
    const name = `tsconfig.${project}.json`;
    writeFileSync(
      join(dir, name),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          module: 'preserve',
          moduleResolution: 'bundler',
          types: [],
          skipLibCheck: true,
        },
        files,
      }),
    );
    const result = spawnSync(bin('tsc'), ['-p', join(dir, name), '--pretty', 'false'], {
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  beforeAll(async () => {
    service = await startTestService();
    const response = await service.api('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    document = response.body;
    // Inside the server's node_modules, so that the client files resolve openapi-fetch.
    const cache = join(SERVER_DIR, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(join(cache, 'openapi-client-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(document)));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await service.stop();
  });

  it('reads every README example: the curl block is found and parsed', () => {
    expect(readmeCalls.map((call) => `${call.method} ${call.path}`)).toEqual(
      expect.arrayContaining([
        `POST ${ICPS}`,
        `PATCH ${ICPS}/{id}`,
        `POST ${ICPS}/{id}/preview`,
        'POST /v2/recommendations/icp',
        'POST /v2/recommendations/fetch',
      ]),
    );
  });

  it('type-checks every request example of the seeds and of the README with zero errors', () => {
    writeFileSync(join(dir, 'examples.ts'), clientSource([...seedCalls, ...readmeCalls]));
    const readmeFiles = readmeTypeScriptExamples().map((code, index) => {
      writeFileSync(join(dir, `readme-${index}.ts`), code);
      return `readme-${index}.ts`;
    });
    expect(readmeFiles.length).toBeGreaterThan(0);

    const result = typeCheck('examples', ['examples.ts', ...readmeFiles]);

    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a request the API refuses: the check can fail', () => {
    const { name: _name, ...withoutName } = basicIcpRequest;
    writeFileSync(
      join(dir, 'refused.ts'),
      clientSource([
        { name: 'no name', method: 'POST', path: ICPS, body: withoutName },
        {
          name: 'an unknown location',
          method: 'POST',
          path: '/v2/recommendations/icp',
          body: { companies: { primaryLocations: ['Atlantis'] } },
        },
      ]),
    );

    const result = typeCheck('refused', ['refused.ts']);

    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/refused\.ts\(\d+,\d+\): error TS\d+: .*'name'/);
    expect(result.output).toMatch(/refused\.ts\(\d+,\d+\): error TS\d+: .*"Atlantis"/);
  });

  it('passes Redocly lint (recommended-strict: no error, no warning)', () => {
    const result = spawnSync(
      bin('redocly'),
      ['lint', '--extends=recommended-strict', '--format=stylish', join(dir, 'openapi.json')],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );

    const output = `${result.stdout}${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toContain('Your API description is valid');
    expect(output).not.toMatch(/\d+ (errors?|warnings?)\b/);
  });
});
