import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluatedLead, WebscrapingFilter, WebsiteFilter } from './lead-evaluator.js';
import { WebsiteEvaluator } from './website-evaluator.js';

interface SiteRequest {
  method: string | undefined;
  url: string | undefined;
  body: Record<string, unknown>;
}

const servers: ReturnType<typeof createServer>[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A website service stand-in on 127.0.0.1; `answer` replies to each request. */
async function startService(answer: (request: SiteRequest, response: ServerResponse) => void) {
  const requests: SiteRequest[] = [];
  const server = createServer(async (request, response) => {
    const siteRequest = {
      method: request.method,
      url: request.url,
      body: JSON.parse(await readBody(request)),
    };
    requests.push(siteRequest);
    answer(siteRequest, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/evaluate`, requests };
}

function json(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function lead(id: string, company: EvaluatedLead['company']): EvaluatedLead {
  return { id, person: { firstName: 'Ada', lastName: id, jobTitle: 'CTO' }, company };
}

const websiteFilter: WebsiteFilter = {
  type: 'website',
  provider: 'browserUse',
  prompt: 'Check if the company website mentions cloud adoption',
};

describe('the website evaluator', () => {
  it('asks the service once per company and gives its leads the same answer', async () => {
    const service = await startService((request, response) => {
      const passed = request.body.domain === 'acme.io';
      json(response, { passed, reason: `checked ${request.body.domain}` });
    });
    const evaluator = new WebsiteEvaluator({ url: service.url });

    const verdicts = await evaluator.evaluate(websiteFilter, [
      lead('p1', { name: 'Acme', domain: 'acme.io' }),
      lead('p2', { name: 'Acme', domain: 'acme.io' }),
      lead('p3', { name: 'Beta', domain: 'beta.com' }),
      lead('p4', { name: 'Acme', domain: 'ACME.io' }),
    ]);

    expect(service.requests).toHaveLength(2);
    expect(service.requests[0]).toEqual({
      method: 'POST',
      url: '/evaluate',
      body: {
        type: 'website',
        provider: 'browserUse',
        prompt: 'Check if the company website mentions cloud adoption',
        domain: 'acme.io',
        companyName: 'Acme',
      },
    });
    expect(service.requests[1]?.body).toMatchObject({ domain: 'beta.com', companyName: 'Beta' });
    for (const id of ['p1', 'p2', 'p4']) {
      expect(verdicts.get(id)).toEqual({ passed: true, reason: 'checked acme.io' });
    }
    expect(verdicts.get('p3')).toEqual({ passed: false, reason: 'checked beta.com' });
  });

  it('does not pass a lead whose company has no domain, without asking the service', async () => {
    const service = await startService((_request, response) => json(response, { passed: true }));
    const evaluator = new WebsiteEvaluator({ url: service.url });

    const verdicts = await evaluator.evaluate(websiteFilter, [
      lead('p1', { name: 'Nowhere Ltd' }),
      lead('p2', { name: 'Blank Ltd', domain: '  ' }),
      lead('p3', null),
    ]);

    expect(service.requests).toHaveLength(0);
    for (const id of ['p1', 'p2', 'p3']) {
      expect(verdicts.get(id)).toEqual({ passed: false, reason: 'no website known' });
    }
  });

  it('keys verdicts by the person id for leads without an id of their own', async () => {
    const service = await startService((_request, response) => json(response, { passed: true }));
    const evaluator = new WebsiteEvaluator({ url: service.url });
    const schemaLead = {
      person: {
        id: 'person-1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        jobTitle: 'CTO',
        seniority: null,
        email: null,
        source: 'provider',
      },
      company: { id: 'company-1', name: 'Acme', domain: 'acme.io', industry: null },
      reasons: [],
    };

    const verdicts = await evaluator.evaluate(websiteFilter, [schemaLead]);

    expect([...verdicts]).toEqual([['person-1', { passed: true }]]);
  });

  it('sends a webscraping filter with its extraction and page-finding settings', async () => {
    const service = await startService((_request, response) => json(response, { passed: true }));
    const evaluator = new WebsiteEvaluator({ url: service.url });
    const filter: WebscrapingFilter = {
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'Extract pricing information',
      pageFindingPrompt: 'Find the pricing page',
      includeSearchStrings: ['enterprise', 'pricing'],
      excludeSearchStrings: ['free trial only'],
    };

    const verdicts = await evaluator.evaluate(filter, [
      lead('p1', { name: 'Acme', domain: 'acme.io' }),
    ]);

    expect(service.requests[0]?.body).toEqual({
      type: 'webscraping',
      provider: 'firecrawl',
      extractionPrompt: 'Extract pricing information',
      pageFindingPrompt: 'Find the pricing page',
      includeSearchStrings: ['enterprise', 'pricing'],
      excludeSearchStrings: ['free trial only'],
      domain: 'acme.io',
      companyName: 'Acme',
    });
    expect(verdicts.get('p1')).toEqual({ passed: true });
  });

  it("reports a failed company's leads as evaluator errors and judges the others", async () => {
    const service = await startService((request, response) => {
      if (request.body.domain === 'down.io') json(response, { error: 'browser crashed' }, 502);
      else if (request.body.domain === 'odd.io') json(response, { verdict: 'yes' });
      else json(response, { passed: true, reason: 'fine' });
    });
    const evaluator = new WebsiteEvaluator({ url: service.url });

    const verdicts = await evaluator.evaluate(websiteFilter, [
      lead('p1', { name: 'Down', domain: 'down.io' }),
      lead('p2', { name: 'Down', domain: 'down.io' }),
      lead('p3', { name: 'Odd', domain: 'odd.io' }),
      lead('p4', { name: 'Fine', domain: 'fine.io' }),
    ]);

    const down = {
      passed: false,
      reason: 'evaluator error: HTTP 502: browser crashed',
      error: true,
    };
    expect(verdicts.get('p1')).toEqual(down);
    expect(verdicts.get('p2')).toEqual(down);
    expect(verdicts.get('p3')).toEqual({
      passed: false,
      reason: 'evaluator error: the answer has no boolean "passed"',
      error: true,
    });
    expect(verdicts.get('p4')).toEqual({ passed: true, reason: 'fine' });
  });

  it('gives up on a service that never answers after the timeout', async () => {
    const service = await startService(() => {});
    const evaluator = new WebsiteEvaluator({ url: service.url, timeoutMs: 100 });

    const verdicts = await evaluator.evaluate(websiteFilter, [
      lead('p1', { name: 'Slow', domain: 'slow.io' }),
    ]);

    expect(verdicts.get('p1')).toEqual({
      passed: false,
      reason: 'evaluator error: no answer within 100 ms',
      error: true,
    });
  });
});
