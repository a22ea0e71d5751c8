import type { LeadPreview } from '@icp/schema';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { makePreview } from '../../test/lead-fixtures';
import IcpFormPage from './IcpFormPage';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  // Testing Library lets its own zero-delay timers run only when it finds jest's fake timers.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  sessionStore.signOut();
});

/** Lets `ms` of fake time pass, with the requests and renders it sets off. */
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

function renderForm(handlers: FakeHandlers) {
  const view = renderWithFakeApi(<IcpFormPage mode="create" />, {
    handlers,
    path: '/icps/new',
    userId: 'user_me',
  });
  const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
  const panel = screen.getByRole('complementary', { name: 'Matching people' });
  const previews = () => view.calls.filter((call) => call.path === 'leadLists.previewDraft');
  return { ...view, user, panel, previews };
}

async function addJobTitle(user: ReturnType<typeof userEvent.setup>, title: string) {
  if (screen.queryByLabelText(/^Job titles/) === null) {
    await user.click(screen.getByRole('button', { name: 'Add lead search' }));
  }
  await user.type(screen.getByLabelText(/^Job titles/), `${title}{Enter}`);
}

/** A handler whose answers are given by the test, one call at a time. */
function heldAnswers() {
  const pending: ((preview: LeadPreview) => void)[] = [];
  return {
    handler: () => new Promise<LeadPreview>((resolve) => pending.push(resolve)),
    answer: (preview: LeadPreview) => pending.shift()?.(preview),
  };
}

