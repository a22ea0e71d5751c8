import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { dachTechLeaders } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { makeLeadList, makePreview, twoLeads } from '../../test/lead-fixtures';
import { IcpViewPage } from './IcpViewPage';

afterEach(() => sessionStore.signOut());

const id = dachTechLeaders.id;
const made = makeLeadList({ id: 'dddddddd-4444-4ddd-8ddd-dddddddddddd', icpId: id });
const existing = makeLeadList({ id: 'eeeeeeee-5555-4eee-8eee-eeeeeeeeeeee', icpId: id });

function renderView(handlers: FakeHandlers) {
  const view = renderWithFakeApi(<IcpViewPage icpId={id} />, {
    handlers: {
      'icp.byId': () => ({ icp: dachTechLeaders, etag: '"v1"' }),
      'leadLists.ofIcp': () => [existing],
      'leadLists.preview': () => makePreview(),
      ...handlers,
    },
    path: `/icps/${id}`,
  });
  return { ...view, user: userEvent.setup() };
}

const section = () => screen.getByRole('region', { name: 'Pick people' });

async function showPeople(user: ReturnType<typeof userEvent.setup>) {
  await user.click(
    await within(await screen.findByRole('region', { name: 'Pick people' })).findByRole('button', {
      name: 'Show people to pick',
    }),
  );
  return within(section()).findAllByRole('checkbox');
}

describe('picking people of a profile for a list', () => {
  it('makes a list of the people ticked, for the profile, and opens it', async () => {
    const { calls, location, user } = renderView({ 'leadLists.create': () => made });
    const boxes = await showPeople(user);
    expect(boxes).toHaveLength(twoLeads.length);
    const make = within(section()).getByRole('button', { name: 'Make a list of them' });
    expect((make as HTMLButtonElement).disabled).toBe(true);

    await user.click(boxes[1] as HTMLElement);
    const name = within(section()).getByLabelText('Name of the new list');
    await user.clear(name);
    await user.type(name, 'Call back');
    await user.click(make);

    await waitFor(() => expect(location.history?.at(-1)).toBe(`/lead-lists/${made.id}`));
    const [create] = calls.filter((call) => call.path === 'leadLists.create');
    expect(create?.input).toMatchObject({
      body: { name: 'Call back', icpId: id, type: 'person', personIds: ['person-2'] },
    });
    expect(calls.find((call) => call.path === 'leadLists.preview')?.input).toEqual({
      id,
      body: { limit: 25 },
    });
  });

  it('adds the people ticked to one of the profile’s lists', async () => {
    const { calls, location, user } = renderView({ 'leadLists.addProspects': () => existing });
    const boxes = await showPeople(user);
    await user.click(boxes[0] as HTMLElement);
    await user.selectOptions(within(section()).getByLabelText('Or add them to'), existing.name);
    await user.click(within(section()).getByRole('button', { name: 'Add to the list' }));

    await waitFor(() => expect(location.history?.at(-1)).toBe(`/lead-lists/${existing.id}`));
    expect(calls.find((call) => call.path === 'leadLists.addProspects')?.input).toEqual({
      id: existing.id,
      body: { personIds: ['person-1'] },
    });
  });

  it('says a refusal in place, and asks for a name', async () => {
    const { user } = renderView({
      'leadLists.create': () => {
        throw new FakeApiError('FORBIDDEN', 'You do not have access to this ICP', 403);
      },
    });
    const boxes = await showPeople(user);
    await user.click(boxes[0] as HTMLElement);
    await user.clear(within(section()).getByLabelText('Name of the new list'));
    await user.click(within(section()).getByRole('button', { name: 'Make a list of them' }));
    expect(within(section()).getByText('Enter a name for the list')).toBeTruthy();

    await user.type(within(section()).getByLabelText('Name of the new list'), 'Again');
    await user.click(within(section()).getByRole('button', { name: 'Make a list of them' }));
    const alert = await within(section()).findByRole('alert');
    expect(alert.textContent).toContain('The people could not be put in a list');
  });
});
