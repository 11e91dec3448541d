// The header's session summary (/api/session-summary): kept between client navigations, read again
// after what changes it, and never shown as "signed out" to a signed-in user when it cannot be read.
import type { Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { browserAs, expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';

const lessons = loadCourse({ includeDrafts: false }).lessons;
// A full page load is read once the page has hydrated, which takes seconds on a busy machine.
const hydration = { timeout: 20_000 };

/** Counts the browser's requests for the summary from now on. */
function countSummaryRequests(page: Page) {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/session-summary') counter.count += 1;
  });
  return counter;
}

test('client navigations reuse the summary; opening a lesson updates "Continue" on /learn', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  const requests = countSummaryRequests(page);
  const auth = new AuthPages(page);
  const nav = page.getByRole('banner').getByRole('navigation', { name: 'Main' });

  await page.goto('/learn');
  await expect(auth.accountMenuButton()).toContainText(newUser.name, hydration);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: `Continue: ${lessons[0]!.title}` })).toBeVisible();
  expect(requests.count).toBe(1);

  // Client navigations between pages: the header and /learn use the summary already read.
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  await nav.getByRole('link', { name: 'Notes' }).click();
  await expect(page).toHaveURL(/\/notes$/);
  await nav.getByRole('link', { name: 'Course' }).click();
  await expect(main.getByRole('link', { name: `Continue: ${lessons[0]!.title}` })).toBeVisible();
  await expect(auth.accountMenuButton()).toContainText(newUser.name);
  expect(requests.count).toBe(1);

  // Opening another lesson makes it the one to continue: /learn reads the summary again.
  await main.locator(`a[href="${lessons[1]!.href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${lessons[1]!.href}$`));
  await expect(page.getByRole('region', { name: 'Your progress' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
  await nav.getByRole('link', { name: 'Course' }).click();
  await expect(main.getByRole('link', { name: `Continue: ${lessons[1]!.title}` })).toBeVisible();
  await expect(main.getByRole('link', { name: `Continue: ${lessons[0]!.title}` })).toHaveCount(0);
  expect(requests.count).toBe(2);
  await context.close();
});

test('when the summary cannot be read, a signed-in user is not offered Sign in, and it is retried', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  const requests = countSummaryRequests(page);
  await page.route('**/api/session-summary', (route) => route.abort());
  await page.goto('/learn');
  // Tried, and tried again.
  await expect.poll(() => requests.count, hydration).toBeGreaterThanOrEqual(2);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Account', exact: true })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Sign in', includeHidden: true })).toHaveCount(0);
  await expect(banner.getByRole('link', { name: 'Sign up', includeHidden: true })).toHaveCount(0);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Sign in to save your progress' })).toBeHidden();
  await expect(main.getByRole('link', { name: /^Continue/ })).toHaveCount(0);

  // Once the server answers again, the next retry shows the user.
  await page.unroute('**/api/session-summary');
  const auth = new AuthPages(page);
  await expect(auth.accountMenuButton()).toContainText(newUser.name, { timeout: 20_000 });
  await expect(main.getByRole('link', { name: `Continue: ${lessons[0]!.title}` })).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Account', exact: true })).toHaveCount(0);
  await context.close();
});

test('signing out, and signing in again, change the header at once', async ({ page, newUser }) => {
  const auth = new AuthPages(page);
  await auth.signUp(newUser);
  await expect(auth.accountMenuButton()).toContainText(newUser.name, hydration);
  await auth.signOut();
  await auth.signIn(newUser);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(auth.accountMenuButton()).toContainText(newUser.name);
  await expect(
    page.getByRole('banner').getByRole('link', { name: 'Sign in', includeHidden: true }),
  ).toHaveCount(0);
});
