import { describe, expect, it } from 'vitest';
import { useServerAndBrowser } from './support/app-session';
import { newUserContext, screenshot } from './support/browser';

describe('signing in and out in a real browser', () => {
  const app = useServerAndBrowser();

  it('sends a visitor to sign-in, signs in as a local user, shows the id and signs out', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    await page.goto('/');
    await page.waitForURL(/\/sign-in\?next=%2F$/);
    await screenshot(page, '01-sign-in');
    await page.getByLabel('User id').fill('user_alice');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toBe('user_alice');
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('User id').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an API key or token the server does not accept, and says so', async () => {
    const { context, page } = await newUserContext(app.browser, app.server.url);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'API key or token' }).click();
    await page.getByLabel('API key or token').fill('icp_not-a-real-key');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect
      .poll(() => page.getByText('The server did not accept this key or token').count())
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});
