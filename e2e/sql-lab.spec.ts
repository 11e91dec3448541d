// The SQL lab of the everyday-SQL lesson in Chromium, on the production build and its
// Content-Security-Policy: the learner's PostgreSQL in a Web Worker, Run, Check, Submit (graded on
// the server against hidden data), Reset, saved drafts, the keyboard alone, and axe.
import type { Locator, Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { expectNoSeriousAxeViolations } from './axe';
import { e2eAccount } from './accounts';
import { browserAs, expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';
import { LessonPage } from './pages/lesson-page';
import { readLab, SqlLab } from './pages/sql-lab';

const labId = 'everyday-sql-reports';
const lab = readLab(`content/databases/labs/${labId}/lab.yaml`);
const lesson = loadCourse({ includeDrafts: false }).lessons.find((candidate) =>
  candidate.body.includes(`<SqlLab id="${labId}"`),
)!;
// Orders per customer, including none: its first wrong answer filters the left join's NULL rows
// away in WHERE, so the customers without a counted order (Chloe, whose only order was
// cancelled, and Dev, who never ordered) go missing.
const task = lab.tasks[0]!;
const wrongAnswer = task.wrong[0]!;

/** Opens the lesson (hydrated, progress loaded) and its lab. */
async function openLab(page: Page): Promise<SqlLab> {
  await new LessonPage(page).open(lesson.href);
  const sqlLab = new SqlLab(page, labId);
  await sqlLab.open();
  return sqlLab;
}

/** Presses Tab until `target` has focus, as a keyboard user would (fails after `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 200) {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Collects the page's Content-Security-Policy violations (the worker and WebAssembly included). */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  return violations;
}

test.beforeEach(() => {
  // Opening a lab starts PostgreSQL in the browser; grading runs it on the server.
  test.setTimeout(120_000);
});

test('signed out: Run shows rows or the error and its position, Check says what differs, Submit asks to sign in and keeps the SQL', async ({
  page,
}) => {
  const violations = watchCspViolations(page);
  const sqlLab = await openLab(page);
  await expect(sqlLab.tabs()).toHaveCount(lab.tasks.length);
  await expect(sqlLab.tabs().first()).toHaveAttribute('aria-selected', 'true');
  expect((await sqlLab.editorText()).trimEnd()).toBe(task.starter.trimEnd());

  // Run: the rows as a table, how many, and how long it took.
  await sqlLab.setSql('SELECT email, full_name\nFROM customers\nORDER BY email;');
  await sqlLab.press('Run');
  await expect(sqlLab.output().getByTestId('run-summary')).toHaveText(
    /^1 statement ran in [\d.]+ ms\.$/,
  );
  await expect(sqlLab.output()).toContainText('Statement 1 (line 1): 4 rows');
  const table = sqlLab.resultTable();
  await expect(table.getByRole('columnheader')).toHaveText(['email', 'full_name']);
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('ana@example.com');

  // A syntax error: Postgres's message, its SQLSTATE and line, and a caret under the position.
  await sqlLab.setSql('SELECT email\nFROM customers\nWHER id = 1;');
  await sqlLab.press('Run');
  const error = sqlLab.output().getByText(/^ERROR 42601 at line 3:/);
  await expect(error).toContainText('syntax error at or near "id"');
  const caret = sqlLab.output().getByLabel('Position 6 of line 3');
  await expect(caret).toHaveText('WHER id = 1;\n     ^');
  await expect(sqlLab.output().getByTestId('run-summary')).toContainText(
    '0 statements ran before the error',
  );

  // Check a wrong answer: which check fails, and which rows are missing.
  await sqlLab.setSql(wrongAnswer);
  await sqlLab.press('Check');
  await expect(sqlLab.output()).toContainText('Not yet: some checks fail on the visible data.');
  const failed = sqlLab.output().getByRole('listitem').filter({ hasText: 'Failed:' });
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('2 rows missing');
  await expect(failed).toContainText('Missing: (chloe@example.com, 0)');
  await expect(failed).toContainText('Missing: (dev@example.com, 0)');

  // Check the reference solution: every check passes, and the tab says so.
  await sqlLab.setSql(task.solution);
  await sqlLab.press('Check');
  await expect(sqlLab.output()).toContainText('Every check passes on the visible data.');
  await expect(sqlLab.output().getByRole('listitem').filter({ hasText: 'Passed:' })).toHaveCount(
    task.checks.length,
  );
  await expect(sqlLab.output().getByRole('listitem').filter({ hasText: 'Failed:' })).toHaveCount(0);
  await expect(sqlLab.tabs().first()).toContainText('(checks pass in your browser; not submitted)');

  // Submit, signed out: sign in first; the SQL stays in this browser, across a reload.
  await sqlLab.setSql(`-- kept while signed out\n${wrongAnswer}`);
  await sqlLab.press('Submit');
  await expect(sqlLab.output()).toContainText('Sign in to submit');
  const signIn = sqlLab.output().getByRole('link', { name: 'Sign in' });
  await expect(signIn).toHaveAttribute(
    'href',
    `/sign-in?callbackUrl=${encodeURIComponent(`${lesson.href}#lab-${labId}`)}`,
  );
  await page.reload();
  const reopened = new SqlLab(page, labId);
  await reopened.open();
  await expect
    .poll(() => reopened.editorText())
    .toBe(`-- kept while signed out\n${wrongAnswer.trimEnd()}`);

  // PGlite's worker and WebAssembly run under the production policy.
  expect(violations).toEqual([]);
});

test('a statement that breaks the sandbox breaks only the sandbox: Reset restores it', async ({
  page,
}) => {
  const sqlLab = await openLab(page);
  await sqlLab.setSql('DROP TABLE orders CASCADE;');
  await sqlLab.press('Run');
  await expect(sqlLab.output()).toContainText(/Statement 1 \(line 1\): DROP/);

  await sqlLab.setSql('SELECT count(*) FROM orders;');
  await sqlLab.press('Run');
  await expect(sqlLab.output().getByText(/^ERROR 42P01 at line 1:/)).toContainText(
    'relation "orders" does not exist',
  );

  await sqlLab.press('Reset');
  await expect(sqlLab.output()).toContainText("Your database is back to the lab's start.");
  // Reset leaves the learner's SQL alone.
  expect(await sqlLab.editorText()).toBe('SELECT count(*) FROM orders;');
  await sqlLab.press('Run');
  await expect(sqlLab.resultTable().getByRole('cell')).toHaveText(['6']);
});

test('signed in: Submit is graded on the server and counted on the lesson and the dashboard; a query that never ends is stopped', async ({
  page,
  auth,
  newUser,
}) => {
  await auth.signUp(newUser);
  const sqlLab = await openLab(page);
  await sqlLab.expectSignedIn();
  await expect(page.getByTestId('lesson-practice')).toHaveText(
    `Practice: 0 of ${lab.tasks.length} tasks`,
  );

  // A wrong answer is graded and recorded as not passed.
  await sqlLab.setSql(wrongAnswer);
  await sqlLab.press('Submit');
  await expect(sqlLab.output()).toContainText('Not passed on the server.', { timeout: 30_000 });
  await expect(sqlLab.output()).toContainText('1 submission for this task.');

  await sqlLab.setSql(task.solution);
  await sqlLab.press('Submit');
  await expect(sqlLab.output()).toContainText('Passed on the server', { timeout: 30_000 });
  await expect(sqlLab.output()).toContainText('2 submissions for this task.');
  await expect(sqlLab.tabs().first()).toContainText('(done)');
  await expect(sqlLab.root().getByText(`1 of ${lab.tasks.length} tasks passed`)).toBeVisible();

  // pg_sleep(60) on the server: stopped at the time limit, named, and not recorded.
  await sqlLab.selectTask(lab.tasks[1]!.title);
  await sqlLab.setSql('SELECT pg_sleep(60);');
  await sqlLab.press('Submit');
  await expect(sqlLab.output()).toContainText('Stopped after 2 s', { timeout: 30_000 });

  await page.goto('/dashboard');
  await expect(page.getByTestId('lab-tasks-done')).toHaveText(
    /^Practice: 1 of \d+ lab tasks done$/,
  );
  await new LessonPage(page).open(lesson.href);
  await expect(page.getByTestId('lesson-practice')).toHaveText(
    `Practice: 1 of ${lab.tasks.length} tasks`,
  );
});

test("a cohort lead sees the member's passed lab task in the cohort matrix", async ({
  page,
  auth,
  browser,
  newUser,
}) => {
  await auth.signIn(e2eAccount('instructor'));
  await expect(page).toHaveURL(/\/(dashboard|cohorts)$/);
  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(`Lab practice ${Date.now()}`);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByText('No members yet: share the invite link')).toBeVisible();
  const code = (await page.getByTestId('invite-code').innerText()).trim();
  const cohortUrl = page.url();

  const learner = await browserAs(browser, 'learner', newUser);
  try {
    await learner.page.goto(`/cohorts/join?code=${code}`);
    await learner.page.getByRole('button', { name: 'Join cohort' }).click();
    await expect(learner.page.getByRole('status')).toContainText('You joined');
    const sqlLab = await openLab(learner.page);
    await sqlLab.expectSignedIn();
    await sqlLab.setSql(task.solution);
    await sqlLab.press('Submit');
    await expect(sqlLab.output()).toContainText('Passed on the server', { timeout: 30_000 });
  } finally {
    await learner.context.close();
  }

  await page.goto(cohortUrl);
  const row = page.getByRole('row', { name: new RegExp(newUser.name) });
  await expect(row.getByRole('cell', { name: /^1 of \d+ lab tasks passed$/ })).toHaveCount(1);
  await expect(
    row.getByRole('cell', {
      name: new RegExp(`, Practice: 1 of ${lab.tasks.length} lab tasks$`),
    }),
  ).toHaveCount(1);
});

