// Forms keep what the user typed when a submission is refused, point each message at its field,
// and risky buttons ask first (issue 13, "Forms").
import type { Locator, Page } from '@playwright/test';
import { e2eAccount } from './accounts';
import { moveClock } from './clock';
import { loadCourse } from '../lib/content/load';
import { browserAs, expect, test } from './fixtures';
import { expectHydrated } from './hydration';
import { SearchDialog } from './pages/search-dialog';

const course = loadCourse({ includeDrafts: false });
const firstModule = course.modules[0]!;
const highlighted = 'Please correct the highlighted fields.';

async function submit(form: Locator, button: string) {
  await expectHydrated(form);
  await form.getByRole('button', { name: button }).click();
}

/** The field is invalid, and its message is the one it is described by. */
async function expectFieldError(
  page: Page,
  field: Locator,
  name: string,
  message: string | RegExp,
) {
  await expect(page.getByTestId(`${name}-error`)).toHaveText(message);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', new RegExp(`\\b${name}-error\\b`));
}

const formWith = (page: Page, button: string) =>
  page.locator('form').filter({ has: page.getByRole('button', { name: button }) });

test('sign-up keeps the name, e-mail and password after an e-mail error; only a refused password is cleared', async ({
  page,
  newUser,
}) => {
  await page.goto('/sign-up');
  const form = formWith(page, 'Create account');
  const name = page.getByLabel('Name');
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password');
  await expectHydrated(form);
  await expect(name).toHaveAttribute('maxlength', '100');
  await expect(email).toHaveAttribute('maxlength', '254');
  await name.fill(newUser.name);
  await email.fill('not-an-address');
  await password.fill(newUser.password);
  await submit(form, 'Create account');
  await expectFieldError(page, email, 'email', /valid e-mail/);
  await expect(page.getByTestId('form-error')).toHaveText(highlighted);
  await expect(name).toHaveValue(newUser.name);
  await expect(email).toHaveValue('not-an-address');
  await expect(password).toHaveValue(newUser.password);
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  await email.fill(newUser.email);
  await password.fill('short');
  await submit(form, 'Create account');
  await expectFieldError(page, password, 'password', 'Use at least 8 characters.');
  await expect(password).toHaveValue('');
  await expect(name).toHaveValue(newUser.name);
  await expect(email).toHaveValue(newUser.email);
  await expect(page.getByTestId('email-error')).toHaveCount(0);

  await password.fill(newUser.password);
  await submit(form, 'Create account');
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('change password keeps the other password when one is refused', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'learner', newUser);
  await page.goto('/account');
  const change = page.getByRole('region', { name: 'Change password' });
  const current = change.getByLabel('Current password');
  const next = change.getByLabel('New password');
  const form = change.locator('form');
  await expectHydrated(form);

  await current.fill('not my password at all');
  await next.fill(`${newUser.password} renewed`);
  await submit(form, 'Change password');
  await expectFieldError(page, current, 'currentPassword', 'Your current password is not correct.');
  await expect(current).toHaveValue('');
  await expect(next).toHaveValue(`${newUser.password} renewed`);

  await current.fill(newUser.password);
  await next.fill(newUser.password);
  await submit(form, 'Change password');
  await expectFieldError(page, next, 'newPassword', /different from the current one/);
  await expect(next).toHaveValue('');
  await expect(current).toHaveValue(newUser.password);
  await context.close();
});

