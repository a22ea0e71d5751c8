import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dachTechLeaders, existingContactsRefresh } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { IcpViewPage } from './IcpViewPage';

afterEach(() => sessionStore.signOut());

const etag = '"v1"';
const id = dachTechLeaders.id;
const found: FakeHandlers = {
  'icp.byId': () => ({ icp: dachTechLeaders, etag }),
  'leadLists.ofIcp': () => [],
};
const renderView = (handlers: FakeHandlers) =>
  renderWithFakeApi(<IcpViewPage icpId={id} />, { handlers, path: `/icps/${id}` });

describe('IcpViewPage', () => {
  it('shows the profile: name, status, summary, details, JSON and a curl command', async () => {
    renderView(found);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'DACH Tech Leaders' }),
    ).toBeTruthy();
    expect(screen.getByText('No expiry')).toBeTruthy();
    expect(screen.getByText('None: it runs until an end date is set')).toBeTruthy();
    expect(screen.getByTestId('icp-summary').textContent).toBe(
      'CTO, VP Engineering or Head of Technology in Germany, Austria or Switzerland at companies of 100-5,000 employees; at most 2 people per company.',
    );
    const details = screen.getByRole('complementary', { name: 'Profile details' });
    expect(details.textContent).toContain('20');
    expect(details.textContent).toContain('Only you');

    const curl = screen
      .getByRole('figure', { name: 'curl command' })
      .querySelector('pre')?.textContent;
    expect(curl).toContain(`'${window.location.origin}/api/v1/entities/icps/${id}'`);
    expect(curl).toContain('-H "Authorization: Bearer $ICP_API_KEY"');
    expect(
      screen.getByText('npx -y pnpm@12.21.0 icp api-key create --user user_abc123'),
    ).toBeTruthy();
    expect(
      JSON.parse(
        screen.getByRole('figure', { name: 'Profile JSON' }).querySelector('pre')?.textContent ??
          '',
      ),
    ).toEqual(dachTechLeaders);

    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(
      `/icps/${id}/edit`,
    );
    expect(screen.getByRole('link', { name: 'Duplicate' }).getAttribute('href')).toBe(
      `/icps/new?from=${id}`,
    );
  });

  it('lists who else it is shared with', async () => {
    renderWithFakeApi(<IcpViewPage icpId={existingContactsRefresh.id} />, {
      handlers: {
        'icp.byId': () => ({ icp: existingContactsRefresh, etag }),
        'leadLists.ofIcp': () => [],
      },
    });
    const members = await screen.findByRole('list', { name: 'Members' });
    expect(
      within(members)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['user_teammate123', 'user_abc123 (you)']);
    expect(screen.getByText('Expired')).toBeTruthy();
    expect(
      screen
        .getByText(/^Expired on/)
        .querySelector('time')
        ?.getAttribute('dateTime'),
    ).toBe(existingContactsRefresh.activeUntil);
  });

  it('says when the profile does not exist', async () => {
    renderView({
      'icp.byId': () => {
        throw new FakeApiError('NOT_FOUND', 'ICP not found', 404);
      },
    });
    expect(await screen.findByRole('heading', { name: 'Profile not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to your profiles' }).getAttribute('href')).toBe(
      '/',
    );
  });

  it('says when the profile is not shared with the user', async () => {
    renderView({
      'icp.byId': () => {
        throw new FakeApiError('FORBIDDEN', 'Forbidden', 403);
      },
    });
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this profile' }),
    ).toBeTruthy();
    expect(screen.getByText('user_abc123')).toBeTruthy();
  });

  it('deletes after confirmation, with the etag, and goes back to the list', async () => {
    const user = userEvent.setup();
    const { calls, location } = renderView({ ...found, 'icp.delete': () => ({ id }) });

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this profile?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete profile' }));

    await vi.waitFor(() => expect(location.history?.at(-1)).toBe('/'));
    expect(calls.filter((call) => call.path === 'icp.delete')).toEqual([
      { path: 'icp.delete', input: { id, ifMatch: etag } },
    ]);
  });

  it('does not delete when cancelled', async () => {
    const user = userEvent.setup();
    const { calls } = renderView({ ...found, 'icp.delete': () => ({ id }) });

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.some((call) => call.path === 'icp.delete')).toBe(false);
  });

  it.each([
    ['PRECONDITION_FAILED', 412, 'Someone else changed this profile'],
    ['NOT_FOUND', 404, 'This profile no longer exists'],
    ['FORBIDDEN', 403, 'You no longer have access to this profile'],
  ] as const)('explains a %s refusal inside the dialog', async (code, status, title) => {
    const user = userEvent.setup();
    const { location } = renderView({
      ...found,
      'icp.delete': () => {
        throw new FakeApiError(code, 'Refused', status);
      },
    });

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this profile?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete profile' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain(title);
    expect(location.history?.at(-1)).toBe(`/icps/${id}`);
  });
});
