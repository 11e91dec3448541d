// The cohort dashboard at phone and laptop widths, "Completed · quiz not passed" from the lesson
// to the CSV, and the CSV's shape for spreadsheets.
import type { Page } from '@playwright/test';
import { e2eAccount } from './accounts';
import { expectNoSeriousAxeViolations } from './axe';
import { loadCourse } from '../lib/content/load';
import { browserAs, expect, test } from './fixtures';
import { LessonPage } from './pages/lesson-page';

const instructor = e2eAccount('instructor');
const course = loadCourse({ includeDrafts: false });
const lesson = course.lessons[0]!;
const notPassed = 'Completed · quiz not passed';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Elements that scroll sideways right now (visible, scrollable and wider than their box). */
const horizontalScrollers = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('body *')].filter((element) => {
        const { overflowX } = getComputedStyle(element);
        return (
          (overflowX === 'auto' || overflowX === 'scroll') &&
          element.getClientRects().length > 0 &&
          element.scrollWidth > element.clientWidth + 1
        );
      }).length,
  );

test('a cohort dashboard fits 320, 390 and 1280 px, and shows "Completed · quiz not passed" everywhere, CSV included', async ({
  page,
  auth,
  browser,
  newUser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const cohortName = `Équipe ${stamp}`;
  await auth.signIn(instructor);
  // Signed in: instructors land on their dashboard or their cohorts.
  await expect(page).toHaveURL(/\/(dashboard|cohorts)$/);
  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(cohortName);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cohortName);
  await expect(page.getByText('No members yet: share the invite link')).toBeVisible();
  const code = (await page.getByTestId('invite-code').innerText()).trim();
  const cohortUrl = page.url();

  // A learner joins and marks the first lesson complete without passing its quiz.
  const learner = await browserAs(browser, 'learner', newUser);
  await learner.page.goto(`/cohorts/join?code=${code}`);
  await learner.page.getByRole('button', { name: 'Join cohort' }).click();
  await expect(learner.page.getByRole('status')).toContainText('You joined');
  const lessonPage = new LessonPage(learner.page);
  await lessonPage.open(lesson.href);
  await lessonPage.markComplete();
  await expect(lessonPage.progress().getByTestId('lesson-state')).toContainText(notPassed);
  await learner.page.reload();
  await expect(lessonPage.progress().getByTestId('lesson-state')).toContainText(notPassed);
  await learner.page.goto('/dashboard');
  await expect(
    learner.page
      .getByRole('listitem')
      .filter({ has: learner.page.getByRole('link', { name: lesson.title, exact: true }) }),
  ).toContainText(notPassed);

  // The matrix names the state, and the CSV is ready for a spreadsheet.
  await page.goto(cohortUrl);
  const row = page.getByRole('row', { name: new RegExp(newUser.name) });
  await expect(row.getByRole('cell', { name: notPassed, exact: true })).toHaveCount(1);
  const columnHeader = page.getByRole('link', { name: new RegExp(`: ${escape(lesson.title)}$`) });
  await columnHeader.focus();
  await expect(
    page.getByRole('columnheader').getByText(lesson.title, { exact: true }),
  ).toBeVisible();

  const csv = await page.request.get(`${cohortUrl}/export`);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const [header, ...lines] = text.trimEnd().split('\r\n');
  expect(header).toBe(
    'Learner,E-mail,Role,Last active (UTC),Behind (lessons),At risk,Module,Lesson,Lesson ID,State,Completed at (UTC),Best quiz score (%),Lab tasks passed (course),Lab tasks passed (lesson),Lab tasks (lesson)',
  );
  expect(lines).toHaveLength(course.lessons.length);
  expect(lines.find((line) => line.includes(`,${lesson.id},`))).toMatch(
    new RegExp(`^${newUser.name},${newUser.email},Learner,.*,${notPassed},\\d{4}-`),
  );
  expect(lines.filter((line) => line.includes(',Not started,'))).toHaveLength(
    course.lessons.length - 1,
  );
  const disposition = csv.headers()['content-disposition'] ?? '';
  expect(disposition).toContain(`filename="Equipe-${stamp}-progress.csv"`);
  expect(disposition).toContain(`filename*=UTF-8''%C3%89quipe%20${stamp}%20progress.csv`);

  // One sideways scroller at most (the matrix at 1280), never the page; phones list every module.
  for (const width of [320, 390, 1280]) {
    for (const view of [page, learner.page]) {
      await view.setViewportSize({ width, height: 900 });
      await view.goto(cohortUrl);
      await expect(view.getByRole('heading', { level: 1 })).toBeVisible();
      const scrollWidth = await view.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
      expect(await horizontalScrollers(view), `scrollers at ${width} px`).toBeLessThanOrEqual(1);
      if (width < 768) {
        const card = view.getByTestId('learner-card').filter({ hasText: newUser.name });
        await expect(card.getByTestId('module-summary')).toHaveCount(course.modules.length);
        for (const courseModule of course.modules)
          await expect(card.getByText(courseModule.title, { exact: true })).toBeVisible();
      } else {
        await expect(view.getByRole('region', { name: 'Progress matrix' })).toBeVisible();
      }
    }
  }

  // Both themes, at a phone's width and a laptop's: no serious or critical axe violations.
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(cohortUrl);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expectNoSeriousAxeViolations(page, `cohort dashboard, ${colorScheme}, ${width} px`);
    }
  }
  await learner.context.close();
});
