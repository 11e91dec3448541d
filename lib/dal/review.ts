import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getDb } from '@/db/client';
import { reviewItems } from '@/db/schema';
import { getLessonById, type Lesson } from '@/lib/content';
import { choiceId, toQuestionView, type QuizQuestionView } from '@/lib/content/quiz';
import { now as clockNow } from '@/lib/clock';
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
  now = clockNow(),
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
  /** The question and its choices with their ids; no answer. */
  view: QuizQuestionView;
  step: number;
}

export interface ReviewQueue {
  due: DueReview[];
  /** Questions scheduled for later. */
  upcoming: number;
  /** When the next of the upcoming questions is due (ISO), or null. */
  nextDueAt: string | null;
}

/** The signed-in learner's review items whose question still exists as it was asked, by due date. */
async function listLiveItems() {
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
  return rows.flatMap((row) => {
    const lesson = getLessonById(row.lessonId);
    const question = lesson?.quiz[row.questionIndex];
    // The lesson's quiz changed since: the item no longer means what was asked.
    if (!lesson || !question || question.question !== row.question) return [];
    return [{ ...row, lesson, quizQuestion: question }];
  });
}

export interface ReviewSummary {
  /** Questions due now. */
  dueNow: number;
  /** Questions scheduled for later. */
  upcoming: number;
  /** When the next of the upcoming questions is due (ISO), or null. */
  nextDueAt: string | null;
}

/** How many review questions are due now and when the next one comes (for links and headers). */
export async function getReviewSummary(now = clockNow()): Promise<ReviewSummary> {
  const items = await listLiveItems();
  const later = items.filter((item) => item.dueAt > now);
  return {
    dueNow: items.length - later.length,
    upcoming: later.length,
    nextDueAt: later[0]?.dueAt.toISOString() ?? null,
  };
}

/** The signed-in learner's review queue: questions due now (no answers), and when the next comes. */
export async function listDueReviews(now = clockNow()): Promise<ReviewQueue> {
  const items = await listLiveItems();
  const later = items.filter((item) => item.dueAt > now);
  return {
    due: items
      .filter((item) => item.dueAt <= now)
      .map((item) => ({
        lessonId: item.lesson.id,
        lessonTitle: item.lesson.title,
        lessonHref: item.lesson.href,
        questionIndex: item.questionIndex,
        view: toQuestionView(
          item.quizQuestion,
          `${item.lesson.id}/${item.questionIndex}/${item.step}`,
        ),
        step: item.step,
      })),
    upcoming: later.length,
    nextDueAt: later[0]?.dueAt.toISOString() ?? null,
  };
}

/**
 * Answers one review question by choice id: right moves it to the next interval, wrong back to
 * tomorrow. Returns the right choice's id, the explanation and when it comes back.
 */
export async function answerReview(input: unknown, now = clockNow()) {
  const user = await requireUser();
  const { lessonId, questionIndex, choiceId: chosenId } = reviewAnswerSchema.parse(input);
  const lesson = getLessonById(lessonId);
  const question = lesson?.quiz[questionIndex];
  if (!lesson || !question) throw new AppError('not_found', 'That question no longer exists.');
  if (!question.choices.some((choice) => choiceId(choice) === chosenId)) {
    throw new AppError('invalid', 'Choose one of the answers.');
  }
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
  const answerId = choiceId(question.answer);
  const correct = chosenId === answerId;
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
    answerId,
    explanation: question.explanation,
    nextInDays: reviewIntervalsDays[step]!,
    dueAt: dueAt.toISOString(),
  };
}
