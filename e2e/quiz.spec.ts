import type { Locator, Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import type { QuizQuestion } from '../lib/content/schema';
import { browserAs, expect, test } from './fixtures';

const lessons = loadCourse({ includeDrafts: false }).lessons;
const lesson = lessons[0]!;
const termLesson = lessons.find((candidate) => candidate.body.includes('<Term '))!;
const plain = (text: string) => text.replace(/`/g, '');
const quizOf = (page: Page) => page.getByRole('region', { name: 'Check your understanding' });
const groupOf = (quiz: Locator, question: QuizQuestion) =>
  quiz.getByRole('group', { name: plain(question.question) });

/** The choices of every question, in the order the page shows them. */
async function choiceOrder(quiz: Locator): Promise<string[][]> {
  const orders: string[][] = [];
  for (const question of lesson.quiz)
    orders.push(
      await groupOf(quiz, question)
        .getByRole('radio')
        .evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent ?? '')),
    );
  return orders;
}

const explanationStart = (question: QuizQuestion) => plain(question.explanation).slice(0, 40);

test('a failed attempt marks each own answer and links to the section that teaches it; a retry reshuffles and still grades right', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const quiz = quizOf(page);
  await expect(
    lessonPage.progress().getByRole('button', { name: 'Mark as complete' }),
  ).toBeVisible();

  // First attempt: everything wrong.
  const firstOrder = await choiceOrder(quiz);
  await lessonPage.answerQuiz(lesson.quiz, 'wrong');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`0 of ${lesson.quiz.length} correct.`);
  for (const question of lesson.quiz) {
    const group = groupOf(quiz, question);
    const wrongChoice = question.choices.find((choice) => choice !== question.answer)!;
    // The learner's own choice is named in words on its row, not only by a disabled radio.
    await expect(group.locator('label', { hasText: 'Your answer (wrong)' })).toHaveCount(1);
    await expect(group.locator('label', { hasText: 'Your answer (wrong)' })).toContainText(
      plain(wrongChoice),
    );
    await expect(group.getByText('Right answer', { exact: true })).toHaveCount(0);
  }
  // Not revealed before a pass or the third attempt.
  for (const question of lesson.quiz)
    await expect(quiz.getByText(explanationStart(question))).toHaveCount(0);
  await expect(quiz.getByTestId('quiz-reveal-note')).toContainText('after your third attempt');

  // Each wrong question links to its section; following one lands on that heading.
  const readAgain = quiz.getByRole('link', {
    name: lesson.headings.find((heading) => heading.id === lesson.quiz[0]!.section)!.text,
  });
  await expect(readAgain.first()).toHaveAttribute('href', `#${lesson.quiz[0]!.section}`);
  await readAgain.first().click();
  await expect(page).toHaveURL(new RegExp(`#${lesson.quiz[0]!.section}$`));
  await expect(page.locator(`[id="${lesson.quiz[0]!.section}"]`)).toBeInViewport();

  // Second attempt: the choices come in a new order, and the right answers still pass.
  await quiz.getByRole('button', { name: 'Try again' }).click();
  const secondOrder = await choiceOrder(quiz);
  expect(secondOrder).not.toEqual(firstOrder);
  secondOrder.forEach((order, index) =>
    expect([...order].sort()).toEqual([...firstOrder[index]!].sort()),
  );
  await lessonPage.answerQuiz(lesson.quiz, 'right');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(
    `${lesson.quiz.length} of ${lesson.quiz.length} correct — passed.`,
  );
  await expect(quiz.getByText('Your answer (right)', { exact: true })).toHaveCount(
    lesson.quiz.length,
  );
  // Passed: the explanations are revealed.
  for (const question of lesson.quiz)
    await expect(quiz.getByText(explanationStart(question))).toBeVisible();
  await lessonPage.expectCompleted();

  await page.reload();
  await lessonPage.expectCompleted();
  await expect(quiz).toContainText(
    `Your best so far: ${lesson.quiz.length} of ${lesson.quiz.length}.`,
  );
});

test('the right answers appear on the third failed attempt, not before', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const quiz = quizOf(page);
  const first = lesson.quiz[0]!;
  for (const attempt of [1, 2, 3]) {
    if (attempt > 1) await quiz.getByRole('button', { name: 'Try again' }).click();
    await lessonPage.answerQuiz(lesson.quiz, 'wrong');
    await quiz.getByRole('button', { name: 'Check answers' }).click();
    await expect(quiz.getByTestId('quiz-score')).toHaveText(`0 of ${lesson.quiz.length} correct.`);
    if (attempt < 3) {
      await expect(quiz.getByText(explanationStart(first))).toHaveCount(0);
      await expect(quiz.getByText('Right answer', { exact: true })).toHaveCount(0);
    }
  }
  await expect(quiz.getByText(explanationStart(first))).toBeVisible();
  await expect(
    groupOf(quiz, first)
      .locator('label')
      .filter({ has: page.getByText('Right answer', { exact: true }) }),
  ).toContainText(plain(first.answer));
  await expect(quiz.getByTestId('quiz-reveal-note')).toHaveCount(0);
});

