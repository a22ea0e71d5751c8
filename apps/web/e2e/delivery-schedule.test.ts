import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createIcpAs } from './support/api';
import { signIn, useServerAndBrowser } from './support/app-session';
import { expectAccessible } from './support/axe';
import { newUserContext } from './support/browser';

const screensDir = fileURLToPath(new URL('../test-artifacts/screens/', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;

/** The section checked by axe-core, then kept as a screenshot beside the other screens. */
async function capture(page: Page, section: Locator, width: number, name: string): Promise<void> {
  await expectAccessible(page, `${name} at ${width} px`);
  const dir = join(screensDir, String(width));
  mkdirSync(dir, { recursive: true });
  // Cut from the whole page seen from the top, so the sticky header does not cover the section.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await section.boundingBox();
  if (box === null) throw new Error('the section is not on screen');
  await page.screenshot({
    path: join(dir, `${name}.png`),
    fullPage: true,
    clip: box,
    animations: 'disabled',
  });
}

/** The next delivery as the page states it, read back in the schedule's zone. */
async function nextDelivery(section: Locator): Promise<{ at: Date; inParis: string }> {
  const iso = await section.locator('dd time').first().getAttribute('datetime');
  const at = new Date(iso ?? '');
  const inParis = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return { at, inParis };
}

describe('a delivery schedule on a profile, in a real browser', () => {
  const app = useServerAndBrowser();

  it('sets a schedule with a webhook, shows the next delivery, changes it and stops it', async () => {
    const icp = await createIcpAs(app.server.url, 'user_mila', {
      name: 'Weekly CTOs',
      leadProviderCriteria: [
        { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
      ],
      customFilterCriteria: [],
      userIds: [],
      leadsPerList: 25,
    });
    const { context, page } = await newUserContext(app.browser, app.server.url, {
      width: 1440,
      height: 900,
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, 'user_mila');
    await page.goto(`/icps/${icp.id}`);

    const section = page.getByRole('region', { name: 'Delivery schedule' });
    await section.getByText('This profile has no schedule yet.').waitFor();
    expect(await section.textContent()).toContain('Deliver a list of 25 leads every day');
    await capture(page, section, 1440, '18-delivery-schedule-form');

    // The server refuses a webhook on a loopback address; the form says so beside the field.
    await section.getByLabel('Every').selectOption('week');
    await section.getByLabel('At').fill('09:00');
    await section.getByLabel('Time zone').fill('Europe/Paris');
    const url = section.getByLabel(/Webhook URL/);
    await url.fill('http://127.0.0.1:9/hooks');
    await section.getByRole('button', { name: 'Set schedule' }).click();
    await section.getByText(/“Webhook URL” must reach a public address/).waitFor();
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    // A public address is taken, and its signing secret is shown this once.
    await url.fill('https://8.8.8.8/hooks/leads');
    await section.getByRole('button', { name: 'Set schedule' }).click();
    await section.getByText('Every week on Monday at 09:00, Europe/Paris').waitFor();
    const secret = await section.locator('.schedule-secret code').textContent();
    expect(secret).toMatch(/^whsec_/);
    expect(await section.textContent()).toContain('It will not be shown again');
    const weekly = await nextDelivery(section);
    expect(weekly.inParis).toBe('Monday 09:00');
    expect(weekly.at.getTime()).toBeGreaterThan(Date.now());
    expect(weekly.at.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);
    await section.getByText('No attempts yet.', { exact: false }).waitFor();
    await capture(page, section, 1440, '19-delivery-schedule');

    const phone = await newUserContext(app.browser, app.server.url, { width: 390, height: 844 });
    await signIn(phone.page, 'user_mila');
    await phone.page.goto(`/icps/${icp.id}`);
    const onPhone = phone.page.getByRole('region', { name: 'Delivery schedule' });
    await onPhone.getByText('Every week on Monday at 09:00, Europe/Paris').waitFor();
    // Another visit never sees the secret again.
    expect(await onPhone.locator('.schedule-secret').count()).toBe(0);
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await capture(phone.page, onPhone, 390, '19-delivery-schedule');
    await phone.context.close();

    await section.getByRole('button', { name: 'I have kept it' }).click();
    expect(await section.locator('.schedule-secret').count()).toBe(0);

    // Changed to every day without a webhook: the form opens with what was set.
    await section.getByRole('button', { name: 'Change' }).click();
    expect(await section.getByLabel('Time zone').inputValue()).toBe('Europe/Paris');
    expect(await url.inputValue()).toBe('https://8.8.8.8/hooks/leads');
    await section.getByLabel('Every').selectOption('day');
    await section.getByLabel('At').fill('07:30');
    await url.fill('');
    await section.getByRole('button', { name: 'Save schedule' }).click();
    await section.getByText('Every day at 07:30, Europe/Paris').waitFor();
    const daily = await nextDelivery(section);
    expect(daily.inParis).toMatch(/ 07:30$/);
    expect(daily.at.getTime()).toBeLessThanOrEqual(Date.now() + DAY_MS);
    expect(await section.getByText('Webhook attempts').count()).toBe(0);
    expect(await section.locator('.schedule-secret').count()).toBe(0);

    // Stopped after confirming; the profile has none, also after a reload.
    await section.getByRole('button', { name: 'Stop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop this schedule?' });
    await dialog.getByRole('button', { name: 'Stop schedule' }).click();
    await section.getByText('This profile has no schedule yet.').waitFor();
    await section.getByText('Schedule stopped. The lists it delivered stay.').waitFor();
    await page.reload();
    await section.getByText('This profile has no schedule yet.').waitFor();
    await section.getByRole('button', { name: 'Set schedule' }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
