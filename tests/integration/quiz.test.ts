import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { checkQuizAction } from '@/app/(learn)/actions';
import { getDb } from '@/db/client';
import { lessonProgress, quizAttempts } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { choiceId, toQuestionView } from '@/lib/content/quiz';
import { getBestQuizScore, gradeQuiz } from '@/lib/dal/quiz';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';
import { rightAnswers, withRight, wrongAnswers } from '../support/quiz';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lesson = listLessons().find((candidate) => candidate.quiz.length >= 3)!;
const right = rightAnswers(lesson);
const wrong = wrongAnswers(lesson);
const answerIds = lesson.quiz.map((question) => choiceId(question.answer));

async function rows(userId: string) {
  const db = await getDb();
  const attempts = await db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.lessonId, lesson.id)));
  const [progress] = await db
    .select()
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lesson.id)));
  return { attempts, progress };
}

describe('graded quizzes', () => {
  it('grade by choice id, whatever order the choices were shown in', async () => {
    signInAs(null);
    // The ids the page sends do not depend on position: the shuffled view carries the same ids.
    const shuffled = lesson.quiz.map((question, index) =>
      toQuestionView(question, `retry-${index}`),
    );
    const picked = shuffled.map(
      (view, index) => view.choices.find((choice) => choice.id === answerIds[index])!.id,
    );
    expect(picked).toEqual(right);
    const result = await gradeQuiz({ lessonId: lesson.id, answers: picked });
    expect(result).toMatchObject({ correct: lesson.quiz.length, passed: true, revealed: true });
    expect(result.results.map((item) => item.chosenId)).toEqual(right);

    // The authored position of the right answer, sent as if it were an id, is not an answer.
    const positions = lesson.quiz.map((question) =>
      String(question.choices.indexOf(question.answer)),
    );
    expect(await checkQuizAction(lesson.id, positions)).toMatchObject({ status: 'invalid' });
  });

  it('reveal answers and explanations on a pass, never on an anonymous fail', async () => {
    signInAs(null);
    const failed = await gradeQuiz({ lessonId: lesson.id, answers: wrong });
    expect(failed).toMatchObject({ passed: false, revealed: false, attempts: null, saved: false });
    expect(JSON.stringify(failed)).not.toContain('answerId');
    for (const id of answerIds) expect(JSON.stringify(failed)).not.toContain(id);
    for (const question of lesson.quiz)
      expect(JSON.stringify(failed)).not.toContain(question.explanation);
    // Each wrong question points at the section that teaches it.
    expect(failed.results.map((item) => item.section.id)).toEqual(
      lesson.quiz.map((question) => question.section),
    );
    for (const item of failed.results)
      expect(lesson.headings.map((heading) => heading.text)).toContain(item.section.title);

    const passed = await gradeQuiz({ lessonId: lesson.id, answers: right });
    expect(passed.revealed).toBe(true);
    expect(passed.results.map((item) => item.answerId)).toEqual(answerIds);
    expect(passed.results.map((item) => item.explanation)).toEqual(
      lesson.quiz.map((question) => question.explanation),
    );
  });

  it('reveal to a signed-in learner only from the third failed attempt, and after a pass', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    for (const attempt of [1, 2]) {
      const result = await gradeQuiz({ lessonId: lesson.id, answers: wrong });
      expect(result).toMatchObject({ attempts: attempt, revealed: false });
      for (const id of answerIds) expect(JSON.stringify(result)).not.toContain(id);
      for (const question of lesson.quiz)
        expect(JSON.stringify(result)).not.toContain(question.explanation);
    }
    const third = await gradeQuiz({ lessonId: lesson.id, answers: wrong });
    expect(third).toMatchObject({ attempts: 3, revealed: true, passed: false });
    expect(third.results.map((item) => item.answerId)).toEqual(answerIds);

    // Someone else starts from zero; once they pass, later failed attempts show the answers too.
    const other = await createTestUser();
    signInAs(other.id);
    expect((await gradeQuiz({ lessonId: lesson.id, answers: right })).revealed).toBe(true);
    const afterPass = await gradeQuiz({ lessonId: lesson.id, answers: wrong });
    expect(afterPass).toMatchObject({ attempts: 2, passed: false, revealed: true });
  });

  it('store every attempt for a signed-in learner; a failing one does not complete the lesson', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const failing = await gradeQuiz({ lessonId: lesson.id, answers: wrong });
    expect(failing).toMatchObject({
      correct: 0,
      passed: false,
      saved: true,
      completed: false,
      best: { correct: 0 },
    });
    const { attempts, progress } = await rows(user.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.answers).toEqual(wrong);
    expect(progress?.status).not.toBe('completed');
  });

  it('complete the lesson on a pass (two thirds or better) and keep the best score', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const needed = Math.ceil((lesson.quiz.length * 2) / 3);
    const below = await gradeQuiz({ lessonId: lesson.id, answers: withRight(lesson, needed - 1) });
    expect(below.passed).toBe(false);
    const pass = await gradeQuiz({ lessonId: lesson.id, answers: withRight(lesson, needed) });
    expect(pass).toMatchObject({ passed: true, completed: true, best: { correct: needed } });
    await gradeQuiz({ lessonId: lesson.id, answers: wrong });
    await expect(getBestQuizScore(lesson.id)).resolves.toEqual({
      correct: needed,
      total: lesson.quiz.length,
    });
    const { attempts, progress } = await rows(user.id);
    expect(attempts).toHaveLength(3);
    expect(progress?.status).toBe('completed');
  });

  it('refuse incomplete or malformed answers with a clear message, storing nothing', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    expect(await checkQuizAction(lesson.id, right.slice(1))).toMatchObject({
      status: 'error',
      code: 'invalid',
      message: `Answer all ${lesson.quiz.length} questions before checking.`,
    });
    // A real choice id, but of another question.
    expect(await checkQuizAction(lesson.id, [right[1]!, ...right.slice(1)])).toMatchObject({
      status: 'error',
      code: 'invalid',
    });
    expect(await checkQuizAction('the-role/no-such-lesson', right)).toMatchObject({
      status: 'error',
      code: 'not_found',
    });
    expect(await checkQuizAction(lesson.id, [1] as unknown as string[])).toMatchObject({
      status: 'invalid',
    });
    expect((await rows(user.id)).attempts).toHaveLength(0);
  });
});
