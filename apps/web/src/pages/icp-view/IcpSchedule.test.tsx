import type { Schedule } from '@icp/schema';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../icp/dates';
import { dachTechLeaders } from '../../icp/seed-examples';
import { sessionStore } from '../../session/session-store';
import { FakeApiError, type FakeHandlers, renderWithFakeApi } from '../../test/fake-api';
import { IcpViewPage } from './IcpViewPage';
import { browserTimeZone } from './schedule-text';

afterEach(() => sessionStore.signOut());

const id = dachTechLeaders.id;
const listId = 'cccccccc-3333-4ccc-8ccc-cccccccccccc';

function makeSchedule(patch: Partial<Schedule> = {}): Schedule {
  return {
    id: 'dddddddd-4444-4ddd-8ddd-dddddddddddd',
    icpId: id,
    every: 'week',
    at: '09:00',
    timezone: 'Europe/Paris',
    webhookUrl: null,
    createdAt: '2026-11-30T07:00:00.000Z',
    updatedAt: '2026-11-30T07:00:00.000Z',
    nextDeliveryAt: '2026-12-07T08:00:00.000Z',
    ended: null,
    deliveries: [],
    webhookAttempts: [],
    ...patch,
  };
}

const noSchedule = () => {
  throw new FakeApiError('NOT_FOUND', 'This ICP has no delivery schedule', 404);
};

function renderView(handlers: FakeHandlers) {
  const view = renderWithFakeApi(<IcpViewPage icpId={id} />, {
    handlers: {
      'icp.byId': () => ({ icp: dachTechLeaders, etag: '"v1"' }),
      'leadLists.ofIcp': () => [],
      ...handlers,
    },
    path: `/icps/${id}`,
  });
  return { ...view, user: userEvent.setup() };
}

const findSection = () => screen.findByRole('region', { name: 'Delivery schedule' });
const callsTo = (calls: { path: string; input: unknown }[], path: string) =>
  calls.filter((call) => call.path === path).map((call) => call.input);