test("signed in: the editor's text is saved as the learner types and follows them to another browser", async ({
  page,
  auth,
  newUser,
  browser,
}) => {
  await auth.signUp(newUser);
  const sqlLab = await openLab(page);
  await sqlLab.expectSignedIn();
  await sqlLab.selectTask(lab.tasks[2]!.title);
  const draft = `-- a draft for another device ${Date.now()}\nSELECT email FROM customers;`;
  await sqlLab.setSql(draft);
  await expect(sqlLab.saveStatus()).toHaveText('Saved to your account.');

  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await new AuthPages(otherPage).signIn(newUser);
    await expect(otherPage).toHaveURL(/\/dashboard$/);
    const elsewhere = await openLab(otherPage);
    await elsewhere.expectSignedIn();
    await elsewhere.selectTask(lab.tasks[2]!.title);
    await expect.poll(() => elsewhere.editorText()).toBe(draft);
    // The other tasks still show their starters.
    await elsewhere.selectTask(lab.tasks[0]!.title);
    await expect
      .poll(async () => (await elsewhere.editorText()).trimEnd())
      .toBe(task.starter.trimEnd());
    // Choosing tasks is not typing: nothing was saved again, nothing was kept in this browser.
    await expect(elsewhere.saveStatus()).toHaveText('');
    expect(
      await otherPage.evaluate(() =>
        Object.keys(window.localStorage).filter((key) => key.includes(':lab-draft:')),
      ),
    ).toEqual([]);
  } finally {
    await other.close();
  }
});