test('cohort forms keep their values after a refusal; join says what a code looks like', async ({
  page,
  auth,
  browser,
  newUser,
}) => {
  const stamp = Date.now();
  const cohortName = `Forms guild ${stamp}`;
  await auth.signIn(e2eAccount('instructor'));
  await expect(page).toHaveURL(/\/cohorts$/);

  // New cohort: the name and both dates stay next to the error about the end date.
  await page.goto('/cohorts/new');
  const create = formWith(page, 'Create cohort');
  const name = page.getByLabel('Cohort name');
  await expect(name).toHaveAttribute('maxlength', '100');
  await expectHydrated(create);
  await name.fill(cohortName);
  await page.getByLabel('Start date (optional)').fill('2026-12-10');
  await page.getByLabel('End date (optional)').fill('2026-12-01');
  await submit(create, 'Create cohort');
  await expectFieldError(
    page,
    page.getByLabel('End date (optional)'),
    'endsOn',
    'The end date must not be before the start date.',
  );
  await expect(name).toHaveValue(cohortName);
  await expect(page.getByLabel('Start date (optional)')).toHaveValue('2026-12-10');
  await expect(page.getByLabel('End date (optional)')).toHaveValue('2026-12-01');
  await page.getByLabel('End date (optional)').fill('2026-12-20');
  await submit(create, 'Create cohort');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cohortName);
  const cohortUrl = page.url();
  const code = (await page.getByTestId('invite-code').innerText()).trim();

  // Join: empty, malformed and wrong codes, each kept and explained on the field.
  const learner = await browserAs(browser, 'learner', newUser);
  const joinPage = learner.page;
  await joinPage.goto('/cohorts/join');
  const join = formWith(joinPage, 'Join cohort');
  const codeField = joinPage.getByLabel('Invite code');
  const shape = 'Invite codes have 8 letters and digits, like K7M2-QX9P.';
  await submit(join, 'Join cohort');
  await expectFieldError(joinPage, codeField, 'inviteCode', shape);
  for (const typed of ['K7M2', 'K7M2-QX9P-K7M2-QX9P']) {
    await codeField.fill(typed);
    await submit(join, 'Join cohort');
    await expect(codeField).toHaveValue(typed);
    await expectFieldError(joinPage, codeField, 'inviteCode', shape);
  }
  await codeField.fill('ZZZZ-ZZZZ');
  await submit(join, 'Join cohort');
  await expectFieldError(joinPage, codeField, 'inviteCode', /does not work/);
  await expect(codeField).toHaveValue('ZZZZ-ZZZZ');
  await codeField.fill(code);
  await submit(join, 'Join cohort');
  await expect(joinPage.getByRole('status')).toContainText(`You joined ${cohortName}`);

  // Thresholds: the new (refused) value stays, not the saved one.
  await page.goto(cohortUrl);
  const thresholds = formWith(page, 'Save thresholds');
  const behind = page.getByLabel('Lessons behind schedule');
  await expectHydrated(thresholds);
  await page.getByLabel('Failed attempts at one quiz').fill('4');
  await behind.fill('0');
  await submit(thresholds, 'Save thresholds');
  await expectFieldError(page, behind, 'behindLessons', /at least 1/);
  await expect(behind).toHaveValue('0');
  await expect(page.getByLabel('Failed attempts at one quiz')).toHaveValue('4');
  await behind.fill('1');
  await submit(thresholds, 'Save thresholds');
  await expect(thresholds.getByTestId('form-error')).toHaveText('Thresholds saved.');

  // The first module was due yesterday: the learner is behind, so at risk, and can be nudged.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const schedule = formWith(page, 'Save schedule');
  await page.getByLabel(`Due date for ${firstModule.title}`, { exact: true }).fill(yesterday);
  await submit(schedule, 'Save schedule');
  await expect(schedule.getByTestId('form-error')).toHaveText('Schedule saved.');
  const risk = page.getByTestId('at-risk').filter({ hasText: newUser.name });
  await expect(risk).toBeVisible();
  await risk.getByText(`Nudge ${newUser.name}`).click();
  const message = risk.getByLabel(`Message to ${newUser.name}`);
  await expect(message).toHaveAttribute('maxlength', '500');
  await message.fill('   ');
  await submit(risk.locator('form'), 'Send nudge');
  await expect(risk.getByText('Write a short message.')).toBeVisible();
  await expect(message).toHaveAttribute('aria-invalid', 'true');
  await expect(message).toHaveValue('   ');
  await learner.context.close();
});

