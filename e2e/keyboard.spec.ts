import type { Locator, Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;

/**
 * Presses Tab (or Shift+Tab, to go back) until `target` has focus, as a keyboard user would
 * (fails after `limit` presses).
 */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 200) {
  for (let press = 0; press < limit; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

test('keyboard only: sign in, open a lesson, answer its quiz and mark it complete', async ({
  page,
  newUser,
  browser,
}) => {
  // The account exists already (made in another browser); from here on, only the keyboard.
  const setup = await browser.newContext();
  await new AuthPages(await setup.newPage()).signUp(newUser);
  await setup.close();

  await page.goto('/');
  await tabTo(page, page.getByRole('banner').getByRole('link', { name: 'Sign in' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(newUser.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(newUser.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard$/);

  // A newcomer's dashboard welcomes them with a link to the first lesson.
  await tabTo(page, page.getByRole('link', { name: `Start with ${lesson.title}` }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);

  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  for (const [index, question] of lesson.quiz.entries()) {
    const group = quiz.getByRole('group').nth(index);
    // Choices are shown shuffled: find the right one's place on the page.
    const shown = await group.locator('label').allTextContents();
    const target = shown.indexOf(question.answer.replace(/`/g, ''));
    expect(target).toBeGreaterThanOrEqual(0);
    await tabTo(page, group.getByRole('radio').first());
    await page.keyboard.press('Space');
    for (let step = 0; step < target; step += 1) await page.keyboard.press('ArrowDown');
    await expect(group.getByRole('radio', { checked: true })).toHaveCount(1);
  }
  await tabTo(page, quiz.getByRole('button', { name: 'Check answers' }));
  await page.keyboard.press('Enter');
  await expect(quiz.getByTestId('quiz-score')).toHaveText(
    `${lesson.quiz.length} of ${lesson.quiz.length} correct — passed.`,
  );

  // Passing completed the lesson; the progress box (in the rail, before the text) offers to undo
  // and redo it by keyboard too.
  const progress = page.getByRole('region', { name: 'Your progress' });
  await tabTo(page, progress.getByRole('button', { name: 'Mark as incomplete' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, progress.getByRole('button', { name: 'Mark as complete' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(progress.getByText('Completed', { exact: true })).toBeVisible();
});

test('the outline and dashboard show each lesson state, and progress can be reset after confirming', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  await lessonPage.markComplete();
  await page.goto('/learn');
  await expect(page.getByTestId(`progress-${lesson.id}`)).toContainText('Completed');

  await page.goto('/dashboard');
  await expect(page.getByTestId('streak')).toHaveText('1-day streak');
  await expect(
    page.getByRole('list', { name: 'Activity in the last 12 weeks' }).getByText(/: 2 activities$/),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('overall-percent')).not.toHaveText('0%');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(page.getByText('Your progress was reset.')).toBeVisible();
  // With no progress left, the dashboard greets them as a newcomer again.
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('overall-percent')).toHaveCount(0);
});
