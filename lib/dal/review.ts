import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { reviewItems } from '@/db/schema';
import { getLessonById, type Lesson } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { reviewAnswerSchema } from '@/lib/validations/review';
import { requireUser } from './session';

/** Days until the next review, by step. */
export const reviewIntervalsDays = [1, 3, 7, 14, 30] as const;

const dueAfter = (step: number, now: Date) =>
  new Date(
    now.getTime() +
      reviewIntervalsDays[Math.min(step, reviewIntervalsDays.length - 1)]! * 86_400_000,
  );

type Executor = Pick<Database, 'insert'>;

/** Schedules the questions a learner got wrong for review tomorrow (step 0), in the caller's transaction. */
export async function scheduleWrongAnswers(
  tx: Executor,
  userId: string,
  lesson: Lesson,
  wrongIndexes: number[],
  now = new Date(),
): Promise<void> {
  if (wrongIndexes.length === 0) return;
  await tx
    .insert(reviewItems)
    .values(
      wrongIndexes.map((questionIndex) => ({
        userId,
        lessonId: lesson.id,
        questionIndex,
        question: lesson.quiz[questionIndex]!.question,
        step: 0,
        dueAt: dueAfter(0, now),
      })),
    )
    .onConflictDoUpdate({
      target: [reviewItems.userId, reviewItems.lessonId, reviewItems.questionIndex],
      set: {
        step: 0,
        dueAt: dueAfter(0, now),
        question: sql`excluded.question`,
        updatedAt: sql`now()`,
      },
    });
}

export interface DueReview {
  lessonId: string;
  lessonTitle: string;
  lessonHref: Lesson['href'];
  questionIndex: number;
  question: string;
  choices: string[];
  step: number;
}

/** The signed-in learner's questions due for review now (questions and choices only). */
export async function listDueReviews(
  now = new Date(),
): Promise<{ due: DueReview[]; upcoming: number }> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      lessonId: reviewItems.lessonId,
      questionIndex: reviewItems.questionIndex,
      question: reviewItems.question,
      step: reviewItems.step,
      dueAt: reviewItems.dueAt,
    })
    .from(reviewItems)
    .where(eq(reviewItems.userId, user.id))
    .orderBy(asc(reviewItems.dueAt));
  const due: DueReview[] = [];
  let upcoming = 0;
  for (const row of rows) {
    const lesson = getLessonById(row.lessonId);
    const question = lesson?.quiz[row.questionIndex];
    if (!lesson || !question || question.question !== row.question) continue;
    if (row.dueAt > now) {
      upcoming += 1;
      continue;
    }
    due.push({
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      lessonHref: lesson.href,
      questionIndex: row.questionIndex,
      question: question.question,
      choices: question.choices,
      step: row.step,
    });
  }
  return { due, upcoming };
}

/**
 * Answers one review question: right moves it to the next interval, wrong back to tomorrow.
 * Returns the right answer, the explanation and when it comes back.
 */
export async function answerReview(input: unknown, now = new Date()) {
  const user = await requireUser();
  const { lessonId, questionIndex, choiceIndex } = reviewAnswerSchema.parse(input);
  const lesson = getLessonById(lessonId);
  const question = lesson?.quiz[questionIndex];
  if (!lesson || !question) throw new AppError('not_found', 'That question no longer exists.');
  const db = await getDb();
  const [item] = await db
    .select({ step: reviewItems.step, dueAt: reviewItems.dueAt })
    .from(reviewItems)
    .where(
      and(
        eq(reviewItems.userId, user.id),
        eq(reviewItems.lessonId, lessonId),
        eq(reviewItems.questionIndex, questionIndex),
        lte(reviewItems.dueAt, now),
      ),
    );
  if (!item) throw new AppError('invalid', 'This question is not due for review.');
  const answerIndex = question.choices.indexOf(question.answer);
  const correct = choiceIndex === answerIndex;
  const step = correct ? Math.min(item.step + 1, reviewIntervalsDays.length - 1) : 0;
  const dueAt = dueAfter(step, now);
  await db
    .update(reviewItems)
    .set({ step, dueAt, updatedAt: sql`now()` })
    .where(
      and(
        eq(reviewItems.userId, user.id),
        eq(reviewItems.lessonId, lessonId),
        eq(reviewItems.questionIndex, questionIndex),
      ),
    );
  return {
    correct,
    answerIndex,
    explanation: question.explanation,
    nextInDays: reviewIntervalsDays[step]!,
    dueAt: dueAt.toISOString(),
  };
}
