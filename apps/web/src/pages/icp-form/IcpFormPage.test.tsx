import type { Icp } from '@icp/schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from 'wouter';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import IcpFormPage from './IcpFormPage';

function renderPage(
  props: { mode: 'create' | 'edit'; icpId?: string },
  { path, handlers = {} }: { path: string; handlers?: FakeHandlers },
  before: ReactNode = null,
) {
  const view = renderWithFakeApi(
    <>
      {before}
      <IcpFormPage {...props} />
    </>,
    { handlers, path, userId: 'user_me' },
  );
  return { ...view, user: userEvent.setup() };
}

afterEach(() => sessionStore.signOut());

const saved: Icp = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  name: 'Enterprise Tech Decision Makers',
  description: null,
  createdAt: '2024-01-15T10:30:00.000Z',
  updatedAt: '2024-01-20T14:22:00.000Z',
  userIds: ['user_me', 'user_def456'],
  leadsPerList: 25,
  activeUntil: null,
  leadProviderCriteria: [
    {
      provider: 'baseProvider',
      type: 'person',
      filters: { job_titles: ['CTO'], company_size: ['501-1000'] },
    },
  ],
  customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: 3 }],
  crmFilters: null,
};

/** The messages a control's aria-describedby points at. */
function describedText(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('IcpFormPage, create', () => {
  it('shows a validation error beside the field and sends nothing', async () => {
    const { calls, user } = renderPage({ mode: 'create' }, { path: '/icps/new' });
    expect(screen.getByRole('heading', { level: 1, name: 'New profile' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(name)).toContain('Required');
    expect(document.activeElement).toBe(name);
    expect(screen.getByRole('alert').textContent).toContain('Some fields need attention');
    expect(calls).toEqual([]);

    // After the first save, every change is checked again.
    await user.type(name, 'DACH Tech Leaders');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('checks a new regex filter before sending, then creates and opens the profile', async () => {
    const { calls, location, user } = renderPage(
      { mode: 'create' },
      {
        path: '/icps/new',
        handlers: {
          'icp.create': (input) => ({
            icp: {
              ...saved,
              id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
              name: (input as { body: { name: string } }).body.name,
            },
            etag: '"v1"',
            replayed: false,
          }),
        },
      },
    );
    await user.type(screen.getByLabelText('Name'), 'Regex check');
    await user.selectOptions(screen.getByLabelText('Filter type'), 'matchFieldWithRegex');
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    const filter = screen.getByRole('region', { name: 'Filter 1' });
    expect(document.activeElement).toBe(within(filter).getByLabelText('Field'));
    await user.type(within(filter).getByLabelText('Field'), 'company.name');
    await user.type(within(filter).getByLabelText('Pattern'), '(');

    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(calls).toEqual([]);
    expect(within(filter).getByLabelText('Pattern').getAttribute('aria-invalid')).toBe('true');

    await user.type(within(filter).getByLabelText('Pattern'), 'Inc)$');
    await user.type(screen.getByLabelText(/Share with/), 'user_teammate{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() =>
      expect(location.history).toContain('/icps/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.path).toBe('icp.create');
    expect(call?.input).toMatchObject({
      body: {
        name: 'Regex check',
        description: null,
        leadProviderCriteria: [],
        customFilterCriteria: [
          { type: 'matchFieldWithRegex', field: 'company.name', regex: '(Inc)$' },
        ],
        crmFilters: null,
        userIds: ['user_me', 'user_teammate'],
        leadsPerList: 10,
        activeUntil: null,
      },
      idempotencyKey: expect.any(String),
    });
  });

  it('shows server field errors beside their field and keeps what was typed', async () => {
    const { user } = renderPage(
      { mode: 'create' },
      {
        path: '/icps/new',
        handlers: {
          'icp.create': () => {
            throw new FakeApiError('BAD_REQUEST', 'Invalid request body', 400, [
              { path: ['name'], message: 'Name is already used by another profile' },
            ]);
          },
        },
      },
    );
    await user.type(screen.getByLabelText('Name'), 'Taken');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await waitFor(() =>
      expect(describedText(name)).toContain('Name is already used by another profile'),
    );
    expect(name.value).toBe('Taken');
    expect(screen.getByRole('alert').textContent).toContain('Some fields need attention');
  });

  it('prefills a duplicate from the profile it copies', async () => {
    const { calls } = renderPage(
      { mode: 'create' },
      {
        path: `/icps/new?from=${saved.id}`,
        handlers: { 'icp.byId': () => ({ icp: saved, etag: '"v1"' }) },
      },
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Duplicate profile' }),
    ).toBeTruthy();
    expect(((await screen.findByLabelText('Name')) as HTMLInputElement).value).toBe(
      'Copy of Enterprise Tech Decision Makers',
    );
    expect(calls.map((call) => call.path)).toEqual(['icp.byId']);
  });
});

describe('IcpFormPage, edit', () => {
  it('sends the ETag it loaded and keeps provider keys the form does not know', async () => {
    const { calls, user } = renderPage(
      { mode: 'edit', icpId: saved.id },
      {
        path: `/icps/${saved.id}/edit`,
        handlers: {
          'icp.byId': () => ({ icp: saved, etag: '"v1"' }),
          'icp.update': () => ({ icp: saved, etag: '"v2"' }),
        },
      },
    );
    const name = (await screen.findByLabelText('Name')) as HTMLInputElement;
    expect(screen.getByRole('heading', { level: 1, name: 'Edit profile' })).toBeTruthy();
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    await waitFor(() => expect(calls.map((call) => call.path)).toContain('icp.update'));
    const update = calls.find((call) => call.path === 'icp.update');
    expect(update?.input).toEqual({
      id: saved.id,
      ifMatch: '"v1"',
      body: {
        name: 'Renamed',
        description: null,
        leadProviderCriteria: saved.leadProviderCriteria,
        customFilterCriteria: saved.customFilterCriteria,
        crmFilters: null,
        userIds: saved.userIds,
        leadsPerList: 25,
        activeUntil: null,
      },
    });
  });

  it('explains a concurrent edit, keeps the typing, and reloads their version on request', async () => {
    let version = 1;
    const { calls, user } = renderPage(
      { mode: 'edit', icpId: saved.id },
      {
        path: `/icps/${saved.id}/edit`,
        handlers: {
          'icp.byId': () => ({
            icp: { ...saved, name: version === 1 ? saved.name : 'Their name' },
            etag: `"v${version}"`,
          }),
          'icp.update': () => {
            version = 2;
            throw new FakeApiError(
              'PRECONDITION_FAILED',
              'The ICP was changed by someone else',
              412,
            );
          },
        },
      },
    );
    const name = (await screen.findByLabelText('Name')) as HTMLInputElement;
    await user.clear(name);
    await user.type(name, 'My name');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this profile');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('My name');

    await user.click(within(alert).getByRole('button', { name: 'Reload their version' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Their name'),
    );
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(calls.filter((call) => call.path === 'icp.update')).toHaveLength(2));
    expect(calls.filter((call) => call.path === 'icp.update')[1]?.input).toMatchObject({
      ifMatch: '"v2"',
    });
  });
});

describe('IcpFormPage, unsaved changes', () => {
  /** The page below a link of the app's header, to leave it by. */
  function renderWithNav(
    props: { mode: 'create' | 'edit'; icpId?: string },
    options: { path: string; handlers?: FakeHandlers },
  ) {
    return renderPage(props, options, <Link href="/lead-lists">Lead lists</Link>);
  }

  /** Whether the browser would ask before closing the tab. */
  function closingTabAsks(): boolean {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  }

  it('asks before a link leaves typed changes, keeps them, and discards them on request', async () => {
    const { location, user } = renderWithNav({ mode: 'create' }, { path: '/icps/new' });
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await user.type(name, 'Half done');
    expect(closingTabAsks()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Cancel' }));
    const dialog = screen.getByRole('dialog', { name: 'Discard your changes?' });
    expect(location.history?.at(-1)).toBe('/icps/new');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(name.value).toBe('Half done');
    expect(location.history?.at(-1)).toBe('/icps/new');

    await user.click(screen.getByRole('link', { name: 'Lead lists' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Discard your changes?' })).getByRole('button', {
        name: 'Discard changes',
      }),
    );
    expect(location.history?.at(-1)).toBe('/lead-lists');
  });

  it('leaves at once when nothing was changed', async () => {
    const { location, user } = renderWithNav({ mode: 'create' }, { path: '/icps/new' });
    expect(closingTabAsks()).toBe(false);

    await user.click(screen.getByRole('link', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(location.history?.at(-1)).toBe('/');
  });

  it('does not ask once the changes are saved', async () => {
    const { location, user } = renderWithNav(
      { mode: 'edit', icpId: saved.id },
      {
        path: `/icps/${saved.id}/edit`,
        handlers: {
          'icp.byId': () => ({ icp: saved, etag: '"v1"' }),
          'icp.update': () => ({ icp: { ...saved, name: 'Renamed' }, etag: '"v2"' }),
        },
      },
    );
    const name = await screen.findByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Renamed');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/icps/${saved.id}`));
    expect(closingTabAsks()).toBe(false);

    await user.click(screen.getByRole('link', { name: 'Lead lists' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(location.history?.at(-1)).toBe('/lead-lists');
  });
});
