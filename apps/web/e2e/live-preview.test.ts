import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTags, signIn, useServerAndBrowser } from './support/app-session';
import { newUserContext } from './support/browser';

const FORECAST =
  /^([\d,]+) (?:people|person) match(?:es)? the lead searches\.([\d,]+) leads? in a list of ([\d,]+), after every filter that applies\.$/;

/** The panel's two numbers: people matching the searches, and leads a list would hold. */
async function forecast(panel: Locator): Promise<{ matched: number; list: number } | null> {
  const match = FORECAST.exec((await panel.getByRole('status').textContent()) ?? '');
  if (match === null) return null;
  const number = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  return { matched: number(match[1]), list: number(match[2]) };
}

async function startNewProfile(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Create your first profile' }).click();
  await page.getByRole('heading', { name: 'New profile', level: 1 }).waitFor();
  return page.getByRole('complementary', { name: 'Matching people' });
}

describe('the live "Matching people" panel, in a real browser', () => {
  const app = useServerAndBrowser();

  it('counts the people found and the leads a list would hold, and says whether the CRM is searched', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_paula');
    const panel = await startNewProfile(page);
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toBe(
        'Add a lead search (job titles, countries, company size) or CRM sourcing to see who matches.',
      );

    // A search without values matches everyone: the panel says what to add, not "fewer filters".
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await panel
      .getByText(
        'Lead search 1 has no values yet, so it matches everyone: add job titles, countries or other values.',
      )
      .waitFor();

    await page.getByLabel('Name').fill('Engineering leaders, one per company');
    await addTags(page.getByLabel('Job titles'), ['CTO', 'VP Engineering', 'Head of Engineering']);
    await page.getByLabel('Leads per list').fill('6');
    const filters = page.getByRole('region', { name: 'Filters after the search' });
    await filters.getByLabel('Filter type').selectOption({ label: 'Max people per company' });
    await filters.getByRole('button', { name: 'Add filter' }).click();
    await filters.getByLabel('People per company, at most').fill('1');

    await expect.poll(() => forecast(panel), { timeout: 10_000 }).not.toBeNull();
    await expect
      .poll(() => panel.getByText(/^CRM contacts/).textContent())
      .toBe('CRM contacts are not searched: CRM sourcing is off for this profile.');

    // Turning on Bullhorn shows at once that this server has no CRM to search.
    const crm = page.getByRole('region', { name: 'CRM sourcing' });
    await crm.getByLabel('Source leads from Bullhorn').check();
    await crm.getByLabel('Text search').fill('CTO');
    await expect
      .poll(() => panel.getByText(/^CRM contacts/).textContent(), { timeout: 10_000 })
      .toBe('CRM contacts will not be searched: no CRM is connected to this server.');
    await crm.getByLabel('Source leads from Bullhorn').uncheck();
    await expect
      .poll(() => panel.getByText(/^CRM contacts/).textContent(), { timeout: 10_000 })
      .toMatch(/not searched: CRM sourcing is off/);

    const counted = await forecast(panel);
    if (counted === null) throw new Error('no forecast shown');
    expect(counted.matched).toBeGreaterThan(0);
    expect(counted.list).toBeLessThanOrEqual(6);

    // The list made from the saved profile holds what the panel said it would.
    await page.getByRole('button', { name: 'Save profile' }).click();
    const lists = page.getByRole('region', { name: 'Lead lists' });
    await lists.getByRole('button', { name: 'Generate lead list' }).click();
    await page.getByRole('heading', { name: /, \d{4}-\d{2}-\d{2}$/, level: 1 }).waitFor();
    expect(await page.locator('.lead-list-page__facts').textContent()).toContain(
      `${counted.list} of 6 requested`,
    );
    await context.close();
  });

  it('keeps the count in view on a phone, and leads to the panel', async () => {
    const viewport = { width: 390, height: 844 };
    const { context, page } = await newUserContext(app.browser, app.server.url, viewport);
    await signIn(page, 'user_quentin');
    const panel = await startNewProfile(page);
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await addTags(page.getByLabel('Job titles'), ['CTO']);
    const summary = page.getByRole('button', { name: /Show matching people/ });
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toMatch(/people match/);

    const inView = async (locator: Locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= viewport.height;
    };
    // The panel itself is far below, after the whole form.
    expect(await inView(panel)).toBe(false);
    for (const y of [0, 1200, 2400]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      expect(await inView(summary)).toBe(true);
    }

    await summary.click();
    await expect.poll(() => inView(panel)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('matching-people');
    await context.close();
  });
});
