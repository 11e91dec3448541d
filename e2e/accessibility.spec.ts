import type { Page } from '@playwright/test';
import { e2eAccount } from './accounts';
import { expectNoSeriousAxeViolations } from './axe';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lessonWithTabs = loadCourse({ includeDrafts: false }).lessons.find((lesson) =>
  lesson.body.includes('<CodeTabs>'),
)!;
const instructor = e2eAccount('instructor');

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    test.use({ colorScheme });

    test('home, course outline, a lesson with tabs and quiz, sign-in and dashboard have no serious or critical axe violations', async ({
      page,
      auth,
      newUser,
    }) => {
      const scan = scanner(page, colorScheme);
      await scan('/');
      await scan('/learn');
      await scan(lessonWithTabs.href);
      await scan('/sign-in');
      await auth.signUp(newUser);
      await scan('/dashboard');
    });

    test('the page that refuses a learner (403) has no serious or critical axe violations', async ({
      page,
      auth,
      newUser,
    }) => {
      const scan = scanner(page, colorScheme);
      await auth.signUp(newUser);
      await scan('/admin/users');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admins only');
    });

    test("a cohort dashboard and a member's own view have no serious or critical axe violations", async ({
      page,
      auth,
      newUser,
    }) => {
      const scan = scanner(page, colorScheme);
      await auth.signIn(instructor);
      await expect(page).toHaveURL(/\/cohorts$/);
      await page.goto('/cohorts/new');
      await page.getByLabel('Cohort name').fill(`Axe ${colorScheme} ${Date.now()}`);
      await page.getByRole('button', { name: 'Create cohort' }).click();
      await expect(page.getByTestId('invite-code')).toBeVisible();
      const cohortUrl = page.url();
      const code = (await page.getByTestId('invite-code').innerText()).trim();
      await auth.signOut();
      await auth.signUp(newUser);
      await page.goto(`/cohorts/join?code=${code}`);
      await page.getByRole('button', { name: 'Join cohort' }).click();
      await expect(page.getByRole('status')).toContainText('You joined');
      await scan(cohortUrl);
      await auth.signOut();
      await auth.signIn(instructor);
      await expect(page).toHaveURL(/\/cohorts$/);
      await scan(cohortUrl);
    });
  });
}

function scanner(page: Page, colorScheme: 'light' | 'dark') {
  return async (path: string) => {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await expectNoSeriousAxeViolations(page, `${path} (${colorScheme})`);
  };
}

test('the theme choice overrides the system and is remembered without a flash', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/learn');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  // The selector reacts once hydrated; the header's sign-in link appears only then.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // On the next page load the theme is applied by the inline script before any React code runs.
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