test('removing a member and issuing a new invite code ask first; cohorts are renamed, re-dated and archived', async ({
  page,
  auth,
  browser,
  newUser,
}) => {
  const stamp = Date.now();
  const cohortName = `Confirm guild ${stamp}`;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await auth.signIn(e2eAccount('instructor'));
  await expect(page).toHaveURL(/\/cohorts$/);
  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(cohortName);
  await submit(formWith(page, 'Create cohort'), 'Create cohort');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cohortName);
  const cohortUrl = page.url();
  const codeText = page.getByTestId('invite-code');
  const code = (await codeText.innerText()).trim();

  // Copy link puts the invite link on the clipboard and says so.
  const copy = page.getByRole('button', { name: 'Copy link' });
  await expectHydrated(copy);
  await copy.click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`/cohorts/join\\?code=${code}$`),
  );

  const learner = await browserAs(browser, 'learner', newUser);
  await learner.page.goto(`/cohorts/join?code=${code}`);
  await submit(formWith(learner.page, 'Join cohort'), 'Join cohort');
  await expect(learner.page.getByRole('status')).toContainText(`You joined ${cohortName}`);
  await learner.context.close();

  // New invite code: Cancel keeps the code, confirming replaces it.
  await page.reload();
  const newCode = page.getByRole('button', { name: 'New invite code' });
  await expectHydrated(newCode);
  await newCode.click();
  const ask = page.getByRole('group', {
    name: /Issue a new code\? The current code and the shared link stop working/,
  });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(newCode).toBeFocused();
  await expect(codeText).toHaveText(code);
  await newCode.click();
  await ask.getByRole('button', { name: 'Issue new code' }).click();
  await expect(codeText).not.toHaveText(code);

  // Removing a member: Cancel (or Escape) keeps them, confirming removes them.
  const row = page.getByRole('row', { name: new RegExp(newUser.name) });
  const remove = row.getByRole('button', { name: `Remove ${newUser.name}` });
  await remove.click();
  const question = page.getByRole('group', {
    name: new RegExp(`Remove ${newUser.name} from this cohort`),
  });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await remove.click();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('summary-members')).toHaveText('1');
  await expectHydrated(remove);
  await remove.click();
  await question.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(newUser.name) })).toHaveCount(0);
  await expect(page.getByTestId('summary-members')).toHaveText('0');

  // Rename and new dates: a refusal keeps the typing; a save shows in the page's heading.
  const details = formWith(page, 'Save name and dates');
  const rename = details.getByLabel('Cohort name');
  await expectHydrated(details);
  await rename.fill(' ');
  await details.getByLabel('Start date (optional)').fill('2027-01-11');
  await submit(details, 'Save name and dates');
  await expectFieldError(page, rename, 'name', 'Give the cohort a name.');
  await expect(details.getByLabel('Start date (optional)')).toHaveValue('2027-01-11');
  await rename.fill(`${cohortName} renamed`);
  await details.getByLabel('End date (optional)').fill('2027-03-31');
  await submit(details, 'Save name and dates');
  await expect(details.getByTestId('form-error')).toHaveText('Name and dates saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${cohortName} renamed`);
  await page.reload();
  await expect(rename).toHaveValue(`${cohortName} renamed`);
  await expect(details.getByLabel('End date (optional)')).toHaveValue('2027-03-31');

  // Archive: asked first; then read-only and listed apart; restored on request.
  const archive = page.getByRole('button', { name: 'Archive cohort' });
  await expectHydrated(archive);
  await archive.click();
  await page
    .getByRole('group', { name: /Archive .* read-only/ })
    .getByRole('button', { name: 'Archive', exact: true })
    .click();
  await expect(page.getByText('this cohort is read-only')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save name and dates' })).toHaveCount(0);
  await expect(page.getByTestId('invite-code')).toHaveCount(0);
  await page.goto('/cohorts');
  const archived = page.getByRole('region', { name: 'Archived' });
  await expect(archived.getByRole('link', { name: `${cohortName} renamed` })).toBeVisible();
  await archived.getByRole('link', { name: `${cohortName} renamed` }).click();
  await expect(page).toHaveURL(cohortUrl);
  const restore = page.getByRole('button', { name: 'Restore cohort' });
  await expectHydrated(restore);
  await restore.click();
  await expect(page.getByRole('button', { name: 'Save name and dates' })).toBeVisible();
  await page.goto('/cohorts');
  await expect(page.getByRole('region', { name: 'Archived' })).toHaveCount(0);
});

