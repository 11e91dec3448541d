import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { reviewItems } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { gradeQuiz } from '@/lib/dal/quiz';
import { answerReview, listDueReviews } from '@/lib/dal/review';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lesson = listLessons()[2]!;
const right = lesson.quiz.map((question) => question.choices.indexOf(question.answer));
const wrongFirst = right.map((answer, index) =>
  index === 0 ? (answer + 1) % lesson.quiz[0]!.choices.length : answer,
);
const day = 86_400_000;

describe('review (spaced repetition)', () => {
  it('brings a missed question back after 1 day, then 3 and 7 while answered right, and tomorrow after a miss', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await gradeQuiz({ lessonId: lesson.id, answers: wrongFirst });
    const now = Date.now();

    expect((await listDueReviews(new Date(now))).due).toHaveLength(0);
    const tomorrow = await listDueReviews(new Date(now + day + 60_000));
    expect(tomorrow.due).toEqual([
      expect.objectContaining({
        lessonId: lesson.id,
        questionIndex: 0,
        question: lesson.quiz[0]!.question,
      }),
    ]);
    expect(JSON.stringify(tomorrow)).not.toContain(lesson.quiz[0]!.explanation);

    let at = now + day + 60_000;
    const first = await answerReview(
      { lessonId: lesson.id, questionIndex: 0, choiceIndex: right[0] },
      new Date(at),
    );
    expect(first).toMatchObject({
      correct: true,
      nextInDays: 3,
      explanation: lesson.quiz[0]!.explanation,
    });
    expect((await listDueReviews(new Date(at + 2 * day))).due).toHaveLength(0);
    at += 3 * day + 60_000;
    expect(
      (
        await answerReview(
          { lessonId: lesson.id, questionIndex: 0, choiceIndex: right[0] },
          new Date(at),
        )
      ).nextInDays,
    ).toBe(7);
    at += 7 * day + 60_000;
    expect(
      await answerReview(
        { lessonId: lesson.id, questionIndex: 0, choiceIndex: wrongFirst[0] },
        new Date(at),
      ),
    ).toMatchObject({
      correct: false,
      nextInDays: 1,
    });
    const db = await getDb();
    const [item] = await db
      .select()
      .from(reviewItems)
      .where(and(eq(reviewItems.userId, user.id), eq(reviewItems.lessonId, lesson.id)));
    expect(item?.step).toBe(0);
  });

  it('refuses questions that are not due and does not schedule anything for visitors', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await gradeQuiz({ lessonId: lesson.id, answers: wrongFirst });
    await expect(
      answerReview({ lessonId: lesson.id, questionIndex: 0, choiceIndex: 0 }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      answerReview(
        { lessonId: lesson.id, questionIndex: 1, choiceIndex: 0 },
        new Date(Date.now() + 2 * day),
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    signInAs(null);
    await gradeQuiz({ lessonId: lesson.id, answers: wrongFirst });
    await expect(listDueReviews()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
