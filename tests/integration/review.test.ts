import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { reviewItems } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { gradeQuiz } from '@/lib/dal/quiz';
import { answerReview, listDueReviews } from '@/lib/dal/review';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';
import { rightAnswers, wrongAnswers } from '../support/quiz';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lesson = listLessons()[2]!;
const right = rightAnswers(lesson);
const wrongFirst = right.map((answer, index) => (index === 0 ? wrongAnswers(lesson)[0]! : answer));
const day = 86_400_000;

describe('review (spaced repetition)', () => {
  it('brings a missed question back after 1 day, then 3 and 7 while answered right, and tomorrow after a miss', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await gradeQuiz({ lessonId: lesson.id, answers: wrongFirst });
    const now = Date.now();

    const today = await listDueReviews(new Date(now));
    expect(today).toMatchObject({ due: [], upcoming: 1 });
    // Due about a day from now (the attempt was stored just before `now`).
    expect(Date.parse(today.nextDueAt!)).toBeGreaterThan(now + day - 60_000);
    expect(Date.parse(today.nextDueAt!)).toBeLessThanOrEqual(now + day);
    const tomorrow = await listDueReviews(new Date(now + day + 60_000));
    expect(tomorrow).toMatchObject({ upcoming: 0, nextDueAt: null });
    expect(tomorrow.due).toEqual([
      expect.objectContaining({
        lessonId: lesson.id,
        questionIndex: 0,
        view: expect.objectContaining({ question: lesson.quiz[0]!.question }),
      }),
    ]);
    expect(JSON.stringify(tomorrow)).not.toContain(lesson.quiz[0]!.explanation);

    let at = now + day + 60_000;
    const first = await answerReview(
      { lessonId: lesson.id, questionIndex: 0, choiceId: right[0] },
      new Date(at),
    );
    expect(first).toMatchObject({
      correct: true,
      answerId: right[0],
      nextInDays: 3,
      explanation: lesson.quiz[0]!.explanation,
    });
    expect((await listDueReviews(new Date(at + 2 * day))).due).toHaveLength(0);
    at += 3 * day + 60_000;
    expect(
      (
        await answerReview(
          { lessonId: lesson.id, questionIndex: 0, choiceId: right[0] },
          new Date(at),
        )
      ).nextInDays,
    ).toBe(7);
    at += 7 * day + 60_000;
    expect(
      await answerReview(
        { lessonId: lesson.id, questionIndex: 0, choiceId: wrongFirst[0] },
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
      answerReview({ lessonId: lesson.id, questionIndex: 0, choiceId: right[0] }),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      answerReview(
        { lessonId: lesson.id, questionIndex: 1, choiceId: right[1] },
        new Date(Date.now() + 2 * day),
      ),
    ).rejects.toMatchObject({ code: 'invalid' });
    signInAs(null);
    await gradeQuiz({ lessonId: lesson.id, answers: wrongFirst });
    await expect(listDueReviews()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
