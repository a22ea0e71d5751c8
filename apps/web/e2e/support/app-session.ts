import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { type IcpServer, startIcpServer } from './icp-server';

/**
 * The built server on a fresh database and one browser, started before the tests of the calling
 * `describe` and stopped after them; read `.server` and `.browser` inside the tests.
 */
export function useServerAndBrowser(): { readonly server: IcpServer; readonly browser: Browser } {
  const handle = {} as { server: IcpServer; browser: Browser };
  beforeAll(async () => {
    handle.server = await startIcpServer();
    handle.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.server?.stop();
  });
  return handle;
}

/** Signs in with the local sign-in as `userId` and waits for the profiles page. */
export async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('User id').fill(userId);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
}

/** Types each entry into a tag input, pressing Enter after each. */
export async function addTags(input: Locator, tags: string[]): Promise<void> {
  for (const tag of tags) {
    await input.fill(tag);
    await input.press('Enter');
  }
}
