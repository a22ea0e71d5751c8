import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createIcpAs, createLeadListsAs } from './support/api';
import { addTags, signIn, useServerAndBrowser } from './support/app-session';
import { expectAccessible } from './support/axe';
import { newUserContext, screenshot } from './support/browser';

/** The number the "Matching people" panel announces, or null while it shows none. */
async function matchCount(panel: Locator): Promise<number | null> {
  const text = (await panel.getByRole('status').textContent()) ?? '';
  const match = /^([\d,]+) (?:people|person) match/.exec(text);
  return match?.[1] === undefined ? null : Number(match[1].replaceAll(',', ''));
}

describe('from a profile to a lead list, in a real browser', () => {
  const app = useServerAndBrowser();

  it('previews matches while editing, generates a list, downloads it and deletes it', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, 'user_lena');

    // While the profile is edited, the panel counts the demo people it matches.
    await page.getByRole('link', { name: 'Create your first profile' }).click();
    const panel = page.getByRole('complementary', { name: 'Matching people' });
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toBe(
        'Add a lead search (job titles, countries, company size) or CRM sourcing to see who matches.',
      );
    await page.getByLabel('Name').fill('Engineering leaders');
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await addTags(page.getByLabel('Job titles'), ['CTO', 'VP Engineering']);
    await expect.poll(() => matchCount(panel), { timeout: 10_000 }).toBeGreaterThan(0);
    const sample = panel.getByRole('list', { name: 'First matches' });
    expect(await sample.getByRole('listitem').count()).toBeGreaterThan(0);
    await sample.locator('summary').first().click();
    await expect
      .poll(() => sample.getByRole('list', { name: 'Why they match' }).first().textContent())
      .toMatch(/job title/);
    await screenshot(page, '09-live-preview');

    // Saved, then a list generated from the profile page opens on its own page.
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Engineering leaders', level: 1 }).waitFor();
    const lists = page.getByRole('region', { name: 'Lead lists' });
    await lists.getByText('No lead lists yet.').waitFor();
    await lists.getByRole('button', { name: 'Generate lead list' }).click();
    await page
      .getByRole('heading', { name: /^Engineering leaders, \d{4}-\d{2}-\d{2}$/, level: 1 })
      .waitFor();
    const listUrl = new URL(page.url()).pathname;
    expect(listUrl).toMatch(/^\/lead-lists\/[0-9a-f-]{36}$/);
    const rows = page.getByRole('table', { name: 'Leads' }).locator('tbody tr');
    const rowCount = await rows.count();
    expect(rowCount).toBeGreaterThan(0);
    expect(rowCount).toBeLessThanOrEqual(10);
    expect(await rows.first().getByRole('rowheader').textContent()).toBeTruthy();
    await screenshot(page, '10-lead-list');

    // The CSV is built in the browser: named after the profile, a header row, a row per lead.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^engineering-leaders-leads-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header] = csv.split('\r\n');
    expect(header).toMatch(/^first_name,last_name,job_title,seniority,/);
    expect(csv.endsWith('\r\n')).toBe(true);

    // It is listed with the user's other lists, and fits a phone's width.
    await page.getByRole('link', { name: 'Lead lists', exact: true }).click();
    await page.getByRole('heading', { name: 'Lead lists', level: 1 }).waitFor();
    const row = page.getByRole('list', { name: 'Lead lists' }).getByRole('listitem');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Engineering leaders');
    expect(await row.textContent()).toContain(`${rowCount} of 10 leads`);

    const phone = await newUserContext(app.browser, app.server.url, { width: 360, height: 740 });
    await signIn(phone.page, 'user_lena');
    await phone.page.goto(listUrl);
    await phone.page.getByRole('table', { name: 'Leads' }).waitFor();
    const overflow = await phone.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(phone.page, '11-lead-list-360px');
    await phone.context.close();

    // The profile lists it too, and links to it.
    await row.getByRole('link').click();
    await page.getByRole('link', { name: 'Engineering leaders', exact: true }).click();
    const ofProfile = lists.getByRole('list', { name: 'Lead lists of this profile' });
    expect(await ofProfile.textContent()).toContain(`${rowCount} of 10 leads`);
    await screenshot(page, '12-profile-lead-lists');
    await ofProfile.getByRole('link').click();

    // Deleted after confirming; the profile has no lists again.
    await page.getByRole('button', { name: 'Delete list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this lead list?' });
    await dialog.getByRole('button', { name: 'Delete list' }).click();
    await page.getByRole('heading', { name: 'Engineering leaders', level: 1 }).waitFor();
    await lists.getByText('No lead lists yet.').waitFor();
    await page.goto(listUrl);
    await page.getByRole('heading', { name: 'Lead list not found', level: 1 }).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('makes a list by hand from people picked out of a preview, then adds people to it', async () => {
    const icp = await createIcpAs(app.server.url, 'user_noor', {
      name: 'Picked CTOs',
      leadProviderCriteria: [
        { provider: 'baseProvider', type: 'person', filters: { job_title: ['CTO'] } },
      ],
      customFilterCriteria: [],
      userIds: [],
    });
    const { context, page } = await newUserContext(app.browser, app.server.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, 'user_noor');
    await page.goto(`/icps/${icp.id}`);

    // The profile's first matches, to tick.
    const pick = page.getByRole('region', { name: 'Pick people' });
    await pick.getByRole('button', { name: 'Show people to pick' }).click();
    const people = pick.getByRole('group', { name: /^People found/ });
    const boxes = people.getByRole('checkbox');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBeGreaterThan(2);
    const chosen = [
      (await people.locator('label').nth(0).textContent()) ?? '',
      (await people.locator('label').nth(2).textContent()) ?? '',
    ];
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    expect(await people.locator('legend').textContent()).toContain('2 people picked');
    await expectAccessible(page, 'picking people of a profile');
    await screenshot(page, '13-pick-people');

    // Made into a list of its own, which opens with exactly them.
    await pick.getByLabel('Name of the new list').fill('Call this week');
    await pick.getByRole('button', { name: 'Make a list of them' }).click();
    await page.getByRole('heading', { name: 'Call this week', level: 1 }).waitFor();
    const rows = page.getByRole('table', { name: 'Leads' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const names = await rows.getByRole('rowheader').allTextContents();
    for (const [index, name] of names.entries()) expect(chosen[index]).toContain(name);
    expect(await page.locator('.lead-list-page__facts').textContent()).toContain('Leads2');
    const listUrl = new URL(page.url()).pathname;

    // A person typed in is stored and added; a missing last name is said in place first.
    const add = page.getByRole('region', { name: 'Add a person' });
    await add.getByLabel('First name').fill('Ada');
    await add.getByRole('button', { name: 'Add to the list' }).click();
    expect(await add.getByText('Enter this').count()).toBe(1);
    await add.getByLabel('Last name').fill('Lovelace');
    await add.getByLabel(/^Job title/).fill('Chief Analyst');
    await add.getByLabel(/^Company/).fill('Analytical Engines Ltd');
    await add.getByRole('button', { name: 'Add to the list' }).click();
    await add.getByText('Ada Lovelace was added to the list.').waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(2).textContent()).toContain('Analytical Engines Ltd');
    await expectAccessible(page, 'a list made by hand');
    await screenshot(page, '14-list-made-by-hand');

    // Back on the profile, more picked people go into that list, once each.
    await page.goto(`/icps/${icp.id}`);
    await pick.getByRole('button', { name: 'Show people to pick' }).click();
    await boxes.first().waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await pick.getByLabel('Or add them to').selectOption({ label: 'Call this week' });
    await pick.getByRole('button', { name: 'Add to the list' }).click();
    await page.getByRole('heading', { name: 'Call this week', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(listUrl);
    // The first person was in it already: only the second is added.
    await expect.poll(() => rows.count()).toBe(4);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('pages through more lead lists than fit on one page', async () => {
    // 51 lists shared with one user, by three teammates (each within their own rate limit).
    const day = { startDate: '2026-03-02T00:00:00.000Z', endDate: '2026-03-03T00:00:00.000Z' };
    const names = Array.from({ length: 51 }, (_, index) => `Accounts ${index + 1}`);
    for (const [index, creator] of ['user_oskar', 'user_maja', 'user_timo'].entries()) {
      await createLeadListsAs(
        app.server.url,
        creator,
        names.slice(index * 17, (index + 1) * 17).map((name) => ({
          name,
          icpId: null,
          ...day,
          personIds: [],
          userIds: ['user_pia'],
        })),
      );
    }
    const { context, page } = await newUserContext(app.browser, app.server.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page, 'user_pia');

    await page.getByRole('link', { name: 'Lead lists', exact: true }).click();
    const pager = page.getByRole('navigation', { name: 'Pages of lead lists' });
    const showing = pager.getByRole('status');
    await expect.poll(() => showing.textContent()).toBe('Showing 1–50 of 51');
    expect(await page.locator('.lead-lists-page__count').textContent()).toBe('51 lists');
    const rows = page.getByRole('list', { name: 'Lead lists' }).getByRole('listitem');
    const listNames = () => rows.locator('.lead-list-row__icp').allTextContents();
    const firstPage = await listNames();
    expect(firstPage).toHaveLength(50);
    expect(firstPage[0]).toBe('Accounts 51');
    await expectAccessible(page, 'a page of lead lists');

    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => showing.textContent()).toBe('Showing 51 of 51');
    expect(new URL(page.url()).search).toBe('?page=2');
    const lastPage = await listNames();
    expect([...firstPage, ...lastPage].sort()).toEqual([...names].sort());
    expect(await pager.getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
    await screenshot(page, '15-lead-lists-last-page');

    // The page is in the URL: back returns to the first, and a reload keeps the second.
    await page.goBack();
    await expect.poll(() => showing.textContent()).toBe('Showing 1–50 of 51');
    await page.goForward();
    await expect.poll(() => showing.textContent()).toBe('Showing 51 of 51');
    await page.reload();
    await expect.poll(() => showing.textContent()).toBe('Showing 51 of 51');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
