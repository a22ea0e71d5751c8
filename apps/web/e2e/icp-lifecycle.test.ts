import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addTags, signIn, useServerAndBrowser } from './support/app-session';
import { newUserContext, screenshot } from './support/browser';

async function addFilter(page: Page, label: string): Promise<Locator> {
  const filters = page.getByRole('region', { name: 'Filters after the search' });
  await filters.getByLabel('Filter type').selectOption({ label });
  await filters.getByRole('button', { name: 'Add filter' }).click();
  const count = await filters.getByRole('region', { name: /^Filter \d+$/ }).count();
  return filters.getByRole('region', { name: `Filter ${count}` });
}

async function readCreatedIcp(page: Page): Promise<Record<string, unknown>> {
  const json = await page
    .getByRole('figure', { name: 'Profile JSON' })
    .locator('pre')
    .textContent();
  return JSON.parse(json ?? 'null');
}

describe('an ICP from creation to deletion, in a real browser', () => {
  const app = useServerAndBrowser();
  const consoleErrors: string[] = [];

  it('is created with every filter type, found, edited, shared and deleted', async () => {
    const alice = await newUserContext(app.browser, app.server.url);
    const page = alice.page;
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    // Signed in, with nothing yet: the empty state invites the first profile.
    await signIn(page, 'user_alice');
    await page.getByRole('heading', { name: 'No profiles yet' }).waitFor();
    await screenshot(page, '02-empty-list');
    await page.getByRole('link', { name: 'Create your first profile' }).click();
    await page.getByRole('heading', { name: 'New profile', level: 1 }).waitFor();

    // Basics and one person search.
    await page.getByLabel('Name').fill('DACH Tech Leaders');
    await page.getByLabel('Description').fill('Engineering leaders at DACH software companies');
    await page.getByRole('button', { name: 'Add lead search' }).click();
    const search = page.getByRole('region', { name: 'Lead search 1' });
    await addTags(search.getByLabel('Job titles'), ['CTO', 'VP Engineering']);
    await addTags(search.getByLabel('Countries'), ['Germany', 'Austria', 'Switzerland']);
    await search.getByLabel('Employees, at least').fill('100');
    await search.getByLabel('Employees, at most').fill('5000');

    // Every custom filter type.
    const website = await addFilter(page, 'Website check');
    await website.getByLabel('Provider').fill('exa');
    await website.getByLabel('Prompt').fill('Does the company sell B2B software?');
    const scraping = await addFilter(page, 'Web scraping');
    await scraping.getByLabel('Provider').fill('firecrawl');
    await scraping.getByLabel('Extraction prompt').fill('Find the engineering team size');
    await addTags(scraping.getByLabel('Include search strings'), ['careers']);
    const ai = await addFilter(page, 'AI check');
    await ai.getByLabel('Entity type').selectOption('company');
    await ai.getByLabel('Prompt').fill('Is this a venture-backed company?');
    const perCompany = await addFilter(page, 'Max people per company');
    await perCompany.getByLabel('People per company, at most').fill('2');
    await addFilter(page, 'Max percent from CRM');
    await addFilter(page, 'Min days until reuse');
    const regex = await addFilter(page, 'Match field with regex');
    await regex.getByLabel('Field').fill('email');
    await regex.getByLabel('Pattern').fill('^(?!.*@(gmail|yahoo)\\.com$).+$');
    await regex.getByLabel('Sample value').fill('ana@acme.io');
    await regex.getByText('Sample matches').waitFor();

    // CRM sourcing from Bullhorn with one condition.
    const crm = page.getByRole('region', { name: 'CRM sourcing' });
    await crm.getByLabel('Source leads from Bullhorn').check();
    await crm.getByLabel('Text search').fill('CTO');
    await crm.getByRole('button', { name: 'Add condition' }).click();
    const condition = crm.getByRole('region', { name: 'Condition 1' });
    await condition.getByLabel('Field path').fill('status');
    await condition.getByLabel('Value').fill('Active');
    await condition.getByLabel('Exclude matching contacts').check();

    await page.getByLabel('Leads per list').fill('25');
    await screenshot(page, '03-new-profile-form');
    await page.getByRole('button', { name: 'Save profile' }).click();

    // The profile page: a summary in words and the stored JSON.
    await page.getByRole('heading', { name: 'DACH Tech Leaders', level: 1 }).waitFor();
    const summary = await page.getByTestId('icp-summary').textContent();
    expect(summary).toContain('CTO');
    expect(summary).toContain('Germany');
    const stored = await readCreatedIcp(page);
    expect(stored).toMatchObject({
      name: 'DACH Tech Leaders',
      leadsPerList: 25,
      userIds: ['user_alice'],
      leadProviderCriteria: [
        {
          provider: 'baseProvider',
          type: 'person',
          filters: {
            job_title: ['CTO', 'VP Engineering'],
            location: { country: ['Germany', 'Austria', 'Switzerland'] },
            company: { employee_size: { min: 100, max: 5000 } },
          },
        },
      ],
      customFilterCriteria: [
        { type: 'website', provider: 'exa', prompt: 'Does the company sell B2B software?' },
        {
          type: 'webscraping',
          provider: 'firecrawl',
          extractionPrompt: 'Find the engineering team size',
          includeSearchStrings: ['careers'],
        },
        { type: 'ai', entityType: 'company', prompt: 'Is this a venture-backed company?' },
        { type: 'maxPeoplePerCompany', value: 2 },
        { type: 'maxPercentFromCRM', value: 100 },
        { type: 'minDaysUntilReuse', value: 365 },
        { type: 'matchFieldWithRegex', field: 'email', regex: '^(?!.*@(gmail|yahoo)\\.com$).+$' },
      ],
      crmFilters: {
        provider: 'bullhorn',
        textSearch: 'CTO',
        filters: [{ path: 'status', mode: 'equals', value: 'Active', exclude: true }],
      },
    });
    await screenshot(page, '04-profile');

    // Found in the list by searching its name.
    await page.getByRole('link', { name: 'All profiles', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Search profiles' }).fill('dach');
    await page.getByRole('link', { name: 'DACH Tech Leaders' }).waitFor();
    await screenshot(page, '05-list');
    await page.getByRole('link', { name: 'DACH Tech Leaders' }).click();

    // Edited: an invalid value is caught beside its field, and nothing is sent.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit profile', level: 1 }).waitFor();

    // Leaving with unsaved changes asks first; keeping on editing keeps what was typed.
    await page.getByLabel('Name').fill('DACH Tech Leaders, half renamed');
    await page.getByRole('link', { name: 'Cancel' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await discard.waitFor({ state: 'hidden' });
    expect(await page.getByLabel('Name').inputValue()).toBe('DACH Tech Leaders, half renamed');
    await page.goBack();
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await discard.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toMatch(/^\/icps\/[^/]+\/edit$/);
    expect(await page.getByLabel('Name').inputValue()).toBe('DACH Tech Leaders, half renamed');

    await page.getByLabel('Name').fill('');
    await page.getByRole('button', { name: 'Save profile' }).click();
    const nameField = page.locator('.field', { has: page.getByLabel('Name') });
    await expect.poll(() => nameField.locator('.field__errors').textContent()).toBeTruthy();
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '06-validation-error');

    // Fixed, and shared with a second user.
    await page.getByLabel('Name').fill('DACH Tech Leaders 2027');
    await addTags(page.getByLabel('Share with'), ['user_bob']);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'DACH Tech Leaders 2027', level: 1 }).waitFor();
    expect((await readCreatedIcp(page)).userIds).toEqual(['user_alice', 'user_bob']);

    // The second user sees it in their own list.
    const bob = await newUserContext(app.browser, app.server.url);
    await signIn(bob.page, 'user_bob');
    await bob.page.getByRole('link', { name: 'DACH Tech Leaders 2027' }).click();
    await bob.page.getByRole('heading', { name: 'DACH Tech Leaders 2027', level: 1 }).waitFor();

    // A third user does not, and cannot open it by its address.
    const carol = await newUserContext(app.browser, app.server.url);
    await signIn(carol.page, 'user_carol');
    await carol.page.getByRole('heading', { name: 'No profiles yet' }).waitFor();
    await carol.page.goto(new URL(bob.page.url()).pathname);
    await carol.page
      .getByRole('heading', { name: 'You do not have access to this profile' })
      .waitFor();

    // Deleted after confirming; gone for both users.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this profile?' });
    await screenshot(page, '07-delete-confirmation');
    await dialog.getByRole('button', { name: 'Delete profile' }).click();
    await page.getByRole('heading', { name: 'No profiles yet' }).waitFor();
    await bob.page.goto('/');
    await bob.page.getByRole('heading', { name: 'No profiles yet' }).waitFor();

    expect(consoleErrors).toEqual([]);
    await Promise.all([alice.context.close(), bob.context.close(), carol.context.close()]);
  });

  it('duplicates a profile into a new one, leaving the original as it was', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_erin');
    await page.getByRole('link', { name: 'Create your first profile' }).click();
    await page.getByLabel('Name').fill('Nordic CFOs');
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await addTags(page.getByLabel('Job titles'), ['CFO']);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Nordic CFOs', level: 1 }).waitFor();
    expect(await page.title()).toBe('Nordic CFOs · ICP Studio');
    const original = await readCreatedIcp(page);

    await page.getByRole('link', { name: 'Duplicate', exact: true }).click();
    await page.getByRole('heading', { name: 'Duplicate profile', level: 1 }).waitFor();
    expect(await page.getByLabel('Name').inputValue()).toBe('Copy of Nordic CFOs');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Copy of Nordic CFOs', level: 1 }).waitFor();
    const copy = await readCreatedIcp(page);

    expect(copy.id).not.toBe(original.id);
    expect(copy.leadProviderCriteria).toEqual(original.leadProviderCriteria);
    await page.getByRole('link', { name: 'All profiles', exact: true }).click();
    await expect
      .poll(() => page.getByRole('main').getByRole('status').textContent())
      .toBe('2 profiles');
    await context.close();
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url, {
      width: 360,
      height: 740,
    });
    await signIn(page, 'user_dana');
    await page.getByRole('link', { name: 'Create your first profile' }).click();
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await addFilter(page, 'Match field with regex');
    await page.getByRole('heading', { name: 'New profile', level: 1 }).waitFor();

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await screenshot(page, '08-form-360px');
    await context.close();
  });
});
