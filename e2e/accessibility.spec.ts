import type { Page } from '@playwright/test';
import { e2eAccount } from './accounts';
import { expectNoSeriousAxeViolations } from './axe';
import { moveClock } from './clock';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';
import { expectHydrated } from './hydration';

const course = loadCourse({ includeDrafts: false });
const lessonWithTabs = course.lessons.find((lesson) => lesson.body.includes('<CodeTabs>'))!;
const firstLesson = course.lessons[0]!;
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

    test("a learner's sign-up, review (a question due), notes, account and cohort pages have no serious or critical axe violations", async ({
      page,
      auth,
      lesson,
      newUser,
    }) => {
      const scan = scanner(page, colorScheme);
      await scan('/sign-up');
      await auth.signUp(newUser);
      await lesson.open(firstLesson.href);
      await lesson.answerQuiz(firstLesson.quiz, 'wrong');
      await lesson.quiz().getByRole('button', { name: 'Check answers' }).click();
      await expect(lesson.quiz().getByTestId('quiz-score')).toContainText('0 of');
      const editor = page.getByLabel('Your notes (private)');
      await editor.fill('Idempotency keys make retries safe.');
      await expect(page.getByTestId('note-status')).toContainText('Saved at');
      await scan('/notes');
      await expect(page.getByText('Idempotency keys make retries safe.')).toBeVisible();
      await scan('/account');
      await scan('/cohorts');
      await page.goto('/cohorts/join');
      const join = page.getByRole('button', { name: 'Join cohort' });
      await expect(join).toBeEnabled();
      await expectHydrated(join);
      await join.click();
      await expect(page.getByTestId('inviteCode-error')).toBeVisible();
      await expectNoSeriousAxeViolations(page, `/cohorts/join with an error (${colorScheme})`);
      // Two days later (the server's clock moves), the missed questions are due.
      moveClock(2);
      try {
        await scan('/review');
        await expect(page.getByTestId('review-summary')).toContainText('due now');
        await expect(page.getByRole('button', { name: 'Check' }).first()).toBeVisible();
      } finally {
        moveClock(0);
      }
    });

    test('admin pages, a confirmation being asked, and an archived cohort have no serious or critical axe violations', async ({
      page,
      auth,
    }) => {
      const scan = scanner(page, colorScheme);
      await auth.signIn(e2eAccount('admin'));
      await expect(page).toHaveURL(/\/dashboard$/);
      await page.goto('/cohorts/new');
      await page.getByLabel('Cohort name').fill(`Axe archive ${colorScheme} ${Date.now()}`);
      await page.getByRole('button', { name: 'Create cohort' }).click();
      await expect(page.getByTestId('invite-code')).toBeVisible();
      const cohortUrl = page.url();
      await scan('/admin/users');
      await scan('/admin/cohorts');
      await page.goto(cohortUrl);
      const archive = page.getByRole('button', { name: 'Archive cohort' });
      await expectHydrated(archive);
      await archive.click();
      const ask = page.getByRole('group', { name: /Archive .* read-only/ });
      await expect(ask).toBeVisible();
      await expectNoSeriousAxeViolations(page, `an open confirmation (${colorScheme})`);
      await ask.getByRole('button', { name: 'Archive', exact: true }).click();
      await expect(page.getByText('this cohort is read-only')).toBeVisible();
      await scan(cohortUrl);
      await expect(page.getByText('this cohort is read-only')).toBeVisible();
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
