import type { Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { e2eAccount, type Role } from './accounts';
import { browserAs, expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;
// The three widths, and the two where the header changes layout (search trigger, full bar).
const widths = [320, 390, 768, 1024, 1280] as const;

const publicPages = ['/', '/learn', lesson.href, '/search?q=index', '/sign-in', '/sign-up'];
const pagesByRole: Record<Role, string[]> = {
  learner: [
    '/',
    '/learn',
    lesson.href,
    '/search?q=index',
    '/sign-up',
    '/dashboard',
    '/review',
    '/notes',
    '/account',
  ],
  instructor: ['/cohorts'],
  admin: ['/admin/users', '/admin/cohorts'],
};

/** Loaded and hydrated: the theme selector has replaced its pre-hydration label. */
async function openSettled(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.getByTestId('theme-before-hydration')).toHaveCount(0);
}

/**
 * The page's scroll width and every visible control (a, button, input, select) that reaches past
 * `width`, the viewport width the test set (never innerWidth, which grows with overflowing
 * content under mobile emulation).
 */
async function overflowAt(page: Page, width: number) {
  return page.evaluate((width) => {
    const past: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('a, button, input, select')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (getComputedStyle(element).visibility === 'hidden') continue;
      if (rect.right > width)
        past.push(
          `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.getAttribute('name') || '').trim().slice(0, 40)}" right=${Math.round(rect.right)}`,
        );
    }
    return { scrollWidth: document.documentElement.scrollWidth, past };
  }, width);
}

async function expectNoOverflow(page: Page, paths: string[]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of paths) {
      await openSettled(page, path);
      const found = await overflowAt(page, width);
      expect(found.past, `${path} at ${width} px`).toEqual([]);
      expect(found.scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
    }
  }
}

test.describe('no horizontal overflow from 320 px up', () => {
  // Up to 45 full page loads, each to network idle.
  test.slow();

  test('signed out', async ({ page }) => {
    await expectNoOverflow(page, publicPages);
  });

  for (const role of ['learner', 'instructor', 'admin'] as const) {
    test(`signed in as ${role}`, async ({ browser, newUser }) => {
      const { context, page } = await browserAs(browser, role, newUser);
      await expectNoOverflow(page, pagesByRole[role]);
      await context.close();
    });
  }
});

test("the lesson's tools bar fits 320 px, with its note or its contents open", async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  await page.setViewportSize({ width: 320, height: 640 });
  await openSettled(page, lesson.href);
  const tools = page.getByRole('complementary', { name: 'Lesson tools' });
  await expect(tools.getByRole('button', { name: 'Bookmark' })).toBeVisible();
  for (const panel of ['Note', 'On this page']) {
    await tools.getByText(panel, { exact: true }).click();
    const found = await overflowAt(page, 320);
    expect(found.past, `${panel} open`).toEqual([]);
    expect(found.scrollWidth, `${panel} open`).toBeLessThanOrEqual(320);
  }
  await context.close();
});

test('below 768 px the Menu button opens the navigation, search, theme and account links', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  await page.setViewportSize({ width: 390, height: 800 });
  await openSettled(page, '/learn');
  const banner = page.getByRole('banner');
  const menu = banner.getByRole('button', { name: 'Menu', exact: true });
  const nav = banner.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Course' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Search' })).toBeVisible();
  await expect(banner.getByLabel('Colour theme')).toBeVisible();
  // Learners find Authoring in the footer, not in the navigation.
  await expect(nav.getByRole('link', { name: 'Authoring' })).toHaveCount(0);
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: /Authoring/ }),
  ).toBeVisible();

  const auth = new AuthPages(page);
  await auth.openAccountMenu();
  await expect(banner.getByRole('link', { name: 'Account' })).toBeVisible();
  await expect(banner.getByRole('button', { name: 'Sign out' })).toBeVisible();
  // Open, the menu still fits the screen.
  const open = await overflowAt(page, 390);
  expect(open.past).toEqual([]);
  expect(open.scrollWidth).toBeLessThanOrEqual(390);

  // Escape closes the account menu, then the Menu, and focus returns to the Menu button.
  await page.keyboard.press('Escape');
  await expect(auth.accountMenuButton()).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();

  // The search entry works on a phone.
  await menu.click();
  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(nav).toBeHidden();

  // Signing out from the menu.
  await auth.signOut();
  await expect(menu).toBeVisible();
  await context.close();
});

