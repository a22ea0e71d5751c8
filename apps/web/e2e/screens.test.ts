import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { createIcpAs } from './support/api';
import { addTags, signIn, useServerAndBrowser } from './support/app-session';
import { expectAccessible } from './support/axe';
import { newUserContext } from './support/browser';

/** Screenshots of every main screen at each width, kept with the code for review. */
const screensDir = fileURLToPath(new URL('../test-artifacts/screens/', import.meta.url));

const widths = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/**
 * Checks the page with axe-core, then keeps a screenshot of it: of the whole page, or of the
 * screen only for a dialog (whose backdrop covers the screen, not the page).
 */
async function capture(page: Page, width: number, name: string, fullPage = true): Promise<void> {
  await expectAccessible(page, `${name} at ${width} px`);
  // From the top, so that sticky parts sit where a reader first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  const dir = join(screensDir, String(width));
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage, animations: 'disabled' });
}

async function seedProfiles(baseUrl: string): Promise<{ dach: string; expired: string }> {
  const dach = await createIcpAs(baseUrl, 'user_alice', {
    name: 'DACH Tech Leaders',
    description: 'Engineering leaders at software companies in Germany, Austria and Switzerland',
    leadProviderCriteria: [
      {
        provider: 'baseProvider',
        type: 'person',
        filters: {
          job_title: ['CTO', 'VP Engineering', 'Head of Engineering'],
          location: { country: ['Germany', 'Austria', 'Switzerland'] },
        },
      },
    ],
    customFilterCriteria: [{ type: 'maxPeoplePerCompany', value: 2 }],
    crmFilters: { provider: 'bullhorn', textSearch: 'CTO' },
    userIds: ['user_bob'],
    leadsPerList: 20,
  });
  const expired = await createIcpAs(baseUrl, 'user_alice', {
    name: 'Holiday campaign 2024',
    description: 'Retail buyers for the winter season',
    leadProviderCriteria: [
      {
        provider: 'baseProvider',
        type: 'person',
        filters: { job_title: ['Head of Purchasing'], location: { country: ['France'] } },
      },
    ],
    customFilterCriteria: [],
    userIds: [],
    activeUntil: '2024-12-31T23:00:00.000Z',
  });
  return { dach: dach.id, expired: expired.id };
}

for (const { name, viewport } of widths) {
  describe(`every main screen at ${viewport.width} px (${name}), checked by axe-core`, () => {
    const app = useServerAndBrowser();

    it('has no accessibility violations on any screen, and keeps a screenshot of each', async () => {
      const width = viewport.width;
      const { dach, expired } = await seedProfiles(app.server.url);
      const { context, page } = await newUserContext(app.browser, app.server.url, viewport);

      await page.goto('/sign-in');
      await page.getByLabel('User id').waitFor();
      await capture(page, width, '01-sign-in');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Enter a user id, such as user_alice.').waitFor();
      await capture(page, width, '02-sign-in-empty-id');
      await page.getByRole('button', { name: 'API key or token' }).click();
      await capture(page, width, '03-sign-in-api-key');

      await signIn(page, 'user_erin');
      await page.getByRole('heading', { name: 'No profiles yet' }).waitFor();
      await capture(page, width, '04-empty-list');

      // The form, with the live panel counting and forecasting a list.
      await page.getByRole('link', { name: 'Create your first profile' }).click();
      await page.getByLabel('Name').fill('Engineering leaders');
      await page.getByRole('button', { name: 'Add lead search' }).click();
      await addTags(page.getByLabel('Job titles'), ['CTO', 'VP Engineering']);
      await addTags(page.getByLabel('Countries'), ['Germany', 'Austria']);
      const filters = page.getByRole('region', { name: 'Filters after the search' });
      await filters.getByLabel('Filter type').selectOption({ label: 'Max people per company' });
      await filters.getByRole('button', { name: 'Add filter' }).click();
      await page
        .getByRole('region', { name: 'CRM sourcing' })
        .getByLabel('Source leads from Bullhorn')
        .check();
      const panel = page.getByRole('complementary', { name: 'Matching people' });
      await panel.getByText(/^CRM contacts will not be searched/).waitFor({ timeout: 10_000 });
      await panel.getByText(/in a list of 10/).waitFor();
      await capture(page, width, '05-new-profile-live-preview');
      // Content passing under the sticky actions bar keeps its contrast.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      await expectAccessible(page, `form scrolled under the actions bar at ${width} px`);
      await page.screenshot({ path: join(screensDir, String(width), '05b-form-scrolled.png') });

      await page.getByLabel('Name').fill('');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByText('Some fields need attention').waitFor();
      await capture(page, width, '06-form-validation');
      await page.getByLabel('Name').fill('Engineering leaders');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByRole('heading', { name: 'Engineering leaders', level: 1 }).waitFor();
      await page.locator('.outcome').getByText('Saved').waitFor();
      await capture(page, width, '07-profile-saved');

      await page
        .getByRole('region', { name: 'Lead lists' })
        .getByRole('button', { name: 'Generate lead list' })
        .click();
      await page.getByRole('table', { name: 'Leads' }).waitFor();
      await capture(page, width, '08-lead-list');
      await page.getByRole('link', { name: 'Lead lists', exact: true }).click();
      await page.getByRole('list', { name: 'Lead lists' }).waitFor();
      await capture(page, width, '09-lead-lists');

      // A member of profiles shared with others, and an expired one.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('User id').fill('user_alice');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: 'DACH Tech Leaders' }).waitFor();
      await capture(page, width, '10-profiles-list');
      await page.goto(`/icps/${dach}`);
      await page.getByRole('heading', { name: 'DACH Tech Leaders', level: 1 }).waitFor();
      await capture(page, width, '11-shared-profile');
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByRole('dialog', { name: 'Delete this profile?' }).waitFor();
      await capture(page, width, '12-delete-dialog', false);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Leave', exact: true }).click();
      await page.getByRole('dialog', { name: 'Leave this profile?' }).waitFor();
      await capture(page, width, '13-leave-dialog', false);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('link', { name: 'Duplicate', exact: true }).click();
      await page.getByRole('region', { name: 'Sharing of the copy' }).waitFor();
      await capture(page, width, '14-duplicate-sharing');
      await page.getByRole('link', { name: 'Cancel' }).click();
      await page.goto(`/icps/${expired}`);
      await page.getByRole('heading', { name: 'Holiday campaign 2024', level: 1 }).waitFor();
      await capture(page, width, '15-expired-profile');
      await page.goto(`/icps/${expired}/edit`);
      await page.getByRole('alert').filter({ hasText: 'This date has passed' }).waitFor();
      await capture(page, width, '16-edit-expired');
      await page.goto('/no-such-page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await capture(page, width, '17-not-found');
      await context.close();
    });
  });
}
