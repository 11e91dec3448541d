// Quiz attempts stored before choices had ids hold the chosen choice's POSITION in the authored
// list; since then they hold choice ids (lib/content/quiz.ts). This step rewrites the old rows as
// ids, so the table has one representation and no reader has to know about the old one.
import { sql } from 'drizzle-orm';
import { quizAttempts } from '@/db/schema';
import type { Lesson } from '@/lib/content';
import { getCourseWithDrafts } from '@/lib/content';
import { choiceId } from '@/lib/content/quiz';
import type { Database } from '../client';

type Executor = Pick<Database, 'select' | 'execute'>;

/**
 * The ids of the choices an old attempt picked, read against the lesson as it is now. Positions
 * only name a choice while the quiz is the one that was answered: when the lesson is gone, the
 * number of questions differs, a position is out of range, or grading the positions now gives a
 * different score than the one stored, the quiz has changed since and every answer becomes null
 * (unknown) rather than a choice the learner never saw.
 */
export function positionsToChoiceIds(
  lesson: Pick<Lesson, 'quiz'> | undefined,
  positions: number[],
  storedCorrect: number,
): (string | null)[] {
  const unknown = positions.map(() => null);
  if (!lesson || lesson.quiz.length !== positions.length) return unknown;
  const chosen = lesson.quiz.map((question, index) => question.choices[positions[index]!]);
  if (chosen.some((choice) => choice === undefined)) return unknown;
  const correct = lesson.quiz.filter((question, index) => chosen[index] === question.answer).length;
  if (correct !== storedCorrect) return unknown;
  return chosen.map((choice) => choiceId(choice!));
}

const batchSize = 500;

/**
 * Converts every attempt that still holds positions. Idempotent: converted rows hold strings (or
 * nulls) and are not selected again. Runs in the caller's transaction.
 */
export async function convertQuizAnswerPositions(tx: Executor): Promise<number> {
  const rows = await tx
    .select({
      id: quizAttempts.id,
      lessonId: quizAttempts.lessonId,
      // Positions, as written before choice ids (the schema's type is the converted form).
      answers: sql<unknown[]>`${quizAttempts.answers}`,
      correct: quizAttempts.correct,
    })
    .from(quizAttempts)
    .where(
      sql`exists (select 1 from jsonb_array_elements(${quizAttempts.answers}) as answer
                  where jsonb_typeof(answer) = 'number')`,
    )
    .for('update');
  const lessons = new Map(getCourseWithDrafts().lessons.map((lesson) => [lesson.id, lesson]));
  const converted = rows.map((row) => ({
    id: row.id,
    answers: positionsToChoiceIds(
      lessons.get(row.lessonId),
      row.answers.map((answer) => (typeof answer === 'number' ? answer : -1)),
      row.correct,
    ),
  }));
  for (let start = 0; start < converted.length; start += batchSize) {
    const batch = converted.slice(start, start + batchSize);
    await tx.execute(sql`
      update quiz_attempts as attempt set answers = batch.answers
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as batch(id bigint, answers jsonb)
      where attempt.id = batch.id`);
  }
  return converted.length;
}