test('the account menu works by keyboard', async ({ browser, newUser }) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  await openSettled(page, '/learn');
  const auth = new AuthPages(page);
  const button = auth.accountMenuButton();
  await expect(button).toContainText(newUser.name);
  await button.focus();

  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('link', { name: 'Account' })).toBeVisible();
  await expect(banner.getByRole('link', { name: /^Review\s*0 due$/ })).toBeVisible();
  // A learner has neither Preview nor Admin.
  await expect(banner.getByRole('link', { name: 'Preview' })).toHaveCount(0);
  await expect(banner.getByRole('link', { name: 'Admin' })).toHaveCount(0);

  await page.keyboard.press('ArrowDown');
  await expect(banner.getByRole('link', { name: 'Account' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(banner.getByRole('link', { name: /^Review/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(banner.getByRole('button', { name: 'Sign out' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(banner.getByRole('link', { name: 'Account' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(banner.getByRole('button', { name: 'Sign out' })).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toBeFocused();
  await expect(banner.getByRole('link', { name: 'Account' })).toBeHidden();

  // Space opens too, Tab moves in, and Enter follows a link.
  await page.keyboard.press('Space');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(banner.getByRole('link', { name: 'Account' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/account$/);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await context.close();
});

test('instructors and admins find Preview, Admin and Authoring', async ({ browser, newUser }) => {
  for (const role of ['instructor', 'admin'] as const) {
    const { context, page } = await browserAs(browser, role, newUser);
    await openSettled(page, '/learn');
    const banner = page.getByRole('banner');
    await expect(
      banner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authoring' }),
    ).toBeVisible();
    await new AuthPages(page).openAccountMenu();
    await expect(banner.getByRole('link', { name: 'Preview' })).toBeVisible();
    await expect(banner.getByRole('link', { name: 'Admin' })).toHaveCount(role === 'admin' ? 1 : 0);
    await context.close();
  }
});

test('signed in, / and /learn offer "Continue: <lesson>", not a free account', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  for (const path of ['/', '/learn']) {
    await openSettled(page, path);
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: `Continue: ${lesson.title}` })).toHaveAttribute(
      'href',
      lesson.href,
    );
    await expect(main.getByText('Create a free account')).toHaveCount(0);
    await expect(main.getByText(/Sign in to save your progress/)).toHaveCount(0);
  }
  // Signing out on / (the page stays the same): the visitor's links come back.
  await new AuthPages(page).signOut();
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Create a free account' }),
  ).toBeVisible();
  await context.close();
});

test('signed out, / and /learn still invite visitors', async ({ page }) => {
  await openSettled(page, '/');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Create a free account' }),
  ).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /^Continue/ })).toHaveCount(0);
  await openSettled(page, '/learn');
  await expect(
    page.getByRole('main').getByRole('link', { name: 'Sign in to save your progress' }),
  ).toBeVisible();
});

test('/sign-in sends a signed-in user to their landing page, by role', async ({
  browser,
  newUser,
}) => {
  const landing: Record<Role, RegExp> = {
    learner: /\/dashboard$/,
    instructor: /\/cohorts$/,
    admin: /\/dashboard$/,
  };
  for (const role of ['learner', 'instructor', 'admin'] as const) {
    const { context, page } = await browserAs(browser, role, newUser);
    await page.goto('/sign-in');
    await expect(page).toHaveURL(landing[role]);
    // Admins land on their dashboard, with their pages linked from it.
    const adminLinks = page.getByRole('main').getByRole('navigation', { name: 'Admin' });
    await expect(adminLinks).toHaveCount(role === 'admin' ? 1 : 0);
    if (role === 'admin') {
      await expect(adminLinks.getByRole('link', { name: 'Users and roles' })).toHaveAttribute(
        'href',
        '/admin/users',
      );
      await adminLinks.getByRole('link', { name: 'All cohorts' }).click();
      await expect(page).toHaveURL(/\/admin\/cohorts$/);
      await page.goBack();
      await new AuthPages(page).openAccountMenu();
      await expect(page.getByRole('banner').getByRole('link', { name: 'Admin' })).toHaveAttribute(
        'href',
        '/admin/users',
      );
    }
    // Asked to sign in again (a callbackUrl), the form stays.
    await page.goto('/sign-in?callbackUrl=%2Faccount');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await context.close();
  }
});

test('signing in with a callbackUrl returns there, whatever the role', async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent('/learn')}`);
  const instructor = e2eAccount('instructor');
  await page.getByLabel('Email').fill(instructor.email);
  await page.getByLabel('Password').fill(instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/learn$/);
});

test('the theme selector shows the chosen theme before React hydrates', async ({ page }) => {
  await page.goto('/learn');
  await page.evaluate(() => window.localStorage.setItem('backend-path:theme', 'dark'));
  // No JavaScript bundle: only the inline theme script runs, as before hydration.
  await page.route('**/_next/static/**', (route) =>
    route.request().resourceType() === 'script' ? route.abort() : route.continue(),
  );
  await page.goto('/learn');
  await expect(page.locator('html')).toHaveAttribute('data-theme-choice', 'dark');
  const shown = page.getByTestId('theme-before-hydration');
  await expect(shown).toHaveText('Dark', { useInnerText: true });
  await expect(shown.getByText('Dark', { exact: true })).toBeVisible();
  await expect(shown.getByText('System', { exact: true })).toBeHidden();
});