test('making someone an admin asks first', async ({ page, auth, browser, newUser }) => {
  const learner = await browserAs(browser, 'learner', newUser);
  await learner.context.close();
  await auth.signIn(e2eAccount('admin'));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto(`/admin/users?q=${encodeURIComponent(newUser.email)}`);
  const row = page.getByRole('row', { name: new RegExp(newUser.name) });
  const change = row.getByRole('button', { name: `Change role of ${newUser.email}` });
  await expectHydrated(change);
  await row.getByLabel(`Role of ${newUser.email}`).selectOption('admin');
  await change.click();
  const ask = row.getByRole('group', { name: /an admin\?/ });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(row.getByLabel(`Role of ${newUser.email}`)).toHaveValue('learner');
  await expectHydrated(change);
  await row.getByLabel(`Role of ${newUser.email}`).selectOption('admin');
  await change.click();
  await ask.getByRole('button', { name: 'Make admin' }).click();
  await expect(row.getByText('Now admin.')).toBeVisible();
});

test('reassigning a cohort keeps the typed e-mail and says on the field why it was refused', async ({
  page,
  auth,
  browser,
  newUser,
}) => {
  const learner = await browserAs(browser, 'learner', newUser);
  await learner.context.close();
  const cohortName = `Owner guild ${Date.now()}`;
  await auth.signIn(e2eAccount('admin'));
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(cohortName);
  await submit(formWith(page, 'Create cohort'), 'Create cohort');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cohortName);

  await page.goto('/admin/cohorts');
  const row = page.getByRole('row', { name: new RegExp(cohortName) });
  const form = row.locator('form');
  const owner = row.getByLabel(`New owner of ${cohortName}`);
  const id = await owner.getAttribute('id');
  await expect(owner).toHaveAttribute('maxlength', '254');
  for (const [typed, refusal] of [
    ['not-an-address', /valid e-mail/],
    [`nobody-${Date.now()}@example.test`, /No account uses the e-mail/],
    [newUser.email, 'The new owner must be an instructor or an admin. Change their role first.'],
  ] as const) {
    await owner.fill(typed);
    await submit(form, `Reassign ${cohortName}`);
    await expectFieldError(page, owner, id!, refusal);
    await expect(owner).toHaveValue(typed);
    await expect(form.getByTestId('form-error')).toHaveText(highlighted);
  }
  const instructor = e2eAccount('instructor');
  await owner.fill(instructor.email);
  await submit(form, `Reassign ${cohortName}`);
  await expect(form.getByTestId('form-error')).toHaveText(`${instructor.email} now owns it.`);
  await expect(owner).not.toHaveAttribute('aria-invalid', 'true');
  await expect(row).toContainText(`${instructor.email} (instructor)`);
});

