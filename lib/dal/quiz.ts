import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lessonProgress, quizAttempts } from '@/db/schema';
import { getLessonById } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { quizSubmissionSchema } from '@/lib/validations/quiz';
import { passRatio } from './quiz-rules';
import { scheduleWrongAnswers } from './review';
import { verifySession, requireUser } from './session';

export { passRatio } from './quiz-rules';

export interface QuestionResult {
  correct: boolean;
  /** Index of the right choice: revealed only after grading. */
  answerIndex: number;
  explanation: string;
}

export interface QuizResult {
  correct: number;
  total: number;
  passed: boolean;
  results: QuestionResult[];
  /** False when nobody is signed in: graded, but not stored. */
  saved: boolean;
  best: { correct: number; total: number } | null;
  completed: boolean;
}

/**
 * Grades a quiz against the lesson's frontmatter on the server. For a signed-in learner the
 * attempt is stored, and a passing attempt marks the lesson completed, in one transaction.
 */
export async function gradeQuiz(input: unknown): Promise<QuizResult> {
  const { lessonId, answers } = quizSubmissionSchema.parse(input);
  const lesson = getLessonById(lessonId);
  if (!lesson) throw new AppError('not_found', 'That lesson does not exist.');
  if (
    answers.length !== lesson.quiz.length ||
    answers.some((answer, index) => answer >= (lesson.quiz[index]?.choices.length ?? 0))
  ) {
    throw new AppError('invalid', `Answer all ${lesson.quiz.length} questions before checking.`);
  }
  const results = lesson.quiz.map((question, index): QuestionResult => {
    const answerIndex = question.choices.indexOf(question.answer);
    return {
      correct: answers[index] === answerIndex,
      answerIndex,
      explanation: question.explanation,
    };
  });
  const correct = results.filter((result) => result.correct).length;
  const total = results.length;
  const passed = correct / total >= passRatio - 1e-9;

  const session = await verifySession();
  if (!session)
    return { correct, total, passed, results, saved: false, best: null, completed: false };
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(quizAttempts).values({ userId: user.id, lessonId, answers, correct, total });
    await scheduleWrongAnswers(
      tx,
      user.id,
      lesson,
      results.flatMap((result, index) => (result.correct ? [] : [index])),
    );
    if (passed) {
      await tx
        .insert(lessonProgress)
        .values({
          userId: user.id,
          lessonId,
          status: 'completed',
          completedAt: sql`now()`,
          completedContentHash: lesson.contentHash,
        })
        .onConflictDoUpdate({
          target: [lessonProgress.userId, lessonProgress.lessonId],
          set: {
            status: 'completed',
            completedAt: sql`coalesce(${lessonProgress.completedAt}, now())`,
            completedContentHash: lesson.contentHash,
            updatedAt: sql`now()`,
          },
        });
    }
    const [best] = await tx
      .select({ correct: quizAttempts.correct, total: quizAttempts.total })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.userId, user.id), eq(quizAttempts.lessonId, lessonId)))
      .orderBy(
        desc(sql`${quizAttempts.correct}::float / ${quizAttempts.total}`),
        desc(quizAttempts.createdAt),
      )
      .limit(1);
    const [progress] = await tx
      .select({ status: lessonProgress.status })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.lessonId, lessonId)));
    return {
      correct,
      total,
      passed,
      results,
      saved: true,
      best: best ?? null,
      completed: progress?.status === 'completed',
    };
  });
}

/** The signed-in user's best attempt at a lesson's quiz, or null. */
export async function getBestQuizScore(
  lessonId: string,
): Promise<{ correct: number; total: number } | null> {
  const user = await requireUser();
  const db = await getDb();
  const [best] = await db
    .select({ correct: quizAttempts.correct, total: quizAttempts.total })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, user.id), eq(quizAttempts.lessonId, lessonId)))
    .orderBy(desc(sql`${quizAttempts.correct}::float / ${quizAttempts.total}`))
    .limit(1);
  return best ?? null;
}
