// Quiz attempts written before choices had ids hold positions: the data step that follows the SQL
// migrations (db/data-migrations) rewrites them as choice ids, once, and leaves everything else.
import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabaseHandle, getDb } from '@/db/client';
import { quizAttempts, reviewItems } from '@/db/schema';
import { listLessons, type Lesson } from '@/lib/content';
import { getDashboard, setLessonCompletion } from '@/lib/dal/progress';
import { gradeQuiz } from '@/lib/dal/quiz';
import { answerReview, listDueReviews } from '@/lib/dal/review';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';
import { rightAnswers, wrongAnswers } from '../support/quiz';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const [lesson, other] = listLessons() as [Lesson, Lesson];
const rightPositions = (of: Lesson) =>
  of.quiz.map((question) => question.choices.indexOf(question.answer));
const wrongPositions = (of: Lesson) =>
  of.quiz.map((question) => question.choices.findIndex((choice) => choice !== question.answer));

/** An attempt as the code before choice ids stored it: positions in the authored order. */
async function insertOldAttempt(
  userId: string,
  lessonId: string,
  positions: number[],
  correct: number,
  total = positions.length,
) {
  const db = await getDb();
  await db.execute(sql`
    insert into quiz_attempts (user_id, lesson_id, answers, correct, total)
    values (${userId}, ${lessonId}, ${JSON.stringify(positions)}::jsonb, ${correct}, ${total})`);
}

async function answersOf(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ lessonId: quizAttempts.lessonId, answers: quizAttempts.answers })
    .from(quizAttempts)
    .where(eq(quizAttempts.userId, userId))
    .orderBy(asc(quizAttempts.id));
  return rows.map((row) => row.answers);
}

const migrate = async () => (await getDatabaseHandle()).migrate();

describe('quiz answers stored as positions', () => {
  it('become choice ids when the migrations run, once; answers that no longer name a choice become null', async () => {
    const user = await createTestUser();
    const total = lesson.quiz.length;
    await insertOldAttempt(user.id, lesson.id, rightPositions(lesson), total);
    await insertOldAttempt(user.id, lesson.id, wrongPositions(lesson), 0);
    // The lesson was removed since.
    await insertOldAttempt(user.id, 'gone/removed-lesson', [1, 0], 1);
    // A choice was removed since: the position points past the end.
    await insertOldAttempt(user.id, other.id, [9, ...rightPositions(other).slice(1)], total - 1);
    // The choices were reordered since: the positions now grade differently than they did.
    await insertOldAttempt(user.id, other.id, rightPositions(other), 0);
    // A new attempt, and one with nothing in it, are left as they are.
    const db = await getDb();
    await db.insert(quizAttempts).values({
      userId: user.id,
      lessonId: other.id,
      answers: wrongAnswers(other),
      correct: 0,
      total: other.quiz.length,
    });
    await insertOldAttempt(user.id, other.id, [], 0, 0);

    await migrate();
    const expected = [
      rightAnswers(lesson),
      wrongAnswers(lesson),
      [null, null],
      other.quiz.map(() => null),
      other.quiz.map(() => null),
      wrongAnswers(other),
      [],
    ];
    expect(await answersOf(user.id)).toEqual(expected);
    // jsonb holds strings now: nothing is selected as "old" any more.
    const [{ old } = { old: -1 }] = await db
      .select({
        old: sql<number>`count(*)::int`,
      })
      .from(quizAttempts)
      .where(
        sql`${quizAttempts.userId} = ${user.id} and exists (
          select 1 from jsonb_array_elements(${quizAttempts.answers}) as answer
          where jsonb_typeof(answer) = 'number')`,
      );
    expect(old).toBe(0);

    // Idempotent: running the migrations again changes nothing.
    await migrate();
    expect(await answersOf(user.id)).toEqual(expected);
  });

  it('keeps old attempts counting: a pass still completes the quiz, and they count towards the reveal', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const total = lesson.quiz.length;
    await insertOldAttempt(user.id, other.id, rightPositions(other), other.quiz.length);
    await insertOldAttempt(user.id, lesson.id, wrongPositions(lesson), 0);
    await insertOldAttempt(user.id, lesson.id, wrongPositions(lesson), 0);
    await migrate();
    await setLessonCompletion({ lessonId: other.id, completed: true });

    const states = new Map(
      (await getDashboard()).modules.flatMap((module) =>
        module.lessons.map((entry) => [entry.id, entry.state] as const),
      ),
    );
    // Passed before choice ids existed: completed, with no "quiz not passed".
    expect(states.get(other.id)).toBe('completed');
    // Two old failed attempts and this one: the third attempt reveals the answers.
    const third = await gradeQuiz({ lessonId: lesson.id, answers: wrongAnswers(lesson) });
    expect(third).toMatchObject({ attempts: 3, revealed: true, correct: 0, total });
  });

  it('leaves review items as they were: they name a question by index and text, not a choice', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const db = await getDb();
    const now = Date.now();
    // As the review queue was written before choice ids: the same columns.
    await db.execute(sql`
      insert into review_items (user_id, lesson_id, question_index, question, step, due_at)
      values (${user.id}, ${lesson.id}, 0, ${lesson.quiz[0]!.question}, 1,
              ${new Date(now - 60_000).toISOString()}::timestamptz)`);
    await migrate();
    const queue = await listDueReviews(new Date(now));
    expect(queue.due).toEqual([
      expect.objectContaining({ lessonId: lesson.id, questionIndex: 0, step: 1 }),
    ]);
    const ids = queue.due[0]!.view.choices.map((choice) => choice.id);
    expect(ids).toContain(rightAnswers(lesson)[0]);
    const answered = await answerReview(
      { lessonId: lesson.id, questionIndex: 0, choiceId: rightAnswers(lesson)[0] },
      new Date(now),
    );
    expect(answered).toMatchObject({ correct: true, nextInDays: 7 });
    const [item] = await db
      .select({ step: reviewItems.step })
      .from(reviewItems)
      .where(eq(reviewItems.userId, user.id));
    expect(item).toEqual({ step: 2 });
  });
});
