import type { Icp } from '@icp/schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  dachTechLeaders,
  enterpriseTechDecisionMakers,
  existingContactsRefresh,
} from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, renderWithFakeApi } from '../../test/fake-api';
import { IcpListPage } from './IcpListPage';

afterEach(() => sessionStore.signOut());

const listOf = (icps: Icp[]) => ({ 'icp.list': () => icps });
const seeds = [dachTechLeaders, enterpriseTechDecisionMakers, existingContactsRefresh];
const shownNames = () =>
  within(screen.getByRole('list', { name: 'Profiles' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);

describe('IcpListPage', () => {
  it('shows a loading state, then invites creating the first profile when there are none', async () => {
    renderWithFakeApi(<IcpListPage />, { handlers: listOf([]) });
    expect(screen.getByRole('status').textContent).toContain('Loading profiles…');

    const invite = await screen.findByRole('link', { name: 'Create your first profile' });
    expect(invite.getAttribute('href')).toBe('/icps/new');
    expect(screen.getByRole('heading', { level: 1, name: 'Profiles' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New profile' }).getAttribute('href')).toBe(
      '/icps/new',
    );
    expect(screen.queryByRole('searchbox', { name: 'Search profiles' })).toBeNull();
  });

  it('lists each profile with its facts and status', async () => {
    renderWithFakeApi(<IcpListPage />, { handlers: listOf(seeds) });

    const link = await screen.findByRole('link', { name: 'DACH Tech Leaders' });
    expect(link.getAttribute('href')).toBe(`/icps/${dachTechLeaders.id}`);
    expect(screen.getByRole('status').textContent).toContain('3 profiles');

    const row = link.closest('li') as HTMLElement;
    expect(row.textContent).toContain('Technology leaders in German-speaking regions');
    expect(row.textContent).toContain(
      'CTO, VP Engineering or Head of Technology in Germany, Austria or Switzerland',
    );
    expect(row.textContent).toContain('Only you');
    expect(within(row).getByText('No expiry')).toBeTruthy();

    const shared = screen.getByRole('link', { name: 'Existing Contacts - Refresh' }).closest('li');
    expect(shared?.textContent).toContain('Bullhorn contacts whose occupation or title matches');
    expect(shared?.textContent).toContain('You and 1 other');
    expect(shared?.textContent).toContain('user_teammate123');
    expect(within(shared as HTMLElement).getByText('Expired')).toBeTruthy();
  });

  it('filters by name as you type and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { location } = renderWithFakeApi(<IcpListPage />, { handlers: listOf(seeds) });

    await user.type(await screen.findByRole('searchbox', { name: 'Search profiles' }), 'TECH');

    expect(shownNames()).toEqual(['Enterprise Tech Decision Makers', 'DACH Tech Leaders']);
    expect(screen.getByRole('status').textContent).toContain('2 of 3 profiles');
    expect(location.history?.at(-1)).toBe('/?q=TECH');
  });

  it('reads the search and sort from the URL and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithFakeApi(<IcpListPage />, {
      handlers: listOf(seeds),
      path: '/?q=nothing&sort=name-asc',
    });

    expect(
      await screen.findByRole('heading', { name: 'No profiles match “nothing”' }),
    ).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search profiles' })).toHaveProperty(
      'value',
      'nothing',
    );

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(shownNames()).toEqual([
      'DACH Tech Leaders',
      'Enterprise Tech Decision Makers',
      'Existing Contacts - Refresh',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search profiles' }));
  });

  it('sorts with the "Sort by" select', async () => {
    const user = userEvent.setup();
    const { location } = renderWithFakeApi(<IcpListPage />, { handlers: listOf(seeds) });

    const sort = await screen.findByRole('combobox', { name: 'Sort by' });
    await user.selectOptions(sort, 'Name Z-A');
    expect(shownNames()).toEqual([
      'Existing Contacts - Refresh',
      'Enterprise Tech Decision Makers',
      'DACH Tech Leaders',
    ]);
    expect(location.history?.at(-1)).toBe('/?sort=name-desc');
  });

  it('shows the error and retries when the list cannot be loaded', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderWithFakeApi(<IcpListPage />, {
      handlers: {
        'icp.list': () => {
          if (fail) throw new FakeApiError('SERVICE_UNAVAILABLE', 'Database unreachable', 503);
          return seeds;
        },
      },
    });

    expect((await screen.findByRole('alert')).textContent).toContain('Database unreachable');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('3 profiles'));
  });
});
