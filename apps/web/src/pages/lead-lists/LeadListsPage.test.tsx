import type { LeadList } from '@icp/schema';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { dachTechLeaders, enterpriseTechDecisionMakers } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { makeLeadList } from '../../test/lead-fixtures';
import { LeadListsPage } from './LeadListsPage';

afterEach(() => sessionStore.signOut());

/** Answers `leadLists.listPage` from `lists`, newest first, as the server pages them. */
function pagesOf(lists: readonly LeadList[]): FakeHandlers {
  return {
    'leadLists.listPage': (input) => {
      const { page, size } = input as { page: number; size: number };
      return {
        page,
        size,
        lists: lists.slice(page * size, (page + 1) * size),
        total: lists.length,
      };
    },
    'icp.list': () => [dachTechLeaders, enterpriseTechDecisionMakers],
  };
}

/** 120 lists named "List 1" (the newest) to "List 120". */
const many = Array.from({ length: 120 }, (_, index) =>
  makeLeadList({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    name: `List ${index + 1}`,
    icpId: dachTechLeaders.id,
  }),
);

const shownNames = () =>
  within(screen.getByRole('list', { name: 'Lead lists' }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.lead-list-row__icp')?.textContent);

describe('LeadListsPage', () => {
  it('lists every list with its profile’s name, newest first as the server sends them', async () => {
    const newer = makeLeadList({
      id: 'cccccccc-3333-4ccc-8ccc-cccccccccccc',
      icpId: enterpriseTechDecisionMakers.id,
      createdAt: '2026-02-01T09:00:00.000Z',
    });
    const older = makeLeadList({ icpId: dachTechLeaders.id });
    const { calls } = renderWithFakeApi(<LeadListsPage />, { handlers: pagesOf([newer, older]) });

    const lists = await screen.findByRole('list', { name: 'Lead lists' });
    await within(lists).findByText(/^DACH Tech Leaders ·/);
    const links = within(lists).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      `/lead-lists/${newer.id}`,
      `/lead-lists/${older.id}`,
    ]);
    expect(links[0]?.textContent).toContain(newer.name);
    expect(links[0]?.closest('li')?.textContent).toContain('Enterprise Tech Decision Makers ·');
    expect(screen.getByRole('status').textContent).toBe('2 lists');
    // Everything fits on one page: no pager.
    expect(screen.queryByRole('navigation', { name: 'Pages of lead lists' })).toBeNull();
    expect(calls.find((call) => call.path === 'leadLists.listPage')?.input).toEqual({
      page: 0,
      size: 50,
    });
  });

  it('invites generating one from a profile when there are none', async () => {
    renderWithFakeApi(<LeadListsPage />, { handlers: pagesOf([]) });
    expect(await screen.findByRole('heading', { name: 'No lead lists yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your profiles' }).getAttribute('href')).toBe(
      '/',
    );
    expect(screen.queryByRole('navigation', { name: 'Pages of lead lists' })).toBeNull();
  });

  it('pages through more lists than fit on one page, the page kept in the URL', async () => {
    const user = userEvent.setup();
    const { location } = renderWithFakeApi(<LeadListsPage />, { handlers: pagesOf(many) });

    const pager = await screen.findByRole('navigation', { name: 'Pages of lead lists' });
    const showing = within(pager).getByRole('status');
    const previous = within(pager).getByRole('button', { name: 'Previous' });
    const next = within(pager).getByRole('button', { name: 'Next' });
    expect(screen.getByText('120 lists')).toBeTruthy();
    expect(showing.textContent).toBe('Showing 1–50 of 120');
    expect(shownNames()).toHaveLength(50);
    expect(shownNames()[0]).toBe('List 1');
    expect(previous.getAttribute('aria-disabled')).toBe('true');
    expect(next.getAttribute('aria-disabled')).toBe('false');

    await user.click(next);
    await within(pager).findByText('Showing 51–100 of 120');
    expect(location.history?.at(-1)).toBe('/?page=2');
    expect(shownNames()[0]).toBe('List 51');

    await user.click(next);
    await within(pager).findByText('Showing 101–120 of 120');
    expect(location.history?.at(-1)).toBe('/?page=3');
    expect(shownNames()).toEqual(many.slice(100).map((list) => list.name));
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(next);

    // Pressing Next on the last page stays there.
    const visits = location.history?.length;
    await user.click(next);
    expect(location.history?.length).toBe(visits);

    await user.click(previous);
    await within(pager).findByText('Showing 51–100 of 120');
    await user.click(previous);
    await within(pager).findByText('Showing 1–50 of 120');
    expect(location.history?.at(-1)).toBe('/');
    expect(previous.getAttribute('aria-disabled')).toBe('true');
  });

  it('opens on the page the URL names', async () => {
    const { calls } = renderWithFakeApi(<LeadListsPage />, {
      handlers: pagesOf(many),
      path: '/?page=2',
    });

    const pager = await screen.findByRole('navigation', { name: 'Pages of lead lists' });
    expect(within(pager).getByRole('status').textContent).toBe('Showing 51–100 of 120');
    expect(shownNames()[0]).toBe('List 51');
    expect(calls.find((call) => call.path === 'leadLists.listPage')?.input).toEqual({
      page: 1,
      size: 50,
    });
  });

  it('shows the last page for a page past the end, as when its lists were deleted', async () => {
    const { location } = renderWithFakeApi(<LeadListsPage />, {
      handlers: pagesOf(many),
      path: '/?page=9',
    });

    const pager = await screen.findByRole('navigation', { name: 'Pages of lead lists' });
    expect(within(pager).getByRole('status').textContent).toBe('Showing 101–120 of 120');
    expect(location.history?.at(-1)).toBe('/?page=3');
    expect(screen.queryByRole('heading', { name: 'No lead lists yet' })).toBeNull();
  });

  it('reads a page that is not a number as the first', async () => {
    const { calls } = renderWithFakeApi(<LeadListsPage />, {
      handlers: pagesOf(many),
      path: '/?page=two',
    });

    const pager = await screen.findByRole('navigation', { name: 'Pages of lead lists' });
    expect(within(pager).getByRole('status').textContent).toBe('Showing 1–50 of 120');
    expect(calls.find((call) => call.path === 'leadLists.listPage')?.input).toEqual({
      page: 0,
      size: 50,
    });
  });
});
