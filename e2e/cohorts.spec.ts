import type { Browser } from '@playwright/test';
import { demoAccounts } from '../db/demo-accounts';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';
import { AuthPages, type Credentials } from './pages/auth-pages';
import { LessonPage } from './pages/lesson-page';

const instructor = demoAccounts.find((account) => account.role === 'instructor')!;
const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;

async function learnerWith(browser: Browser, user: Credentials) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new AuthPages(page).signUp(user);
  return { context, page };
}

test('an instructor runs a cohort: learners join, progress shows on the dashboard and in the CSV, outsiders are refused', async ({
  page,
  auth,
  browser,
}) => {
  const stamp = Date.now();
  const people = ['Ada', 'Bo', 'Cy'].map((name) => ({
    name: `${name} ${stamp}`,
    email: `${name.toLowerCase()}-${stamp}@example.test`,
    password: `passphrase for ${name} ${stamp}`,
  }));

  await auth.signIn(instructor);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/cohorts');
  await page.getByRole('link', { name: 'New cohort' }).click();
  await page.getByLabel('Cohort name').fill(`Guild ${stamp}`);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Guild ${stamp}`);
  const code = (await page.getByTestId('invite-code').innerText()).trim();
  const cohortUrl = page.url();

  // Two learners join with the code; one completes a lesson and fails its quiz twice.
  const [ada, bo, cy] = await Promise.all(people.map((person) => learnerWith(browser, person)));
  for (const learner of [ada!, bo!]) {
    await learner.page.goto('/cohorts/join');
    await learner.page.getByLabel('Invite code').fill(code);
    await learner.page.getByRole('button', { name: 'Join cohort' }).click();
    await expect(learner.page.getByRole('status')).toContainText(`You joined Guild ${stamp}`);
  }
  const adaLesson = new LessonPage(ada!.page);
  await adaLesson.open(lesson.href);
  await adaLesson.markComplete();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await adaLesson.answerQuiz(lesson.quiz, 'wrong');
    await adaLesson.quiz().getByRole('button', { name: 'Check answers' }).click();
    await expect(adaLesson.quiz().getByTestId('quiz-score')).toContainText('0 of');
    await adaLesson.quiz().getByRole('button', { name: 'Try again' }).click();
  }

  await page.goto(cohortUrl);
  await expect(page.getByTestId('summary-members')).toHaveText('2');
  const adaRow = page.getByRole('row', { name: new RegExp(people[0]!.name) });
  await expect(adaRow.getByRole('cell', { name: 'Completed' })).toHaveCount(1);
  await expect(adaRow).toContainText(
    `${Math.round(100 / loadCourse({ includeDrafts: false }).lessons.length)}%`,
  );

  const csv = await page.request.get(`${cohortUrl}/export`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(people[0]!.name);
  expect(text).toContain(people[1]!.name);
  expect(text).toMatch(new RegExp(`${people[0]!.name},${lesson.id},.*,completed,`));

  // A learner who is not a member gets a 404 for the page and the export, and none of the names.
  const page404 = await cy!.page.goto(cohortUrl);
  expect(page404?.status()).toBe(404);
  const export404 = await cy!.page.request.get(`${cohortUrl}/export`);
  expect(export404.status()).toBe(404);
  expect(await export404.text()).not.toContain(people[0]!.name);
  for (const learner of [ada!, bo!, cy!]) await learner.context.close();
});
