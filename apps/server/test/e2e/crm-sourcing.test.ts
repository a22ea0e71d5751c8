import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { companyRecord, crmIcpRequest, personRecord } from '@icp/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullhornSearchQuery } from '../../src/crm/bullhorn/search-query.js';
import { saveCompanies, savePeople } from '../../src/leads/lead-records.repository.js';
import { ATTACKS_SUITE, reportFigures } from '../support/suite-figures.js';
import { startTestService, type TestService } from '../support/test-service.js';

const ICPS = '/api/v1/entities/icps';
const TOKEN = 'bh-rest-token';

const contacts = [
  {
    id: 101,
    firstName: 'Clara',
    lastName: 'Berg',
    occupation: 'Sales Director',
    email: 'clara@nordwerk.de',
    address: { city: 'Hamburg', countryCode: 'DE' },
    clientCorporation: { id: 7, name: 'Nordwerk GmbH' },
  },
  {
    id: 102,
    firstName: 'Jonas',
    lastName: 'Huber',
    occupation: 'Operations Manager',
    address: { countryName: 'Austria' },
    clientCorporation: { id: 8, name: 'Alpenbau AG' },
  },
  // No title: it cannot become a lead record, so it is left out.
  { id: 103, firstName: 'Nina', lastName: 'Roth', occupation: null, clientCorporation: null },
];

/** A stand-in for Bullhorn's REST search that records what it is asked. */
async function startFakeBullhorn(answer: { status: number; body: unknown }) {
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bullhorn');
    if (url.pathname !== '/search/ClientContact' || req.headers.bhresttoken !== TOKEN) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errorMessage: 'Bad token' }));
      return;
    }
    queries.push(url.searchParams.get('query') ?? '');
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

const crmIcp = { ...crmIcpRequest, customFilterCriteria: [], leadsPerList: 10, activeUntil: null };

describe('CRM sourcing from Bullhorn', () => {
  let bullhorn: Awaited<ReturnType<typeof startFakeBullhorn>>;
  let service: TestService;
  let key: string;

  beforeAll(async () => {
    bullhorn = await startFakeBullhorn({
      status: 200,
      body: { total: 3, start: 0, count: 3, data: contacts },
    });
    service = await startTestService({
      BULLHORN_REST_URL: bullhorn.url,
      BULLHORN_REST_TOKEN: TOKEN,
    });
    key = await service.apiKeyFor('owner');
    await service.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [companyRecord.parse({ id: 'c-1', name: 'Acme', country: 'de' })]);
      await savePeople(tx, [
        personRecord.parse({
          ...{ id: 'p-1', firstName: 'Ana', lastName: 'Vogel', jobTitle: 'Sales Director' },
          ...{ companyId: 'c-1', country: 'de' },
        }),
      ]);
    });
  });
  afterAll(async () => {
    await service.stop();
    await bullhorn.stop();
  });

  it('asks Bullhorn with the query built from the CRM filters, and lists its contacts as leads', async () => {
    const icp = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
    const list = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key });

    expect(list.status).toBe(201);
    expect(bullhorn.queries.at(-1)).toBe(bullhornSearchQuery(crmIcpRequest.crmFilters));
    expect(list.body.crmSourcing).toEqual({ status: 'applied', contacts: 2 });
    expect(
      list.body.people.map((lead: { person: { id: string; source: string } }) => [
        lead.person.id,
        lead.person.source,
      ]),
    ).toEqual([
      [`icp:${icp.id}/bullhorn-101`, 'crm'],
      [`icp:${icp.id}/bullhorn-102`, 'crm'],
    ]);
    expect(list.body.people[0].company).toMatchObject({ name: 'Nordwerk GmbH' });
    expect(list.body.people[1].person.country).toBe('at');
    expect(list.body.people[0].reasons).toEqual(['a CRM contact matching the CRM filters']);
  });

  it("keeps the contacts found for one ICP out of every other search, the same user's included", async () => {
    const icp = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
    const found = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: key });
    expect(found.body.crmSourcing).toEqual({ status: 'applied', contacts: 2 });

    // The contacts' own titles, countries and company names, asked by provider criteria.
    const criteria = [
      {
        provider: 'baseProvider',
        filters: { job_title: ['Sales Director', 'Operations Manager'] },
      },
      { provider: 'baseProvider', filters: { location: { country: ['Germany', 'Austria'] } } },
    ];
    const strangerKey = await service.apiKeyFor('stranger');
    const strangers = (
      await service.api('POST', ICPS, {
        token: strangerKey,
        body: { ...crmIcp, crmFilters: null, leadProviderCriteria: criteria },
      })
    ).body;
    const ownPlain = (
      await service.api('POST', ICPS, {
        token: key,
        body: { ...crmIcp, crmFilters: null, leadProviderCriteria: criteria },
      })
    ).body;
    const draft = await service.api('POST', '/trpc/leadLists.previewDraft', {
      token: strangerKey,
      body: { body: { leadProviderCriteria: criteria, customFilterCriteria: [] } },
    });
    const previews = [
      (await service.api('POST', `${ICPS}/${strangers.id}/preview`, { token: strangerKey })).body,
      (await service.api('POST', `${ICPS}/${ownPlain.id}/lead-lists`, { token: key })).body,
      draft.body.result.data,
    ];

    reportFigures(ATTACKS_SUITE, { requestsSent: previews.length + 4, faultsInjected: 0 });
    for (const preview of previews) {
      expect(preview.total ?? preview.matchedCount).toBe(1);
      const leads = preview.leads ?? preview.people;
      expect(leads.map((lead: { person: { id: string } }) => lead.person.id)).toEqual(['p-1']);
    }
  });

  it('stores what another ICP finds in the same CRM as records of its own', async () => {
    const first = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
    const second = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
    const ids = async (icpId: string) =>
      (await service.api('POST', `${ICPS}/${icpId}/preview`, { token: key })).body.leads.map(
        (lead: { person: { id: string } }) => lead.person.id,
      );

    expect(await ids(first.id)).toEqual([
      `icp:${first.id}/bullhorn-101`,
      `icp:${first.id}/bullhorn-102`,
    ]);
    expect(await ids(second.id)).toEqual([
      `icp:${second.id}/bullhorn-101`,
      `icp:${second.id}/bullhorn-102`,
    ]);
  });

  it("searches the CRM for a draft's CRM filters and shows its contacts, storing none", async () => {
    const people = async () =>
      (
        await service.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow()
      ).count;
    const before = Number(await people());
    const draft = await service.api('POST', '/trpc/leadLists.previewDraft', {
      token: key,
      body: {
        body: {
          leadProviderCriteria: [],
          customFilterCriteria: [],
          crmFilters: crmIcpRequest.crmFilters,
          listSize: 10,
        },
      },
    });

    expect(draft.status).toBe(200);
    const preview = draft.body.result.data;
    expect(bullhorn.queries.at(-1)).toBe(bullhornSearchQuery(crmIcpRequest.crmFilters));
    expect(preview.crmSourcing).toEqual({ status: 'applied', contacts: 2 });
    expect(preview.total).toBe(2);
    expect(preview.list).toMatchObject({ requestedSize: 10, leadCount: 2 });
    expect(
      preview.leads.map((lead: { person: { id: string; source: string } }) => [
        lead.person.id,
        lead.person.source,
      ]),
    ).toEqual([
      ['draft/bullhorn-101', 'crm'],
      ['draft/bullhorn-102', 'crm'],
    ]);
    expect(preview.leads[0].company).toMatchObject({ name: 'Nordwerk GmbH' });
    expect(preview.leads[0].reasons).toEqual(['a CRM contact matching the CRM filters']);
    expect(Number(await people())).toBe(before);
  });

  it('mixes CRM contacts with provider leads, within maxPercentFromCRM', async () => {
    const icp = (
      await service.api('POST', ICPS, {
        token: key,
        body: {
          ...crmIcp,
          leadProviderCriteria: [
            { provider: 'baseProvider', filters: { job_title: ['Sales Director'] } },
          ],
          customFilterCriteria: [{ type: 'maxPercentFromCRM', value: 50 }],
          leadsPerList: 2,
        },
      })
    ).body;
    const list = await service.api('POST', `${ICPS}/${icp.id}/lead-lists`, { token: key });

    const sources = list.body.people.map(
      (lead: { person: { source: string } }) => lead.person.source,
    );
    expect(sources.sort()).toEqual(['crm', 'provider']);
  });
});

