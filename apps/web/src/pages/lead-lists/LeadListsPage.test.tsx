import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { dachTechLeaders, enterpriseTechDecisionMakers } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { renderWithFakeApi } from '../../test/fake-api';
import { makeLeadList } from '../../test/lead-fixtures';
import { LeadListsPage } from './LeadListsPage';

afterEach(() => sessionStore.signOut());

describe('LeadListsPage', () => {
  it('lists every list with its profile’s name, newest first as the server sends them', async () => {
    const newer = makeLeadList({
      id: 'cccccccc-3333-4ccc-8ccc-cccccccccccc',
      icpId: enterpriseTechDecisionMakers.id,
      createdAt: '2026-02-01T09:00:00.000Z',
    });
    const older = makeLeadList({ icpId: dachTechLeaders.id });
    renderWithFakeApi(<LeadListsPage />, {
      handlers: {
        'leadLists.list': () => [newer, older],
        'icp.list': () => [dachTechLeaders, enterpriseTechDecisionMakers],
      },
    });

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
  });

  it('invites generating one from a profile when there are none', async () => {
    renderWithFakeApi(<LeadListsPage />, {
      handlers: { 'leadLists.list': () => [], 'icp.list': () => [] },
    });
    expect(await screen.findByRole('heading', { name: 'No lead lists yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your profiles' }).getAttribute('href')).toBe(
      '/',
    );
  });
});