describe('the matching people panel', () => {
  it('asks for a lead search before anything is sent', async () => {
    const { panel, previews } = renderForm({});
    expect(within(panel).getByRole('status').textContent).toBe(
      'Add a lead search (job titles, countries, company size) or CRM sourcing to see who matches.',
    );
    await wait(2_000);
    expect(previews()).toEqual([]);
  });

  it('waits until the typing stops, then shows the count and the first people found', async () => {
    const { panel, previews, user } = renderForm({
      'leadLists.previewDraft': () => makePreview(),
    });

    await addJobTitle(user, 'CTO');
    await wait(149);
    await addJobTitle(user, 'VP Engineering');
    await wait(149);
    expect(previews()).toEqual([]);
    await wait(1);
    // The name is still empty: only the searches and filters hold a preview back.
    expect(previews()).toEqual([
      {
        path: 'leadLists.previewDraft',
        input: {
          body: {
            leadProviderCriteria: [
              {
                provider: 'baseProvider',
                type: 'person',
                filters: { job_title: ['CTO', 'VP Engineering'] },
              },
            ],
            customFilterCriteria: [],
            crmFilters: null,
            listSize: 10,
            limit: 5,
          },
        },
      },
    ]);

    await wait(50);
    expect(within(panel).getByRole('status').textContent).toBe(
      '1,234 people match the lead searches.',
    );
    const sample = [...within(panel).getByRole('list', { name: 'First matches' }).children];
    expect(sample.map((item) => item.querySelector('summary')?.textContent)).toEqual([
      'Ana SchmidtCTO at Acme Software GmbHGermany',
      'Ben OkaforVP EngineeringUnited Kingdom',
    ]);
    const ben = sample[1] as HTMLElement;
    await user.click(within(ben).getByText('Ben Okafor'));
    expect(
      within(ben)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['job title "VP Engineering" matches "VP Engineering"', 'located in United Kingdom']);
    expect(ben.querySelector('summary')?.getAttribute('title')).toContain(
      'located in United Kingdom',
    );
  });

  it('keeps one request in flight and drops the answer to criteria changed meanwhile', async () => {
    const server = heldAnswers();
    const { panel, previews, user } = renderForm({ 'leadLists.previewDraft': server.handler });

    await addJobTitle(user, 'CTO');
    await wait(150);
    expect(previews()).toHaveLength(1);
    expect(within(panel).getByRole('status').textContent).toBe('Counting the people who match…');

    await addJobTitle(user, 'CFO');
    await wait(2_000);
    expect(previews()).toHaveLength(1);

    server.answer(makePreview({ total: 1 }));
    await wait(50);
    expect(within(panel).getByRole('status').textContent).toBe('Counting the people who match…');
    expect(previews()).toHaveLength(2);
    expect(previews()[1]?.input).toMatchObject({
      body: { leadProviderCriteria: [{ filters: { job_title: ['CTO', 'CFO'] } }] },
    });

    server.answer(makePreview({ total: 7 }));
    await wait(50);
    expect(within(panel).getByRole('status').textContent).toBe('7 people match the lead searches.');

    // A change dims the count until its own answer arrives.
    await addJobTitle(user, 'CEO');
    expect(panel.className).toContain('matching-people--stale');
    expect(within(panel).getByText('Updating…')).toBeTruthy();
    await wait(150);
    server.answer(makePreview({ total: 9 }));
    await wait(50);
    expect(within(panel).getByRole('status').textContent).toBe('9 people match the lead searches.');
    expect(panel.className).not.toContain('matching-people--stale');
  });

  it('says the preview waits while a search or filter has errors', async () => {
    const { panel, previews, user } = renderForm({
      'leadLists.previewDraft': () => makePreview(),
    });
    await addJobTitle(user, 'CTO');
    await user.selectOptions(screen.getByLabelText('Filter type'), 'matchFieldWithRegex');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    const filter = screen.getByRole('region', { name: 'Filter 1' });
    await user.type(within(filter).getByLabelText('Field'), 'email');
    await user.type(within(filter).getByLabelText('Pattern'), '(');

    await wait(2_000);
    expect(previews()).toEqual([]);
    expect(within(panel).getByRole('status').textContent).toBe(
      'The preview waits until these problems are fixed:',
    );
    expect(within(panel).getByRole('list').textContent).toMatch(/^Filter 1: /);

    await user.type(within(filter).getByLabelText('Pattern'), 'x)');
    await wait(150);
    expect(previews()).toHaveLength(1);
  });

  it('says which filters were not applied and which keys were ignored', async () => {
    const { panel, user } = renderForm({
      'leadLists.previewDraft': () =>
        makePreview({
          total: 0,
          leads: [],
          notApplied: [
            {
              index: 0,
              type: 'ai',
              reason:
                'no ai evaluator is configured, so leads were not checked against this filter',
            },
          ],
          ignoredFilterKeys: ['leadProviderCriteria[0].filters.revenue'],
        }),
    });
    await addJobTitle(user, 'Chief Happiness Officer');
    await wait(200);

    expect(within(panel).getByRole('status').textContent).toBe('0 people match the lead searches.');
    expect(within(panel).getByText(/No one in the lead database matches/)).toBeTruthy();
    expect(
      within(within(panel).getByRole('list', { name: 'Notes on matching' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'AI check (filter 1) not applied: no AI evaluator is configured, so leads were not checked against this filter',
      'Lead search 1: “revenue” is not a filter the lead database understands, so it was ignored',
    ]);
  });

  it('asks again on its own after the server said too many requests', async () => {
    let refuse = true;
    const { panel, previews, user } = renderForm({
      'leadLists.previewDraft': () => {
        if (refuse) throw new FakeApiError('TOO_MANY_REQUESTS', 'Slow down', 429);
        return makePreview({ total: 3 });
      },
    });
    await addJobTitle(user, 'CTO');
    await wait(200);
    expect(within(panel).getByRole('status').textContent).toBe(
      'The preview is not available right now.',
    );
    refuse = false;
    await wait(2_000);
    expect(previews()).toHaveLength(2);
    expect(within(panel).getByRole('status').textContent).toBe('3 people match the lead searches.');
  });

  it('forecasts the list of the profile’s size and says whether the CRM is searched', async () => {
    const { panel, previews, user } = renderForm({
      'leadLists.previewDraft': () =>
        makePreview({
          total: 40,
          crmSourcing: {
            status: 'not-applied',
            contacts: 0,
            reason: 'no CRM is configured on this server',
          },
          list: { requestedSize: 25, leadCount: 12, notCounted: [1] },
        }),
    });
    await user.clear(screen.getByLabelText('Leads per list'));
    await user.type(screen.getByLabelText('Leads per list'), '25');
    await user.selectOptions(screen.getByLabelText('Filter type'), 'maxPeoplePerCompany');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    await user.selectOptions(screen.getByLabelText('Filter type'), 'ai');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    await user.type(screen.getByLabelText('Prompt'), 'Sells software?');
    await user.click(screen.getByLabelText('Source leads from Bullhorn'));
    await addJobTitle(user, 'CTO');
    await wait(200);

    expect(previews().at(-1)?.input).toMatchObject({
      body: { listSize: 25, crmFilters: { provider: 'bullhorn' } },
    });
    expect(within(panel).getByRole('status').textContent).toBe(
      '40 people match the lead searches.12 leads in a list of 25, after every filter that applies.',
    );
    expect(
      within(panel).getByText(
        'CRM contacts will not be searched: no CRM is connected to this server.',
      ),
    ).toBeTruthy();
    expect(
      within(panel).getByText(
        'AI check (filter 2) is checked for each lead when the list is made, so the list may hold fewer.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: /Show matching people/ }).textContent).toBe(
      '40 people match · 12 of 25 in a listShow matching people ↓',
    );
  });

  it('says what to add when a lead search has no values yet', async () => {
    const { panel, user } = renderForm({ 'leadLists.previewDraft': () => makePreview() });
    await user.click(screen.getByRole('button', { name: 'Add lead search' }));
    await wait(200);
    expect(
      within(panel).getByText(
        'Lead search 1 has no values yet, so it matches everyone: add job titles, countries or other values.',
      ),
    ).toBeTruthy();
  });
});