test('keyboard only: open the lab, choose a task, write SQL, run it with Ctrl+Enter and check it', async ({
  page,
}) => {
  await new LessonPage(page).open(lesson.href);
  const sqlLab = new SqlLab(page, labId);
  await tabTo(page, sqlLab.openButton());
  await page.keyboard.press('Enter');
  await sqlLab.expectReady();

  // Into the task list; the arrow keys move between tasks, and the selection follows focus.
  await tabTo(page, sqlLab.tabs().first());
  await page.keyboard.press('ArrowDown');
  await expect(sqlLab.tabs().nth(1)).toBeFocused();
  await expect(sqlLab.tabs().nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(sqlLab.tabs().last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(sqlLab.tabs().first()).toBeFocused();
  await expect(sqlLab.tabs().first()).toHaveAttribute('aria-selected', 'true');

  // Into the editor (Tab is not swallowed by it on the way), then type and run.
  await tabTo(page, sqlLab.editor());
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(wrongAnswer.trimEnd());
  await page.keyboard.press('Control+Enter');
  await expect(sqlLab.output().getByTestId('run-summary')).toHaveText(
    /^1 statement ran in [\d.]+ ms\.$/,
  );
  await expect(sqlLab.output()).toContainText('Statement 1 (line 1): 2 rows');

  // Tab leaves the editor (no keyboard trap) and reaches Check.
  await tabTo(page, sqlLab.button('Check'), 10);
  await page.keyboard.press('Enter');
  await expect(sqlLab.output()).toContainText('2 rows missing');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a lesson with an open lab and its output has no serious or critical axe violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const sqlLab = await openLab(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await sqlLab.setSql(wrongAnswer);
    await sqlLab.press('Run');
    await expect(sqlLab.resultTable()).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${lesson.href}, lab open, a result (${colorScheme})`);
    await sqlLab.press('Check');
    await expect(sqlLab.output()).toContainText('2 rows missing');
    await sqlLab.setSql('SELECT email\nFROM customers\nWHER id = 1;');
    await sqlLab.press('Run');
    await expect(sqlLab.output().getByText(/^ERROR 42601/)).toBeVisible();
    await expectNoSeriousAxeViolations(page, `${lesson.href}, lab open, an error (${colorScheme})`);
  });
}