test('a refused note stays in the editor, marked invalid, with the reason as its description', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  const lesson = course.lessons[1]!;
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const notes = page.getByRole('region', { name: 'Notes and bookmark' });
  const editor = notes.getByLabel('Your notes (private)');
  const status = notes.getByTestId('note-status');
  await expect(editor).toHaveAttribute('maxlength', '20000');
  // A pasted control character (a terminal bell) is refused by the server.
  const refused = 'Retry with backoff \u0007 and jitter.';
  await editor.fill(refused);
  await expect(status).toHaveText(/invisible control characters/);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await expect(editor).toHaveAttribute(
    'aria-describedby',
    (await status.getAttribute('id')) ?? 'note-status',
  );
  await expect(editor).toHaveValue(refused);
  await editor.fill('Retry with backoff and jitter.');
  await expect(status).toContainText('Saved at');
  await expect(editor).not.toHaveAttribute('aria-invalid', 'true');
  await page.goto('/notes');
  await expect(page.getByText('Retry with backoff and jitter.')).toBeVisible();
});

test('a review answer checked without a choice is refused on the question; a refused answer stays chosen', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  const lesson = course.lessons[0]!;
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  await lessonPage.answerQuiz(lesson.quiz, 'wrong');
  await lessonPage.quiz().getByRole('button', { name: 'Check answers' }).click();
  await expect(lessonPage.quiz().getByTestId('quiz-score')).toContainText('0 of');
  // Two days later (the server's clock moves, nobody sleeps) the missed questions are due.
  moveClock(2);
  try {
    await page.goto('/review');
    await expect(page.getByTestId('review-summary')).toContainText(
      `${lesson.quiz.length} questions due now.`,
    );
    const card = page.locator('main ol > li').first().locator('form');
    const question = card.getByRole('group');
    await submit(card, 'Check');
    await expect(card.getByTestId('review-choice-error')).toHaveText('Choose an answer first.');
    await expect(question).toHaveAttribute('aria-invalid', 'true');
    await expect(question).toHaveAttribute(
      'aria-describedby',
      (await card.getByTestId('review-choice-error').getAttribute('id'))!,
    );
    await expect(card.getByTestId('form-error')).toBeEmpty();

    // Answered meanwhile in another tab: this one's answer is refused and stays chosen.
    const choice = question.getByRole('radio').first();
    await choice.check();
    await expect(question).not.toHaveAttribute('aria-invalid', 'true');
    const other = await page.context().newPage();
    await other.goto('/review');
    const otherCard = other.locator('main ol > li').first().locator('form');
    await expectHydrated(otherCard);
    await otherCard.getByRole('radio').first().check();
    await otherCard.getByRole('button', { name: 'Check' }).click();
    await expect(otherCard).toContainText('Next review in');
    await other.close();
    await card.getByRole('button', { name: 'Check' }).click();
    await expect(card.getByTestId('form-error')).toHaveText('This question is not due for review.');
    await expect(choice).toBeChecked();
  } finally {
    moveClock(0);
  }
});

test('search keeps the query in its field and both search inputs hold at most the searched length', async ({
  page,
}) => {
  await page.goto('/search');
  const field = page.getByRole('search').getByLabel('Search lessons');
  await expect(field).toHaveAttribute('maxlength', '200');
  await field.fill('idempotancy');
  await page.getByRole('search').getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=idempotancy$/);
  await expect(field).toHaveValue('idempotancy');
  // An over-long query in the address is cut to what is searched, and the field shows that.
  await page.goto(`/search?q=${'cache '.repeat(50)}`);
  await expect(field).toHaveValue('cache '.repeat(50).trim().slice(0, 200));
  const dialog = new SearchDialog(page);
  await dialog.openWithShortcut();
  await expect(dialog.input()).toHaveAttribute('maxlength', '200');
});

test('the code-block Copy button says when the clipboard is refused', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  const lesson = course.lessons.find((candidate) => candidate.id.includes('http-semantics'))!;
  await page.goto(lesson.href);
  const copy = page.getByRole('button', { name: 'Copy code' }).first();
  await expectHydrated(copy);
  await copy.click();
  await expect(
    page.getByRole('button', { name: 'Copy refused: select the code' }).first(),
  ).toBeVisible();
  await expect(
    page.getByText('Your browser refused the clipboard. Select the code and copy it yourself.'),
  ).toHaveCount(1);
});
