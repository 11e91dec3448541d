import type { Browser } from '@playwright/test';
import { e2eAccount } from './accounts';
import { moveClock } from './clock';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';
import { AuthPages, type Credentials } from './pages/auth-pages';
import { LessonPage } from './pages/lesson-page';

const instructor = e2eAccount('instructor');
const course = loadCourse({ includeDrafts: false });
const lesson = course.lessons[0]!;
const firstModule = course.modules[0]!;

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
  await expect(page).toHaveURL(/\/cohorts$/);
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
    // Before joining, the learner reads who will see their progress and e-mail address.
    await expect(learner.page.getByTestId('member-visibility')).toContainText(
      "Once you join, the cohort's owner and leads (and the portal's admins) see your progress in the course and your e-mail address",
    );
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

  // The owner flags two failed attempts at one quiz, and the first module was due yesterday.
  await page.goto(cohortUrl);
  await page.getByLabel('Failed attempts at one quiz').fill('2');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText('Thresholds saved.')).toBeVisible();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel(`Due date for ${firstModule.title}`, { exact: true }).fill(yesterday);
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Schedule saved.')).toBeVisible();

  await page.goto(cohortUrl);
  await expect(page.getByTestId('summary-members')).toHaveText('2');
  const adaRow = page.getByRole('row', { name: new RegExp(people[0]!.name) });
  // Marked complete, its quiz failed twice.
  await expect(
    adaRow.getByRole('cell', { name: 'Completed · quiz not passed, best quiz 0%', exact: true }),
  ).toHaveCount(1);
  await expect(adaRow).toContainText(
    `${Math.round(100 / loadCourse({ includeDrafts: false }).lessons.length)}%`,
  );

  const risks = page.getByTestId('at-risk');
  const adaRisk = risks.filter({ hasText: people[0]!.name });
  await expect(adaRisk).toContainText(`Failed the quiz of "${lesson.title}" 2 times`);
  await expect(adaRisk).toContainText(
    `Behind the schedule by ${firstModule.lessons.length - 1} lessons`,
  );
  const boRisk = risks.filter({ hasText: people[1]!.name });
  await expect(boRisk).not.toContainText('Inactive');
  await expect(boRisk).not.toContainText('No activity');

  // Eight days later (the server's clock is moved, nobody sleeps), Bo is flagged inactive.
  try {
    moveClock(8);
    await page.reload();
    await expect(boRisk).toContainText('No activity in the 8 days since joining');
    await expect(page.getByTestId('summary-at-risk')).toHaveText('2');

    // Bo sees the same flag on "What my cohort leads see", and the lead's nudge on his dashboard.
    await bo!.page.goto('/cohorts');
    await bo!.page.getByRole('link', { name: `Guild ${stamp}` }).click();
    await expect(bo!.page.getByRole('heading', { level: 1 })).toHaveText(
      'What my cohort leads see',
    );
    await expect(bo!.page.getByTestId('my-risks')).toContainText(
      'No activity in the 8 days since joining',
    );
    await expect(bo!.page.getByTestId('my-risks')).toContainText('Behind the schedule by');
    await expect(bo!.page.getByText(people[0]!.name)).toHaveCount(0);
    await expect(bo!.page.getByTestId('member-visibility')).toContainText(
      "The cohort's owner and leads (and the portal's admins) see your progress in the course and your e-mail address",
    );
  } finally {
    moveClock(0);
  }
  await boRisk.getByText(`Nudge ${people[1]!.name}`).click();
  await boRisk.getByLabel(`Message to ${people[1]!.name}`).fill('Shall we pair on lesson one?');
  await boRisk.getByRole('button', { name: 'Send nudge' }).click();
  await expect(boRisk.getByRole('status')).toContainText('Nudge sent');
  await bo!.page.goto('/dashboard');
  await expect(bo!.page.getByTestId('notification')).toContainText('Shall we pair on lesson one?');
  await bo!.page.getByRole('button', { name: /Dismiss/ }).click();
  await expect(bo!.page.getByTestId('notification')).toHaveCount(0);
  await bo!.page.reload();
  await expect(bo!.page.getByTestId('notification')).toHaveCount(0);

  const csv = await page.request.get(`${cohortUrl}/export`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(people[0]!.name);
  expect(text).toContain(people[1]!.name);
  expect(text).toMatch(
    new RegExp(
      `^${people[0]!.name},${people[0]!.email},Learner,.*,${lesson.id},Completed · quiz not passed,`,
      'm',
    ),
  );

  // A learner who is not a member gets a 404 for the page and the export, and none of the names.
  const page404 = await cy!.page.goto(cohortUrl);
  expect(page404?.status()).toBe(404);
  const export404 = await cy!.page.request.get(`${cohortUrl}/export`);
  expect(export404.status()).toBe(404);
  expect(await export404.text()).not.toContain(people[0]!.name);
  for (const learner of [ada!, bo!, cy!]) await learner.context.close();
});
