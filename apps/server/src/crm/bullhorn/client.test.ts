import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CrmFilters, crmIcpRequest } from '@icp/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidEnvironmentError } from '../../env.js';
import { createLogger } from '../../logging/logger.js';
import { BullhornError } from './bullhorn-error.js';
import { BullhornClient, bullhornFromEnv } from './client.js';
import { bullhornSearchQuery } from './search-query.js';

interface SearchRequest {
  method: string | undefined;
  path: string;
  params: URLSearchParams;
  headers: IncomingHttpHeaders;
}

const servers: ReturnType<typeof createServer>[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A Bullhorn REST stand-in on 127.0.0.1; `answer` replies to each request. */
async function startBullhorn(answer: (response: ServerResponse) => void) {
  const requests: SearchRequest[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: request.method,
      path: url.pathname,
      params: url.searchParams,
      headers: request.headers,
    });
    answer(response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { restUrl: `http://127.0.0.1:${port}/rest-services/corp1/`, requests };
}

function json(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const seedFilters: CrmFilters = crmIcpRequest.crmFilters;
const emptyAnswer = { total: 0, start: 0, count: 0, data: [] };

async function searchError(client: BullhornClient): Promise<BullhornError> {
  const error = await client.searchContacts(seedFilters).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BullhornError);
  return error as BullhornError;
}

describe('the Bullhorn client', () => {
  it("sends the seed's CRM query, the token header and the page to /search/ClientContact", async () => {
    const bullhorn = await startBullhorn((response) => json(response, emptyAnswer));
    const client = new BullhornClient({ restUrl: bullhorn.restUrl, token: 'bh-token-1' });

    await client.searchContacts(seedFilters, { start: 50, count: 25 });

    expect(bullhorn.requests).toHaveLength(1);
    const [request] = bullhorn.requests as [SearchRequest];
    expect(request.method).toBe('GET');
    expect(request.path).toBe('/rest-services/corp1/search/ClientContact');
    expect(request.params.get('query')).toBe(bullhornSearchQuery(seedFilters));
    expect(request.params.get('query')).toBe(
      'isDeleted:0 AND occupation:(Director OR Manager)' +
        ' AND address.countryName:("Germany" OR "Austria") AND status:"Active"',
    );
    expect(request.params.get('fields')).toBe(
      'id,firstName,lastName,occupation,email,address,clientCorporation',
    );
    expect(request.params.get('count')).toBe('25');
    expect(request.params.get('start')).toBe('50');
    expect(request.params.has('BhRestToken')).toBe(false);
    expect(request.headers.bhresttoken).toBe('bh-token-1');
  });

  it('asks for the first 100 contacts by default', async () => {
    const bullhorn = await startBullhorn((response) => json(response, emptyAnswer));
    const client = new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' });

    await client.searchContacts({ provider: 'bullhorn' });

    expect(bullhorn.requests[0]?.params.get('start')).toBe('0');
    expect(bullhorn.requests[0]?.params.get('count')).toBe('100');
    expect(bullhorn.requests[0]?.params.get('query')).toBe('isDeleted:0');
  });

  it('maps contacts to CRM people with their companies', async () => {
    const bullhorn = await startBullhorn((response) =>
      json(response, {
        total: 120,
        start: 0,
        count: 3,
        data: [
          {
            id: 101,
            firstName: ' Anna ',
            lastName: 'Schmidt',
            occupation: 'Sales Director',
            email: 'anna.schmidt@example.de',
            address: { city: 'Berlin', state: 'BE', zip: '10115', countryName: 'Germany' },
            clientCorporation: { id: 7, name: 'Muster GmbH' },
            _score: 1.5,
          },
          {
            id: 102,
            firstName: 'Lukas',
            lastName: 'Huber',
            occupation: null,
            email: '',
            address: { city: 'Wien', countryCode: 'AT', countryName: 'Österreich' },
            clientCorporation: { id: 8, name: null },
          },
          { id: 103, firstName: 'Jo', lastName: 'Doe' },
        ],
      }),
    );
    const client = new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' });

    const page = await client.searchContacts(seedFilters);

    expect(page.total).toBe(120);
    expect(page.start).toBe(0);
    expect(page.count).toBe(3);
    expect(page.contacts).toEqual([
      {
        person: {
          id: 'bullhorn-101',
          firstName: 'Anna',
          lastName: 'Schmidt',
          jobTitle: 'Sales Director',
          skills: [],
          country: 'de',
          state: 'BE',
          city: 'Berlin',
          companyId: 'bullhorn-company-7',
          email: 'anna.schmidt@example.de',
          source: 'crm',
        },
        company: { id: 'bullhorn-company-7', name: 'Muster GmbH', keywords: [] },
      },
      {
        person: {
          id: 'bullhorn-102',
          firstName: 'Lukas',
          lastName: 'Huber',
          jobTitle: '',
          skills: [],
          country: 'at',
          state: undefined,
          city: 'Wien',
          companyId: undefined,
          email: undefined,
          source: 'crm',
        },
        company: null,
      },
      {
        person: {
          id: 'bullhorn-103',
          firstName: 'Jo',
          lastName: 'Doe',
          jobTitle: '',
          skills: [],
          country: undefined,
          state: undefined,
          city: undefined,
          companyId: undefined,
          email: undefined,
          source: 'crm',
        },
        company: null,
      },
    ]);
  });

  it('says that Bullhorn rejected the token on a 401', async () => {
    const bullhorn = await startBullhorn((response) =>
      json(response, { errorMessage: "Bad 'BhRestToken' or timed-out.", errorCode: 401 }, 401),
    );
    const error = await searchError(new BullhornClient({ restUrl: bullhorn.restUrl, token: 'x' }));

    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.message).toContain('Bullhorn rejected the token');
    expect(error.message).toContain("Bad 'BhRestToken' or timed-out.");
  });

  it("reports another HTTP error with Bullhorn's message", async () => {
    const bullhorn = await startBullhorn((response) =>
      json(response, { errorMessage: 'Invalid query', errorCode: 400 }, 400),
    );
    const error = await searchError(new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' }));

    expect(error.kind).toBe('http');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Bullhorn answered HTTP 400: Invalid query');
  });

  it('reports an answer that is not JSON', async () => {
    const bullhorn = await startBullhorn((response) => json(response, '<html>maintenance</html>'));
    const error = await searchError(new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' }));

    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe("Bullhorn's search answer is not JSON");
  });

  it('reports an answer of the wrong shape, naming where', async () => {
    const bullhorn = await startBullhorn((response) =>
      json(response, { total: 1, start: 0, count: 1, data: [{ firstName: 'No id' }] }),
    );
    const error = await searchError(new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' }));

    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('at data.0.id');
  });

  it('gives up on a Bullhorn that never answers after the timeout', async () => {
    const bullhorn = await startBullhorn(() => {});
    const client = new BullhornClient({ restUrl: bullhorn.restUrl, token: 't', timeoutMs: 100 });
    const error = await searchError(client);

    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Bullhorn did not answer within 100 ms');
  });

  it('says only that the CRM could not be reached, and logs where it tried', async () => {
    const closed = await startBullhorn(() => {});
    servers[0]?.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const logged: string[] = [];
    const logger = createLogger({ destination: { write: (line) => logged.push(line) } });
    const client = new BullhornClient({ restUrl: closed.restUrl, token: 't', logger });
    const error = await searchError(client);

    expect(error.kind).toBe('network');
    expect(error.message).toBe('Could not reach the CRM (Bullhorn); try again later');
    expect(error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    expect(logged.join('\n')).toMatch(/ECONNREFUSED 127\.0\.0\.1/);
  });

  it('reports a filter path that cannot be queried before calling Bullhorn', async () => {
    const bullhorn = await startBullhorn((response) => json(response, emptyAnswer));
    const client = new BullhornClient({ restUrl: bullhorn.restUrl, token: 't' });

    const error = await client
      .searchContacts({
        provider: 'bullhorn',
        filters: [{ path: 'status OR 1', mode: 'equals', value: 'x', exclude: false }],
      })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BullhornError);
    expect((error as BullhornError).kind).toBe('invalid-query');
    expect(bullhorn.requests).toHaveLength(0);
  });

  it.each([[{ count: 0 }], [{ count: 501 }], [{ start: -1 }], [{ count: 2.5 }]])(
    'refuses the page %o',
    async (page) => {
      const client = new BullhornClient({ restUrl: 'http://127.0.0.1:9', token: 't' });

      await expect(client.searchContacts(seedFilters, page)).rejects.toThrow(RangeError);
    },
  );
});

describe('bullhornFromEnv', () => {
  it('is undefined when Bullhorn is not configured', () => {
    expect(bullhornFromEnv({})).toBeUndefined();
  });

  it('builds a client from the REST URL and token', () => {
    const client = bullhornFromEnv({
      BULLHORN_REST_URL: 'https://rest99.bullhornstaffing.com/rest-services/abc',
      BULLHORN_REST_TOKEN: 'token',
    });

    expect(client).toBeInstanceOf(BullhornClient);
  });

  it('names the missing setting when only one of the two is set', () => {
    expect(() => bullhornFromEnv({ BULLHORN_REST_URL: 'https://example.com' })).toThrow(
      InvalidEnvironmentError,
    );
    expect(() => bullhornFromEnv({ BULLHORN_REST_TOKEN: 'token' })).toThrow(
      'BULLHORN_REST_URL: required when BULLHORN_REST_TOKEN is set',
    );
  });
});
