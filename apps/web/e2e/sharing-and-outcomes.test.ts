import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createIcpAs } from './support/api';
import { addTags, signIn, useServerAndBrowser } from './support/app-session';
import { newUserContext } from './support/browser';

async function storedUserIds(page: Page): Promise<string[]> {
  const json = await page
    .getByRole('figure', { name: 'Profile JSON' })
    .locator('pre')
    .textContent();
  return (JSON.parse(json ?? 'null') as { userIds: string[] }).userIds;
}

const outcome = (page: Page) => page.locator('.outcome[role="status"]');
const scrollToBottom = (page: Page) =>
  page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));

describe('outcomes and sharing, in a real browser', () => {
  const app = useServerAndBrowser();

  it('says what happened, opens a saved profile at its top, and stops expired profiles plainly', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_xena');
    await page.getByRole('link', { name: 'Create your first profile' }).click();
    await page.getByLabel('Name').fill('Heads of Data');
    await page.getByRole('button', { name: 'Add lead search' }).click();
    await addTags(page.getByLabel('Job titles'), ['Head of Data']);
    await scrollToBottom(page);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Heads of Data', level: 1 }).waitFor();
    await expect.poll(() => outcome(page).textContent()).toBe('Saved');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // An edit saved from the bottom of the form opens the profile at its top too.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit profile', level: 1 }).waitFor();
    expect(await outcome(page).textContent()).toBe('');
    // A date already past is pointed out as soon as it is entered.
    await page.getByLabel('Active until').fill('2020-01-01T09:30');
    await page.getByRole('alert').filter({ hasText: 'This date has passed' }).waitFor();
    await scrollToBottom(page);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Heads of Data', level: 1 }).waitFor();
    await expect.poll(() => outcome(page).textContent()).toBe('Saved');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // Expired: Generate is off, and says why.
    const lists = page.getByRole('region', { name: 'Lead lists' });
    const generate = lists.getByRole('button', { name: 'Generate lead list' });
    expect(await generate.isDisabled()).toBe(true);
    const why = await generate.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${why}"]`).textContent()).toMatch(
      /^This profile has expired, so it makes no new lists/,
    );

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Delete this profile?' })
      .getByRole('button', { name: 'Delete profile' })
      .click();
    await page.getByRole('heading', { name: 'No profiles yet' }).waitFor();
    await expect.poll(() => outcome(page).textContent()).toBe('Deleted “Heads of Data”');
    await context.close();
  });

  it('says a copy keeps the sharing, with a choice, and lets a member leave', async () => {
    const { id } = await createIcpAs(app.server.url, 'user_alice', {
      name: 'Nordic CFOs',
      leadProviderCriteria: [
        { provider: 'baseProvider', type: 'person', filters: { job_title: ['CFO'] } },
      ],
      customFilterCriteria: [],
      userIds: ['user_bob', 'user_carol'],
    });
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await signIn(page, 'user_bob');
    await page.getByRole('link', { name: 'Nordic CFOs' }).click();
    await page.getByRole('heading', { name: 'Nordic CFOs', level: 1 }).waitFor();

    // Delete says who else loses it.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const deleting = page.getByRole('dialog', { name: 'Delete this profile?' });
    expect(await deleting.textContent()).toContain(
      'It is also shared with user_carol and user_alice, who will lose it too.',
    );
    await deleting.getByRole('button', { name: 'Cancel' }).click();

    // A copy starts with the original's sharing, and says so.
    await page.getByRole('link', { name: 'Duplicate', exact: true }).click();
    const notice = page.getByRole('region', { name: 'Sharing of the copy' });
    expect(await notice.textContent()).toContain(
      'Like “Nordic CFOs”, the copy will be shared with user_carol and user_alice',
    );
    await notice.getByRole('button', { name: 'Clear sharing' }).click();
    await page.getByText('Sharing cleared: only you will have the copy.').waitFor();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Copy of Nordic CFOs', level: 1 }).waitFor();
    expect(await storedUserIds(page)).toEqual(['user_bob']);

    await page.goto(`/icps/new?from=${id}`);
    await notice.getByRole('button', { name: 'Keep sharing' }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Copy of Nordic CFOs', level: 1 }).waitFor();
    expect(new Set(await storedUserIds(page))).toEqual(
      new Set(['user_bob', 'user_alice', 'user_carol']),
    );

    // Leaving takes it off this member's profiles only.
    await page.goto(`/icps/${id}`);
    await page.getByRole('button', { name: 'Leave', exact: true }).click();
    const leaving = page.getByRole('dialog', { name: 'Leave this profile?' });
    expect(await leaving.textContent()).toContain('user_carol and user_alice keep it');
    await leaving.getByRole('button', { name: 'Leave profile' }).click();
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    await expect.poll(() => outcome(page).textContent()).toBe('You left “Nordic CFOs”');
    expect(await page.getByRole('link', { name: 'Nordic CFOs', exact: true }).count()).toBe(0);

    const alice = await newUserContext(app.browser, app.server.url);
    await signIn(alice.page, 'user_alice');
    await alice.page.goto(`/icps/${id}`);
    expect(await storedUserIds(alice.page)).toEqual(['user_carol', 'user_alice']);
    await Promise.all([context.close(), alice.context.close()]);
  });
});