test('an anonymous learner signs in from the quiz and comes back with the answers still selected', async ({
  browser,
  page,
  lesson: lessonPage,
  newUser,
}) => {
  const { context } = await browserAs(browser, 'learner', newUser);
  await context.close();

  await lessonPage.open(lesson.href);
  const quiz = quizOf(page);
  await lessonPage.answerQuiz(lesson.quiz, 'right');
  await quiz.getByRole('link', { name: 'Sign in to keep your score' }).click();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel('Email').fill(newUser.email);
  await page.getByLabel('Password').fill(newUser.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${lesson.href}#check-your-understanding$`));
  await expect(lessonPage.progress()).toHaveAttribute('aria-busy', 'false');
  for (const question of lesson.quiz)
    await expect(
      groupOf(quiz, question).getByLabel(plain(question.answer), { exact: true }),
    ).toBeChecked();
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toContainText('passed');
  await lessonPage.expectCompleted();
});

test('before the page is interactive the quiz says it is loading, and an early submit loses nothing', async ({
  browser,
}) => {
  // No JavaScript at all: the state of the page before hydration, for as long as it lasts.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(lesson.href);
  const quiz = quizOf(page);
  const submit = quiz.getByRole('button', { name: 'Loading…' });
  await expect(submit).toBeDisabled();
  const question = lesson.quiz[0]!;
  const choice = groupOf(quiz, question).getByLabel(plain(question.answer), { exact: true });
  await choice.check();
  await choice.press('Enter');
  await submit.click({ force: true });
  await expect(page).toHaveURL(new RegExp(`${lesson.href}$`));
  await expect(choice).toBeChecked();
  await context.close();
});

test('choices picked before hydration are kept once the page is interactive', async ({
  page,
  lesson: lessonPage,
}) => {
  // Hold the page's scripts back until the answers are picked.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(lesson.href, { waitUntil: 'commit' });
  const quiz = quizOf(page);
  await expect(quiz.getByRole('button', { name: 'Loading…' })).toBeDisabled();
  await lessonPage.answerQuiz(lesson.quiz, 'right');
  release();
  await expect(quiz.getByRole('button', { name: 'Check answers' })).toBeEnabled();
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(
    `${lesson.quiz.length} of ${lesson.quiz.length} correct — passed.`,
  );
});

test('missed questions wait for review; /review and the dashboard say how many are due and when', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const quiz = quizOf(page);
  await lessonPage.answerQuiz(lesson.quiz, 'wrong');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toContainText('0 of');
  await page.goto('/dashboard');
  await expect(page.getByTestId('review-due')).toHaveText('(0 due now)');
  await page.getByRole('link', { name: 'Review the questions you missed' }).click();
  const summary = page.getByTestId('review-summary');
  await expect(summary).toContainText('Nothing is due right now.');
  await expect(summary).toContainText(
    `${lesson.quiz.length} questions will come back later; the next on`,
  );
  await expect(summary.locator('time')).toContainText(String(new Date().getUTCFullYear()));
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('choices are 44 px tap targets, the contents collapse, and a glossary definition stays on screen', async ({
    page,
    lesson: lessonPage,
  }) => {
    await lessonPage.open(termLesson.href);
    const question = termLesson.quiz[0]!;
    const row = groupOf(quizOf(page), question).locator('label').first();
    expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);

    const toc = page.getByRole('navigation', { name: 'On this page' });
    const firstEntry = toc.getByRole('link', { name: termLesson.headings[0]!.text, exact: true });
    await expect(firstEntry).toBeHidden();
    await toc.getByText('On this page').click();
    await expect(firstEntry).toBeVisible();
    await toc.getByText('On this page').click();
    await expect(firstEntry).toBeHidden();

    const term = page.locator('.term').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    const tooltip = term.getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    const box = (await tooltip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
  });
});

test('progress, bookmark and note stay within reach in the middle of a lesson', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const middle = lesson.headings[Math.floor(lesson.headings.length / 2)]!;
  await page.locator(`[id="${middle.id}"]`).scrollIntoViewIfNeeded();
  await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), middle.id);
  const markComplete = lessonPage.progress().getByRole('button', { name: 'Mark as complete' });
  await expect(markComplete).toBeInViewport();
  await markComplete.click();
  await lessonPage.expectCompleted();
  const bookmark = page.getByRole('button', { name: 'Bookmark' });
  await bookmark.scrollIntoViewIfNeeded();
  await expect(bookmark).toBeInViewport();
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');
  const note = page.getByLabel('Your notes (private)');
  await note.scrollIntoViewIfNeeded();
  await expect(note).toBeInViewport();
  // Still at the same place in the lesson.
  await expect(page.locator(`[id="${middle.id}"]`)).toBeInViewport();
});
