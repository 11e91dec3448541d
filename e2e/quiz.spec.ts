import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;

test('a learner checks quiz answers, sees explanations, and passing completes the lesson', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await expect(
    lessonPage.progress().getByRole('button', { name: 'Mark as complete' }),
  ).toBeVisible();

  // First attempt: everything wrong.
  await lessonPage.answerQuiz(lesson.quiz, 'wrong');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`0 of ${lesson.quiz.length} correct.`);
  await expect(quiz.getByText('Not quite.').first()).toBeVisible();
  await expect(
    quiz.getByText(lesson.quiz[0]!.explanation.replace(/`/g, '').slice(0, 40)),
  ).toBeVisible();
  await expect(
    lessonPage.progress().getByRole('button', { name: 'Mark as complete' }),
  ).toBeVisible();

  // Second attempt: everything right.
  await quiz.getByRole('button', { name: 'Try again' }).click();
  await lessonPage.answerQuiz(lesson.quiz, 'right');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(
    `${lesson.quiz.length} of ${lesson.quiz.length} correct — passed.`,
  );
  await lessonPage.expectCompleted();

  await page.reload();
  await lessonPage.expectCompleted();
  await expect(quiz).toContainText(
    `Your best so far: ${lesson.quiz.length} of ${lesson.quiz.length}.`,
  );
});

test('checking with questions left open explains what is missing', async ({
  page,
  lesson: lessonPage,
}) => {
  await lessonPage.open(lesson.href);
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-error')).toContainText(
    `Answer all ${lesson.quiz.length} questions`,
  );
});

test('missed questions wait for review; nothing is due on the day they were missed', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const quiz = page.getByRole('region', { name: 'Check your understanding' });
  await lessonPage.answerQuiz(lesson.quiz, 'wrong');
  await quiz.getByRole('button', { name: 'Check answers' }).click();
  await expect(quiz.getByTestId('quiz-score')).toContainText('0 of');
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Review the questions you missed' }).click();
  await expect(page.getByTestId('review-empty')).toContainText(
    `${lesson.quiz.length} questions will come back later.`,
  );
});