describe('CRM sourcing that cannot be done', () => {
  it('says Bullhorn refused the token, and still delivers the provider leads', async () => {
    const bullhorn = await startFakeBullhorn({ status: 200, body: {} });
    const service = await startTestService({
      BULLHORN_REST_URL: bullhorn.url,
      BULLHORN_REST_TOKEN: 'expired-token',
    });
    try {
      const key = await service.apiKeyFor('owner');
      const icp = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
      const preview = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: key });

      expect(preview.status).toBe(200);
      expect(preview.body.crmSourcing).toMatchObject({ status: 'not-applied', contacts: 0 });
      expect(preview.body.crmSourcing.reason).toMatch(/token/i);
    } finally {
      await service.stop();
      await bullhorn.stop();
    }
  });

  it('says no CRM is configured when none is', async () => {
    const service = await startTestService();
    try {
      const key = await service.apiKeyFor('owner');
      const icp = (await service.api('POST', ICPS, { token: key, body: crmIcp })).body;
      const preview = await service.api('POST', `${ICPS}/${icp.id}/preview`, { token: key });
      const plain = (
        await service.api('POST', ICPS, { token: key, body: { ...crmIcp, crmFilters: null } })
      ).body;
      const plainPreview = await service.api('POST', `${ICPS}/${plain.id}/preview`, { token: key });

      expect(preview.body.crmSourcing).toEqual({
        status: 'not-applied',
        contacts: 0,
        reason: expect.stringMatching(/no CRM is configured/),
      });
      expect(plainPreview.body.crmSourcing).toEqual({ status: 'not-requested', contacts: 0 });

      const draft = await service.api('POST', '/trpc/leadLists.previewDraft', {
        token: key,
        body: {
          body: {
            leadProviderCriteria: [],
            customFilterCriteria: [],
            crmFilters: crmIcpRequest.crmFilters,
          },
        },
      });
      expect(draft.body.result.data.crmSourcing).toEqual({
        status: 'not-applied',
        contacts: 0,
        reason: 'no CRM is configured on this server',
      });
    } finally {
      await service.stop();
    }
  });
});
