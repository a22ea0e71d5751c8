import type { Icp } from '@icp/schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { dachTechLeaders } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { makeLeadList } from '../../test/lead-fixtures';
import { IcpViewPage } from './IcpViewPage';

afterEach(() => sessionStore.signOut());

const id = dachTechLeaders.id;
const newList = makeLeadList({ id: 'aaaaaaaa-1111-4aaa-8aaa-aaaaaaaaaaaa', icpId: id });

function renderView(handlers: FakeHandlers, icp: Icp = dachTechLeaders) {
  const view = renderWithFakeApi(<IcpViewPage icpId={id} />, {
    handlers: { 'icp.byId': () => ({ icp, etag: '"v1"' }), ...handlers },
    path: `/icps/${id}`,
  });
  return { ...view, user: userEvent.setup() };
}

const section = () => screen.getByRole('region', { name: 'Lead lists' });

describe('the lead lists of a profile', () => {
  it('generates a list of the profile’s size and opens it', async () => {
    const { calls, location, user, queryClient } = renderView({
      'leadLists.ofIcp': () => [],
      'leadLists.generate': () => newList,
    });
    expect(
      await within(await screen.findByRole('region', { name: 'Lead lists' })).findByText(
        'No lead lists yet.',
      ),
    ).toBeTruthy();
    expect((within(section()).getByLabelText('Leads in the list') as HTMLInputElement).value).toBe(
      String(dachTechLeaders.leadsPerList),
    );

    await user.click(within(section()).getByRole('button', { name: 'Generate lead list' }));

    await waitFor(() => expect(location.history?.at(-1)).toBe(`/lead-lists/${newList.id}`));
    expect(calls.filter((call) => call.path === 'leadLists.generate')).toEqual([
      { path: 'leadLists.generate', input: { id } },
    ]);
    // The list page shows it at once, without asking the server again.
    const cached = queryClient.getQueryCache().findAll({ queryKey: [['leadLists', 'byId']] });
    expect(cached.map((query) => query.state.data)).toEqual([newList]);
  });

  it('sends the size typed, and checks it first', async () => {
    const { calls, user } = renderView({
      'leadLists.ofIcp': () => [],
      'leadLists.generate': () => newList,
    });
    const size = await within(
      await screen.findByRole('region', { name: 'Lead lists' }),
    ).findByLabelText('Leads in the list');
    await user.clear(size);
    await user.type(size, '0');
    await user.click(within(section()).getByRole('button', { name: 'Generate lead list' }));
    expect(size.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((call) => call.path === 'leadLists.generate')).toBe(false);

    await user.clear(size);
    await user.type(size, '50');
    await user.click(within(section()).getByRole('button', { name: 'Generate lead list' }));
    await waitFor(() =>
      expect(calls.filter((call) => call.path === 'leadLists.generate')).toEqual([
        { path: 'leadLists.generate', input: { id, body: { size: 50 } } },
      ]),
    );
  });

  it('shows why an expired profile makes no list, in place', async () => {
    const { calls } = renderView(
      { 'leadLists.ofIcp': () => [] },
      { ...dachTechLeaders, activeUntil: '2024-01-01T00:00:00.000Z' },
    );
    const region = await screen.findByRole('region', { name: 'Lead lists' });
    const hint = within(region).getByText(/This profile has expired/);
    const button = within(region).getByRole('button', { name: 'Generate lead list' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe(hint.id);
    expect(calls.some((call) => call.path === 'leadLists.generate')).toBe(false);
  });

  it('says the server’s refusal in the app’s words, dates formatted', async () => {
    const message =
      'This ICP expired at 2024-01-01T00:00:00.000Z; set a later activeUntil (or none) to generate lead lists';
    const { user } = renderView({
      'leadLists.ofIcp': () => [],
      'leadLists.generate': () => {
        throw new FakeApiError('CONFLICT', message, 409);
      },
    });
    const region = await screen.findByRole('region', { name: 'Lead lists' });
    await user.click(within(region).getByRole('button', { name: 'Generate lead list' }));

    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('This profile makes no new lists');
    expect(alert.textContent).toContain('This profile expired at');
    expect(alert.textContent).toContain('move its “Active until” date later');
    expect(alert.textContent).not.toMatch(/activeUntil|2024-01-01T/);
  });

  it('lists the lists made before: date, who made it, counts and notes', async () => {
    renderView({
      'leadLists.ofIcp': () => [
        {
          ...makeLeadList({ id: 'bbbbbbbb-2222-4bbb-8bbb-bbbbbbbbbbbb', icpId: id }),
          createdBy: 'user_teammate',
          leadCount: 18,
          requestedSize: 20,
          notApplied: [{ index: 1, type: 'ai', reason: 'no ai evaluator is configured' }],
        },
        { ...makeLeadList({ icpId: id }), leadCount: 20, requestedSize: 20 },
      ],
    });
    const lists = await screen.findByRole('list', { name: 'Lead lists of this profile' });
    const rows = within(lists).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link').getAttribute('href')).toBe(
      '/lead-lists/bbbbbbbb-2222-4bbb-8bbb-bbbbbbbbbbbb',
    );
    expect(first.querySelector('time')?.getAttribute('dateTime')).toBe('2026-01-05T10:00:00.000Z');
    expect(first.textContent).toContain('Generated by user_teammate');
    expect(first.textContent).toContain('18 of 20 leads');
    expect(first.textContent).toContain('Not applied: AI check');
    expect(second.textContent).toContain('Generated by you');
    expect(second.textContent).not.toContain('Not applied');
  });
});
