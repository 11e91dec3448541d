import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { checkQuizAction } from '@/app/(learn)/actions';
import { getDb } from '@/db/client';
import { lessonProgress, quizAttempts } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { getBestQuizScore, gradeQuiz } from '@/lib/dal/quiz';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lesson = listLessons().find((candidate) => candidate.quiz.length >= 3)!;
const rightAnswers = lesson.quiz.map((question) => question.choices.indexOf(question.answer));
const wrongAnswers = lesson.quiz.map(
  (question, index) => (rightAnswers[index]! + 1) % question.choices.length,
);
/** Exactly `count` right answers, the rest wrong. */
const withRight = (count: number) =>
  rightAnswers.map((right, index) => (index < count ? right : wrongAnswers[index]!));

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
  it('grade on the server, revealing answers and explanations only in the result', async () => {
    signInAs(null);
    const result = await gradeQuiz({ lessonId: lesson.id, answers: rightAnswers });
    expect(result).toMatchObject({
      correct: lesson.quiz.length,
      total: lesson.quiz.length,
      passed: true,
      saved: false,
    });
    expect(result.results.map((item) => item.explanation)).toEqual(
      lesson.quiz.map((question) => question.explanation),
    );
    expect(result.results.map((item) => item.answerIndex)).toEqual(rightAnswers);
  });

  it('store every attempt for a signed-in learner; a failing one does not complete the lesson', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const failing = await gradeQuiz({ lessonId: lesson.id, answers: wrongAnswers });
    expect(failing).toMatchObject({
      correct: 0,
      passed: false,
      saved: true,
      completed: false,
      best: { correct: 0 },
    });
    const { attempts, progress } = await rows(user.id);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.answers).toEqual(wrongAnswers);
    expect(progress?.status).not.toBe('completed');
  });

  it('complete the lesson on a pass (two thirds or better) and keep the best score', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const needed = Math.ceil((lesson.quiz.length * 2) / 3);
    const below = await gradeQuiz({ lessonId: lesson.id, answers: withRight(needed - 1) });
    expect(below.passed).toBe(false);
    const pass = await gradeQuiz({ lessonId: lesson.id, answers: withRight(needed) });
    expect(pass).toMatchObject({ passed: true, completed: true, best: { correct: needed } });
    await gradeQuiz({ lessonId: lesson.id, answers: wrongAnswers });
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
    expect(await checkQuizAction(lesson.id, rightAnswers.slice(1))).toMatchObject({
      status: 'error',
      code: 'invalid',
      message: `Answer all ${lesson.quiz.length} questions before checking.`,
    });
    expect(
      await checkQuizAction(
        lesson.id,
        rightAnswers.map(() => 9),
      ),
    ).toMatchObject({ status: 'error', code: 'invalid' });
    expect(await checkQuizAction('the-role/no-such-lesson', rightAnswers)).toMatchObject({
      status: 'error',
      code: 'not_found',
    });
    expect(await checkQuizAction(lesson.id, ['a'] as unknown as number[])).toMatchObject({
      status: 'invalid',
    });
    expect((await rows(user.id)).attempts).toHaveLength(0);
  });
});
