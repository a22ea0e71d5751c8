import { companyRecord, personRecord } from '@icp/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../test/support/temp-database.js';
import { transactionPerCall } from '../db/transact.js';
import { asAppError } from '../errors.js';
import { saveCompanies, savePeople } from '../leads/lead-records.repository.js';
import type { LeadEvaluators } from '../leads/matching/find-leads.js';
import { createCaller } from '../trpc/app-router.js';

const draft = {
  leadProviderCriteria: [
    { provider: 'baseProvider' as const, filters: { job_title: ['CTO'], skills: ['Go'] } },
  ],
  customFilterCriteria: [{ type: 'ai' as const, entityType: 'person' as const, prompt: 'Hiring?' }],
  limit: 10,
};

describe('lead procedures, called in-process', () => {
  const database = useTempDatabase();

  beforeEach(async () => {
    await database.db.transaction().execute(async (tx) => {
      await saveCompanies(tx, [companyRecord.parse({ id: 'c-1', name: 'Acme' })]);
      await savePeople(
        tx,
        ['p-1', 'p-2', 'p-3'].map((id, index) =>
          personRecord.parse({
            id,
            firstName: 'Ana',
            lastName: `Doe ${index}`,
            jobTitle: index === 2 ? 'CFO' : 'CTO',
            skills: ['Go'],
            companyId: 'c-1',
          }),
        ),
      );
    });
  });

  const callerWith = (evaluators?: LeadEvaluators) =>
    createCaller({
      db: database.db,
      transact: transactionPerCall(database.db),
      user: { id: 'editor', isAdmin: false, via: 'jwt' },
      authMode: { kind: 'jwt' },
      now: () => new Date('2026-01-01T00:00:00.000Z'),
      evaluators,
    });

  it('previews criteria still being edited, before they are saved', async () => {
    const preview = await callerWith().leadLists.previewDraft({ body: draft });

    expect(preview.total).toBe(2);
    expect(preview.leads.map((lead) => lead.person.id)).toEqual(['p-1', 'p-2']);
    expect(preview.notApplied).toEqual([expect.objectContaining({ index: 0, type: 'ai' })]);
  });

  it('applies a configured evaluator to the draft', async () => {
    const passesOnlyP2: LeadEvaluators = {
      ai: {
        evaluate: async (_filter, leads) =>
          new Map(leads.map((lead) => [lead.id, { passed: lead.id === 'p-2', reason: 'checked' }])),
      },
    };
    const preview = await callerWith(passesOnlyP2).leadLists.previewDraft({ body: draft });

    expect(preview.leads.map((lead) => lead.person.id)).toEqual(['p-2']);
    expect(preview.notApplied).toEqual([]);
  });

  it('forecasts a list without asking an evaluator about every lead of it', async () => {
    const judged: string[] = [];
    const passesOnlyP2: LeadEvaluators = {
      ai: {
        evaluate: async (_filter, leads) => {
          judged.push(...leads.map((lead) => lead.id));
          return new Map(leads.map((lead) => [lead.id, { passed: lead.id === 'p-2' }]));
        },
      },
    };
    const preview = await callerWith(passesOnlyP2).leadLists.previewDraft({
      body: { ...draft, limit: 1, listSize: 5 },
    });

    expect(preview.leads.map((lead) => lead.person.id)).toEqual(['p-2']);
    expect(preview.list).toEqual({ requestedSize: 5, leadCount: 2, notCounted: [0] });
    // Asked once, about the leads shown: the forecast of the list asks nothing.
    expect(judged).toEqual(['p-1', 'p-2']);
  });

  it('refuses a draft the ICP schema refuses, naming the field', async () => {
    const bad = {
      ...draft,
      customFilterCriteria: [{ type: 'matchFieldWithRegex', field: 'email', regex: '(' }],
    };
    const error = await callerWith()
      .leadLists.previewDraft({ body: bad as never })
      .catch((caught: unknown) => asAppError(caught));

    expect(error).toMatchObject({ appCode: 'BAD_REQUEST' });
    expect((error as { details: { path: unknown[] }[] }).details[0]?.path).toEqual([
      'customFilterCriteria',
      0,
      'regex',
    ]);
  });
});
