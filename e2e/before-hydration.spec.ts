// Until React has hydrated a page, its controls have no handlers: each one says it is loading (or
// works without JavaScript) instead of losing a click, and works once the scripts have run.
import type { Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { browserAs, expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';

const lessonWithTabs = loadCourse({ includeDrafts: false }).lessons.find((lesson) =>
  lesson.body.includes('<CodeTabs>'),
)!;

// Once released, the scripts still take seconds to hydrate a lesson on a busy machine.
const hydration = { timeout: 20_000 };

/** Holds the page's scripts back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('on a phone, the Menu button and the lesson controls say they are loading, then work', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const release = await holdScripts(page);
  await page.goto(lessonWithTabs.href, { waitUntil: 'commit' });

  const banner = page.getByRole('banner');
  const menu = banner.getByRole('button', { name: 'Menu', exact: true });
  await expect(menu).toBeDisabled();
  await expect(menu).toHaveAttribute('aria-busy', 'true');
  await expect(menu).toHaveAccessibleDescription('Loading…');
  const tablist = page.getByRole('tablist').first();
  await expect(tablist).toHaveAttribute('aria-busy', 'true');
  await expect(tablist).toHaveAccessibleDescription('Loading…');
  const secondTab = tablist.getByRole('tab').nth(1);
  await expect(secondTab).toBeDisabled();
  const copy = page.getByRole('button', { name: 'Copy code' }).first();
  await expect(copy).toBeDisabled();
  await expect(copy).toHaveAccessibleName(/loading/);
  const progress = page.getByRole('region', { name: 'Your progress' });
  await expect(progress).toHaveAttribute('aria-busy', 'true');
  await expect(progress).toContainText('Loading your progress…');
  // The table of contents is a native disclosure: it opens without any script.
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = toc.getByRole('link', { name: lessonWithTabs.headings[0]!.text, exact: true });
  await toc.getByText('On this page').click();
  await expect(firstEntry).toBeVisible();
  await toc.getByText('On this page').click();
  await expect(firstEntry).toBeHidden();

  release();
  await expect(menu).toBeEnabled(hydration);
  await expect(menu).not.toHaveAttribute('aria-busy', 'true');
  await menu.click();
  await expect(banner.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await expect(secondTab).toBeEnabled();
  await secondTab.click();
  await expect(secondTab).toHaveAttribute('aria-selected', 'true');
  await expect(tablist).not.toHaveAttribute('aria-busy', 'true');
  await expect(copy).toBeEnabled();
  await copy.click();
  // Copied, or (a browser that refuses the clipboard) a message saying so: either way, an answer.
  await expect(page.getByRole('button', { name: /^(Copied|Copy refused)/ }).first()).toBeVisible();
  await expect(progress).toHaveAttribute('aria-busy', 'false');
  await expect(
    progress.getByRole('link', { name: 'Sign in to track your progress' }),
  ).toBeVisible();
});

test('signed in, the account menu says it is loading until it can open', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  await page.setViewportSize({ width: 1280, height: 800 });
  const release = await holdScripts(page);
  await page.goto('/learn', { waitUntil: 'commit' });
  const banner = page.getByRole('banner');
  // Nothing to click yet, and it says so where the account menu will be.
  await expect(banner.getByText('Loading your account…')).toBeAttached();
  await expect(banner.getByLabel('Colour theme')).toBeDisabled();
  const auth = new AuthPages(page);
  await expect(auth.accountMenuButton()).toHaveCount(0);

  release();
  await expect(auth.accountMenuButton()).toContainText(newUser.name, hydration);
  await expect(banner.getByText('Loading your account…')).toHaveCount(0);
  await expect(banner.getByLabel('Colour theme')).toBeEnabled();
  await auth.openAccountMenu();
  await expect(banner.getByRole('link', { name: 'Account' })).toBeVisible();
  await context.close();
});
