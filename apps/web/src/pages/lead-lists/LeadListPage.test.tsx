import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dachTechLeaders } from '../../icp/seed-examples';
import { leadCsvHeader } from '../../leads/lead-csv';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { acme, makeLead, makeLeadList } from '../../test/lead-fixtures';
import { LeadListPage } from './LeadListPage';

afterEach(() => {
  vi.restoreAllMocks();
  sessionStore.signOut();
});

const list = makeLeadList({
  icpId: dachTechLeaders.id,
  createdBy: 'user_teammate',
  requestedSize: 20,
  notApplied: [
    {
      index: 1,
      type: 'ai',
      reason: 'no ai evaluator is configured, so leads were not checked against this filter',
    },
  ],
});
const found: FakeHandlers = {
  'leadLists.byId': () => list,
  'icp.byId': () => ({ icp: dachTechLeaders, etag: '"v1"' }),
};

function renderPage(handlers: FakeHandlers) {
  const view = renderWithFakeApi(<LeadListPage listId={list.id} />, {
    handlers,
    path: `/lead-lists/${list.id}`,
  });
  return { ...view, user: userEvent.setup() };
}

describe('LeadListPage', () => {
  it('shows where the list came from, its counts and the filters not applied', async () => {
    renderPage(found);
    const title = await screen.findByRole('heading', { level: 1, name: list.name });
    const subtitle = title.parentElement?.textContent ?? '';
    expect(subtitle).toContain('by user_teammate');
    const profile = await screen.findByRole('link', { name: dachTechLeaders.name });
    expect(profile.getAttribute('href')).toBe(`/icps/${dachTechLeaders.id}`);
    expect(screen.getByText('2 of 20 requested')).toBeTruthy();
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByText(/Fewer people than requested/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Notes on this list' }).textContent).toBe(
      'AI check (filter 2) not applied: no AI evaluator is configured, so leads were not checked against this filter',
    );
    expect(document.title).toBe(`${list.name} · ICP Studio`);
  });

  it('shows a row per lead with its person, company, source and reasons', async () => {
    renderPage(found);
    const table = await screen.findByRole('table', { name: 'Leads' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent);
    expect(headers).toEqual([
      'Name',
      'Title',
      'Seniority',
      'Company',
      'Industry',
      'Employees',
      'Country',
      'Email',
      'Source',
      'Why it matched',
    ]);
    const [ana, ben] = within(table).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
    expect(
      within(ana)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'CTO',
      'C-Level',
      'Acme Software GmbHacme.example',
      'Software',
      '420',
      'Germany',
      'ana.schmidt@acme.example',
      'Lead database',
      'job title "CTO" matches "CTO"',
    ]);
    expect(within(ana).getByRole('rowheader').textContent).toBe('Ana Schmidt');
    expect(within(ana).getByRole('link').getAttribute('href')).toBe(
      'mailto:ana.schmidt@acme.example',
    );
    // Ben is a CRM record of the lead database, but this list searched no CRM.
    expect(within(ben).queryByText('CRM')).toBeNull();
    expect(within(ben).getByText('Lead database')).toBeTruthy();
    expect(within(ben).getAllByRole('cell')[2]?.textContent).toBe('—');
  });

  it('downloads the leads as a CSV file named after the profile and the date', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:lead-list';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const tricky = makeLeadList({
      ...list,
      people: [
        {
          ...makeLead({ firstName: 'Zoë, "Z"', jobTitle: 'Head of R&D\nand Ops' }),
          crmRecord: null,
        },
      ],
    });
    const { user } = renderPage({ ...found, 'leadLists.byId': () => tricky });

    await screen.findByRole('heading', { level: 1, name: list.name });
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    expect(clicked).toHaveLength(1);
    const createdOn = new Date(list.createdAt);
    const day = [
      createdOn.getFullYear(),
      String(createdOn.getMonth() + 1).padStart(2, '0'),
      String(createdOn.getDate()).padStart(2, '0'),
    ].join('-');
    expect(clicked[0]?.download).toBe(`dach-tech-leaders-leads-${day}.csv`);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:lead-list');
    const text = await blobs[0]?.text();
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const [header, row] = (text ?? '').replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(leadCsvHeader.join(','));
    expect(row).toMatch(/^"Zoë, ""Z""",Schmidt,"Head of R&D\nand Ops",C-Level,/);
  });

  it('adds a person typed in, with their company, and shows the list as the server has it', async () => {
    const ada = makeLead(
      { id: 'leadlist:x/ada', firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'CTO' },
      { company: null, reasons: [] },
    );
    const grown = makeLeadList({ ...list, people: [...list.people, { ...ada, crmRecord: null }] });
    const { calls, user } = renderPage({ ...found, 'leadLists.addProspects': () => grown });
    const form = await screen.findByRole('region', { name: 'Add a person' });

    await user.type(within(form).getByLabelText('First name'), 'Ada');
    await user.click(within(form).getByRole('button', { name: 'Add to the list' }));
    expect(within(form).getByText('Enter this')).toBeTruthy();
    expect(calls.some((call) => call.path === 'leadLists.addProspects')).toBe(false);

    await user.type(within(form).getByLabelText('Last name'), 'Lovelace');
    await user.type(within(form).getByLabelText(/^Company/), 'Analytical Engines');
    await user.click(within(form).getByRole('button', { name: 'Add to the list' }));

    expect(await within(form).findByText('Ada Lovelace was added to the list.')).toBeTruthy();
    expect(calls.find((call) => call.path === 'leadLists.addProspects')?.input).toEqual({
      id: list.id,
      body: {
        prospects: [
          { firstName: 'Ada', lastName: 'Lovelace', company: { name: 'Analytical Engines' } },
        ],
      },
    });
    const rows = within(screen.getByRole('table', { name: 'Leads' })).getAllByRole('row');
    expect(rows).toHaveLength(list.people.length + 2);
  });

  it('shows the companies of a company list, with no form to add people', async () => {
    const companies = makeLeadList({
      ...list,
      type: 'company',
      requestedSize: null,
      matchedCount: null,
      people: [],
      companies: [acme],
      companyIds: [acme.id],
      leadCount: 1,
    });
    renderPage({ ...found, 'leadLists.byId': () => companies });

    const table = await screen.findByRole('table', { name: 'Companies' });
    expect(within(table).getByRole('rowheader').textContent).toBe(acme.name);
    expect(screen.queryByRole('region', { name: 'Add a person' })).toBeNull();
    expect(screen.getByText(/^Made /)).toBeTruthy();
  });

  it('deletes the list after confirmation and goes to its profile', async () => {
    const { calls, location, user } = renderPage({
      ...found,
      'leadLists.delete': () => ({ id: list.id }),
    });
    await user.click(await screen.findByRole('button', { name: 'Delete list' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this lead list?' });
    expect(dialog.textContent).toContain('The list and its 2 leads will be deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Delete list' }));

    await waitFor(() => expect(location.history?.at(-1)).toBe(`/icps/${dachTechLeaders.id}`));
    expect(calls.filter((call) => call.path === 'leadLists.delete')).toEqual([
      { path: 'leadLists.delete', input: { id: list.id } },
    ]);
  });

  it('explains a refused delete inside the dialog', async () => {
    const { location, user } = renderPage({
      ...found,
      'leadLists.delete': () => {
        throw new FakeApiError('NOT_FOUND', 'No lead list exists with this id', 404);
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete list' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this lead list?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete list' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'This lead list no longer exists',
    );
    expect(location.history?.at(-1)).toBe(`/lead-lists/${list.id}`);
  });

  it.each([
    ['NOT_FOUND', 404, 'Lead list not found'],
    ['FORBIDDEN', 403, 'You do not have access to this lead list'],
  ] as const)('says so plainly on %s', async (code, status, heading) => {
    renderPage({
      'leadLists.byId': () => {
        throw new FakeApiError(code, 'Refused', status);
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to lead lists' }).getAttribute('href')).toBe(
      '/lead-lists',
    );
  });
});
