import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lessonProgress, quizAttempts } from '@/db/schema';
import { getLessonById, type Lesson } from '@/lib/content';
import { choiceId } from '@/lib/content/quiz';
import { AppError } from '@/lib/errors';
import { quizSubmissionSchema } from '@/lib/validations/quiz';
import { isPassing, revealsAnswers } from './quiz-rules';
import { scheduleWrongAnswers } from './review';
import { plural } from '@/lib/format';
import { verifySession, requireUser } from './session';

export { passRatio, revealAfterAttempts } from './quiz-rules';

export interface QuestionResult {
  correct: boolean;
  /** The id of the choice the learner picked, so the page can mark it whatever order it shows. */
  chosenId: string;
  /** The lesson section that teaches this question. */
  section: { id: string; title: string };
  /** The right choice and why: only once the answers are revealed (see revealsAnswers). */
  answerId?: string;
  explanation?: string;
}

export interface QuizResult {
  correct: number;
  total: number;
  passed: boolean;
  /** Whether the right answers and explanations are included. */
  revealed: boolean;
  /** Attempts the signed-in learner has made, this one included; null when not signed in. */
  attempts: number | null;
  results: QuestionResult[];
  /** False when nobody is signed in: graded, but not stored. */
  saved: boolean;
  best: { correct: number; total: number } | null;
  completed: boolean;
}

type Graded = Omit<QuizResult, 'revealed' | 'attempts' | 'saved' | 'best' | 'completed'>;

/** Compares each answer with the right choice by id; answers must be choices of their question. */
function grade(lesson: Lesson, answers: string[]): Graded {
  const ids = lesson.quiz.map((question) => question.choices.map(choiceId));
  if (
    answers.length !== lesson.quiz.length ||
    answers.some((answer, index) => !ids[index]?.includes(answer))
  ) {
    throw new AppError(
      'invalid',
      `Answer all ${plural(lesson.quiz.length, 'question')} before checking.`,
    );
  }
  const results = lesson.quiz.map((question, index): QuestionResult => {
    const chosenId = answers[index]!;
    const heading = lesson.headings.find((candidate) => candidate.id === question.section);
    return {
      correct: chosenId === choiceId(question.answer),
      chosenId,
      section: { id: question.section, title: heading?.text ?? question.section },
    };
  });
  const correct = results.filter((result) => result.correct).length;
  return { correct, total: results.length, passed: isPassing(correct, results.length), results };
}

/** Adds the right answers and explanations, when the rules allow it. */
function reveal(
  lesson: Lesson,
  graded: Graded,
  revealed: boolean,
): Pick<QuizResult, 'revealed' | 'results'> {
  if (!revealed) return { revealed, results: graded.results };
  return {
    revealed,
    results: graded.results.map((result, index) => {
      const question = lesson.quiz[index]!;
      return { ...result, answerId: choiceId(question.answer), explanation: question.explanation };
    }),
  };
}

/**
 * Grades a quiz against the lesson's frontmatter on the server, by choice id. For a signed-in
 * learner the attempt is stored, and a passing attempt marks the lesson completed, in one
 * transaction. The right answers are only returned once the learner has passed or made
 * `revealAfterAttempts` attempts.
 */
export async function gradeQuiz(input: unknown): Promise<QuizResult> {
  const { lessonId, answers } = quizSubmissionSchema.parse(input);
  const lesson = getLessonById(lessonId);
  if (!lesson) throw new AppError('not_found', 'That lesson does not exist.');
  const graded = grade(lesson, answers);
  const { correct, total, passed } = graded;

  const session = await verifySession();
  if (!session) {
    return {
      ...graded,
      ...reveal(lesson, graded, revealsAnswers({ passed, attempts: 0 })),
      attempts: null,
      saved: false,
      best: null,
      completed: false,
    };
  }
  const user = await requireUser();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(quizAttempts).values({ userId: user.id, lessonId, answers, correct, total });
    await scheduleWrongAnswers(
      tx,
      user.id,
      lesson,
      graded.results.flatMap((result, index) => (result.correct ? [] : [index])),
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
    const mine = and(eq(quizAttempts.userId, user.id), eq(quizAttempts.lessonId, lessonId));
    const [best] = await tx
      .select({ correct: quizAttempts.correct, total: quizAttempts.total })
      .from(quizAttempts)
      .where(mine)
      .orderBy(
        desc(sql`${quizAttempts.correct}::float / ${quizAttempts.total}`),
        desc(quizAttempts.createdAt),
      )
      .limit(1);
    const [{ attempts } = { attempts: 1 }] = await tx
      .select({ attempts: count() })
      .from(quizAttempts)
      .where(mine);
    const [progress] = await tx
      .select({ status: lessonProgress.status })
      .from(lessonProgress)
      .where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.lessonId, lessonId)));
    // A pass before this attempt counts too: a learner who passed may look the answers up again.
    const everPassed = passed || (best ? isPassing(best.correct, best.total) : false);
    return {
      ...graded,
      ...reveal(lesson, graded, revealsAnswers({ passed: everPassed, attempts })),
      attempts,
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
