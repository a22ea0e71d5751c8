import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/test/parse-csv';
import { createIcpAs } from './support/api';
import { signIn, useServerAndBrowser } from './support/app-session';
import { newUserContext } from './support/browser';

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SETTING_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User id').waitFor();
}

async function signInHere(page: Page, userId: string): Promise<void> {
  await page.getByLabel('User id').fill(userId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
}

/** The text a person reads in the page's main part. */
const mainText = (page: Page) => page.locator('main').textContent();

describe('signing in and the words the app uses, in a real browser', () => {
  const app = useServerAndBrowser();

  it('signs out to a plain sign-in, and follows a page asked for only for the same user', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_alice');
    await page.getByRole('link', { name: 'Lead lists', exact: true }).click();
    await page.getByRole('heading', { name: 'Lead lists', level: 1 }).waitFor();

    await signOut(page);
    expect(new URL(page.url()).search).toBe('');
    await signInHere(page, 'user_bob');
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // A page asked for while signed out is followed for whoever signed out last only.
    await signOut(page);
    await page.goto('/lead-lists');
    await page.waitForURL(/\/sign-in\?next=%2Flead-lists$/);
    await signInHere(page, 'user_alice');
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    await signOut(page);
    await page.goto('/lead-lists');
    await signInHere(page, 'user_alice');
    await page.getByRole('heading', { name: 'Lead lists', level: 1 }).waitFor();
    await context.close();
  });

  it('checks the user id in the browser and words the server’s checks plainly', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    const signIns: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('auth.localSignIn')) signIns.push(request.url());
    });
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter a user id, such as user_alice.').waitFor();
    expect(await page.getByLabel('User id').getAttribute('aria-invalid')).toBe('true');
    expect(signIns).toEqual([]);

    await page.getByLabel('User id').fill('u'.repeat(300));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Must be at most 255 characters').waitFor();
    expect(await mainText(page)).not.toMatch(/Too big|expected string/);

    // The key hint shows the README's command, as code, without backticks.
    await page.getByRole('button', { name: 'API key or token' }).click();
    const hint = await page.locator('.field__hint').textContent();
    expect(hint).toContain("npx -y pnpm@12.21.0 icp api-key create --user '<your user id>'");
    expect(hint).not.toContain('`');
    await context.close();
  });

  it('shows dates, notes and CRM news in plain words, and no lead as from a CRM nobody searched', async () => {
    const { id } = await createIcpAs(app.server.url, 'user_vera', {
      name: 'Engineering leaders with an AI check',
      leadProviderCriteria: [
        {
          provider: 'baseProvider',
          type: 'person',
          filters: { job_title: ['CTO', 'VP Engineering', 'Head of Engineering'] },
        },
      ],
      customFilterCriteria: [{ type: 'ai', entityType: 'company', prompt: 'Sells software?' }],
      crmFilters: { provider: 'bullhorn', textSearch: 'CTO' },
      userIds: [],
      leadsPerList: 30,
      activeUntil: '2031-06-30T12:00:00.000Z',
    });
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_vera');
    await page.goto(`/icps/${id}`);
    const details = page.getByRole('complementary', { name: 'Profile details' });
    const detailsText = await details.textContent();
    expect(detailsText).toMatch(/Active until \w{3} \d{1,2}, 2031/);
    expect(detailsText).not.toMatch(ISO_TIMESTAMP);
    const targeting = await page.getByTestId('icp-summary').textContent();
    expect(targeting).not.toMatch(/\bai\b/);

    await page
      .getByRole('region', { name: 'Lead lists' })
      .getByRole('button', { name: 'Generate lead list' })
      .click();
    await page.getByRole('heading', { name: /, \d{4}-\d{2}-\d{2}$/, level: 1 }).waitFor();
    const notes = await page.getByRole('list', { name: 'Notes on this list' }).textContent();
    expect(notes).toContain('CRM sourcing not applied: no CRM is connected to this server');
    expect(notes).toContain('AI check (filter 1) not applied: no AI evaluator is configured');
    const listText = await mainText(page);
    expect(listText).not.toMatch(ISO_TIMESTAMP);
    expect(listText).not.toMatch(SETTING_NAME);
    // Only the leads' own domains (".ai") may spell it in lower case.
    expect(notes).not.toMatch(/\bai\b/);
    expect(listText).not.toMatch(/\bICPs?\b/);

    // The CRM was not searched, so no lead shows or downloads as from the CRM.
    const sources = await page
      .getByRole('table', { name: 'Leads' })
      .locator('td[data-label="Source"]')
      .allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set(['Lead database']));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [columns = [], ...cells] = parseCsv(csv);
    const at = (name: string) => columns.indexOf(name);
    expect(at('country_name')).toBe(at('country') + 1);
    expect(at('company_country_name')).toBe(at('company_country') + 1);
    expect(cells.some((row) => row[at('source')] === 'crm')).toBe(false);
    const withCountry = cells.filter((row) => (row[at('country')] ?? '') !== '');
    expect(withCountry.length).toBeGreaterThan(0);
    for (const row of withCountry) {
      expect(row[at('country')]).toMatch(/^[a-z]{2}$/);
      expect(row[at('country_name')]).toMatch(/^[A-Z][\w .'()-]+$/);
    }
    await context.close();
  });

  it('keeps the small things tidy: domains, tag boxes, the list’s words, the JSON block', async () => {
    const { id } = await createIcpAs(app.server.url, 'user_will', {
      name: 'CTOs in Germany',
      leadProviderCriteria: [
        {
          provider: 'baseProvider',
          type: 'person',
          filters: { job_title: ['CTO'], location: { country: ['Germany'] } },
        },
      ],
      customFilterCriteria: [],
      userIds: [],
    });
    const { context, page } = await newUserContext(app.browser, app.server.url, {
      width: 390,
      height: 844,
    });
    await signIn(page, 'user_will');
    // The list says who a profile targets, in the words of its page.
    expect(
      await page.getByRole('list').filter({ hasText: 'CTOs in Germany' }).textContent(),
    ).toMatch(/CTO in Germany/);

    // The raw JSON can be reached by keyboard.
    await page.goto(`/icps/${id}`);
    const json = page.getByRole('figure', { name: 'Profile JSON' }).locator('pre');
    await json.focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PRE');

    // Domains wrap after a dot only.
    await page
      .getByRole('region', { name: 'Lead lists' })
      .getByRole('button', { name: 'Generate lead list' })
      .click();
    const domains = page.locator('.leads-table__domain');
    await domains.first().waitFor();
    for (const html of await domains.evaluateAll((nodes) => nodes.map((node) => node.innerHTML))) {
      for (const part of html.split('<wbr>').slice(0, -1)) expect(part).toMatch(/\.$/);
    }
    expect(await domains.first().evaluate((node) => getComputedStyle(node).wordBreak)).toBe(
      'keep-all',
    );

    // A tall tag box does not stretch the one beside it (wide screens put them side by side).
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/icps/new');
    await page.getByRole('button', { name: 'Add lead search' }).click();
    const titles = page.getByLabel('Job titles');
    for (const title of ['Chief Technology Officer', 'VP Engineering', 'Head of Platform']) {
      await titles.fill(title);
      await titles.press('Enter');
    }
    for (const title of ['Director of Engineering', 'Engineering Manager', 'Head of Data']) {
      await titles.fill(title);
      await titles.press('Enter');
    }
    const heightOf = async (label: string) =>
      (await page.locator('.tag-input', { has: page.getByLabel(label) }).boundingBox())?.height ??
      0;
    expect(await heightOf('Seniority')).toBeLessThan(await heightOf('Job titles'));
    await context.close();
  });
});