describe('the delivery schedule of a profile', () => {
  it('explains what a schedule does and sets one in the browser’s time zone', async () => {
    let current: Schedule | null = null;
    const { calls, user } = renderView({
      'schedules.get': () => current ?? noSchedule(),
      'schedules.set': (input) => {
        const { body } = input as { body: Pick<Schedule, 'every' | 'at' | 'timezone'> };
        current = makeSchedule(body);
        return { created: true, schedule: current };
      },
    });
    const section = await findSection();
    await within(section).findByText('This profile has no schedule yet.');
    expect(section.textContent).toContain(
      `Deliver a list of ${dachTechLeaders.leadsPerList} leads every day, week or month`,
    );
    expect((within(section).getByLabelText('Time zone') as HTMLInputElement).value).toBe(
      browserTimeZone(),
    );

    await user.selectOptions(within(section).getByLabelText('Every'), 'day');
    const at = within(section).getByLabelText('At');
    await user.clear(at);
    await user.type(at, '07:30');
    await user.click(within(section).getByRole('button', { name: 'Set schedule' }));

    await within(section).findByText(`Every day at 07:30, ${browserTimeZone()}`);
    expect(callsTo(calls, 'schedules.set')).toEqual([
      { id, body: { every: 'day', at: '07:30', timezone: browserTimeZone() } },
    ]);
    expect(within(section).queryByText(/signing secret/)).toBeNull();
    expect(within(section).getByRole('status').textContent).toBe('Schedule saved.');
  });

  it('checks the fields with the API’s schema before sending', async () => {
    const { calls, user } = renderView({ 'schedules.get': noSchedule });
    const section = await findSection();
    const zone = await within(section).findByLabelText('Time zone');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await user.type(within(section).getByLabelText(/Webhook URL/), 'ftp://hooks.example.com');
    await user.click(within(section).getByRole('button', { name: 'Set schedule' }));

    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(section.textContent).toContain('Must be an IANA time zone name such as Europe/Paris');
    expect(
      within(section)
        .getByLabelText(/Webhook URL/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(section.textContent).toContain('Must be an http(s) URL');
    expect(callsTo(calls, 'schedules.set')).toEqual([]);
  });

  it('shows the server’s refusal of a webhook address beside the field, until it is changed', async () => {
    const { calls, user } = renderView({
      'schedules.get': noSchedule,
      'schedules.set': () => {
        throw new FakeApiError('BAD_REQUEST', 'Invalid request body', 400, [
          {
            path: ['webhookUrl'],
            message: 'webhookUrl must reach a public address: 127.0.0.1 is a loopback address',
          },
        ]);
      },
    });
    const section = await findSection();
    const url = await within(section).findByLabelText(/Webhook URL/);
    await user.type(url, 'http://127.0.0.1:9000/hook');
    await user.click(within(section).getByRole('button', { name: 'Set schedule' }));

    await waitFor(() => expect(url.getAttribute('aria-invalid')).toBe('true'));
    const errorId = url.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe(
      '“Webhook URL” must reach a public address: 127.0.0.1 is a loopback address',
    );
    expect(within(section).getByRole('alert').textContent).toContain(
      'each problem is shown beside its field',
    );
    expect(callsTo(calls, 'schedules.set')).toHaveLength(1);

    await user.type(url, '1');
    expect(url.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a new webhook’s signing secret once, with a copy button', async () => {
    let current: Schedule | null = null;
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const { user, queryClient } = renderView({
      'schedules.get': () => current ?? noSchedule(),
      'schedules.set': () => {
        const created = current === null;
        current = makeSchedule({ webhookUrl: 'https://hooks.example.com/leads' });
        // The same URL again keeps its secret, which is then not answered.
        return { created, schedule: created ? { ...current, webhookSecret: secret } : current };
      },
    });
    const section = await findSection();
    await user.type(
      await within(section).findByLabelText(/Webhook URL/),
      'https://hooks.example.com/leads',
    );
    await user.click(within(section).getByRole('button', { name: 'Set schedule' }));

    const notice = await within(section).findByText('Keep the webhook’s signing secret');
    const box = notice.closest('.alert') as HTMLElement;
    expect(within(box).getByText(secret).tagName).toBe('CODE');
    expect(box.textContent).toContain('It will not be shown again');
    expect(box.textContent).toContain('Standard Webhooks signature');
    expect(within(box).getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    // Kept on screen only, never in the cache the rest of the page reads.
    const cached = queryClient.getQueryCache().findAll({ queryKey: [['schedules', 'get']] });
    expect(JSON.stringify(cached.map((query) => query.state.data))).not.toContain(secret);
    expect(section.textContent).toContain('No attempts yet.');

    // Saved again with the same URL before it was dismissed: it is still there to copy.
    await user.click(within(section).getByRole('button', { name: 'Change' }));
    await user.click(within(section).getByRole('button', { name: 'Save schedule' }));
    await within(section).findByRole('button', { name: 'Change' });
    expect(within(section).getByText(secret)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'I have kept it' }));
    expect(within(section).queryByText(secret)).toBeNull();
  });

  it('shows the schedule, the next delivery, the lists delivered and the webhook attempts', async () => {
    renderView({
      'schedules.get': () =>
        makeSchedule({
          webhookUrl: 'https://hooks.example.com/leads',
          deliveries: [
            {
              periodStart: '2026-11-30T08:00:00.000Z',
              periodEnd: '2026-12-07T08:00:00.000Z',
              leadListId: listId,
              deliveredAt: '2026-11-30T08:00:05.000Z',
            },
            {
              periodStart: '2026-11-23T08:00:00.000Z',
              periodEnd: '2026-11-30T08:00:00.000Z',
              leadListId: null,
              deliveredAt: '2026-11-23T08:00:04.000Z',
            },
          ],
          webhookAttempts: [
            {
              messageId: 'msg_2',
              leadListId: listId,
              attempt: 2,
              attemptedAt: '2026-11-30T08:00:20.000Z',
              status: 200,
              error: null,
              nextRetryAt: null,
            },
            {
              messageId: 'msg_2',
              leadListId: listId,
              attempt: 1,
              attemptedAt: '2026-11-30T08:00:06.000Z',
              status: null,
              error: 'certificate refused: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
              nextRetryAt: '2026-11-30T08:00:16.000Z',
            },
          ],
        }),
    });
    const section = await findSection();
    await within(section).findByText('Every week on Monday at 09:00, Europe/Paris');
    const next = section.querySelector('time[datetime="2026-12-07T08:00:00.000Z"]');
    expect(next?.textContent).toContain(
      `${formatDateTime('2026-12-07T08:00:00.000Z', { timeZone: 'Europe/Paris' })} (Europe/Paris)`,
    );
    expect(section.textContent).toContain('https://hooks.example.com/leads');

    const delivered = within(section).getByRole('table', { name: 'Delivered lists' });
    const [first, second] = within(delivered).getAllByRole('row').slice(1);
    expect(
      within(first as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/lead-lists/${listId}`);
    expect(first?.textContent).toContain(
      formatDateTime('2026-11-30T08:00:00.000Z', { timeZone: 'Europe/Paris' }),
    );
    expect(within(second as HTMLElement).queryByRole('link')).toBeNull();
    expect(second?.textContent).toContain('Deleted');

    const attempts = within(section).getByRole('table', { name: 'Webhook attempts' });
    const [ok, failed] = within(attempts).getAllByRole('row').slice(1);
    expect(ok?.textContent).toContain('#2');
    expect(ok?.textContent).toContain('HTTP 200');
    expect(failed?.textContent).toContain('#1');
    // The sender's words as recorded, error code included.
    expect(failed?.textContent).toContain(
      'certificate refused: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
    expect(failed?.querySelector('time[datetime="2026-11-30T08:00:16.000Z"]')?.textContent).toBe(
      formatDateTime('2026-11-30T08:00:16.000Z'),
    );
  });

  it('keeps showing the attempts made once the webhook is removed', async () => {
    renderView({
      'schedules.get': () =>
        makeSchedule({
          webhookAttempts: [
            {
              messageId: 'msg_1',
              leadListId: listId,
              attempt: 1,
              attemptedAt: '2026-11-30T08:00:06.000Z',
              status: 503,
              error: null,
              nextRetryAt: null,
            },
          ],
        }),
    });
    const section = await findSection();
    const attempts = await within(section).findByRole('table', { name: 'Webhook attempts' });
    expect(attempts.textContent).toContain('HTTP 503');
  });

  it('shows no webhook attempts without a webhook, and says why an ended schedule delivers nothing', async () => {
    renderView({
      'schedules.get': () =>
        makeSchedule({
          nextDeliveryAt: null,
          ended: { reason: 'activeUntilPassed', at: '2026-12-01T00:00:00.000Z' },
        }),
    });
    const section = await findSection();
    await within(section).findByText(/the schedule ended on/);
    expect(section.textContent).toContain('“Active until” date passed');
    expect(section.textContent).toContain('No lists delivered yet.');
    expect(within(section).queryByText('Webhook attempts')).toBeNull();
  });

  it('changes the schedule from a prefilled form', async () => {
    let current = makeSchedule({ webhookUrl: 'https://hooks.example.com/leads' });
    const { calls, user } = renderView({
      'schedules.get': () => current,
      'schedules.set': (input) => {
        current = makeSchedule({ ...(input as { body: Partial<Schedule> }).body });
        return { created: false, schedule: current };
      },
    });
    const section = await findSection();
    await user.click(await within(section).findByRole('button', { name: 'Change' }));
    expect((within(section).getByLabelText('Every') as HTMLSelectElement).value).toBe('week');
    expect((within(section).getByLabelText('At') as HTMLInputElement).value).toBe('09:00');
    expect((within(section).getByLabelText('Time zone') as HTMLInputElement).value).toBe(
      'Europe/Paris',
    );
    const url = within(section).getByLabelText(/Webhook URL/) as HTMLInputElement;
    expect(url.value).toBe('https://hooks.example.com/leads');

    await user.selectOptions(within(section).getByLabelText('Every'), 'month');
    await user.clear(url);
    await user.click(within(section).getByRole('button', { name: 'Save schedule' }));

    await within(section).findByText('Every month on the 1st at 09:00, Europe/Paris');
    expect(callsTo(calls, 'schedules.set')).toEqual([
      { id, body: { every: 'month', at: '09:00', timezone: 'Europe/Paris' } },
    ]);
    expect(within(section).queryByText('Webhook attempts')).toBeNull();
  });

  it('stops the schedule after a confirmation; the profile then has none', async () => {
    let current: Schedule | null = makeSchedule();
    const { calls, user } = renderView({
      'schedules.get': () => current ?? noSchedule(),
      'schedules.delete': () => {
        current = null;
        return { icpId: id };
      },
    });
    const section = await findSection();
    await user.click(await within(section).findByRole('button', { name: 'Stop' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop this schedule?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(calls, 'schedules.delete')).toEqual([]);

    await user.click(within(section).getByRole('button', { name: 'Stop' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Stop this schedule?' })).getByRole('button', {
        name: 'Stop schedule',
      }),
    );
    await within(section).findByText('This profile has no schedule yet.');
    expect(callsTo(calls, 'schedules.delete')).toEqual([{ id }]);
    expect(
      within(section).getByText('Schedule stopped. The lists it delivered stay.'),
    ).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Set schedule' })).toBeTruthy();
  });

  it('says when the schedule could not be loaded', async () => {
    renderView({
      'schedules.get': () => {
        throw new FakeApiError('FORBIDDEN', 'You are not a member of this ICP', 403);
      },
    });
    const section = await findSection();
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('The schedule could not be loaded');
    expect(within(section).queryByRole('button', { name: 'Set schedule' })).toBeNull();
  });
});
