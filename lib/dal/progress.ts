import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  labAttempts,
  labTaskProgress,
  lessonProgress,
  quizAttempts,
  reviewItems,
  type ProgressStatus,
} from '@/db/schema';
import { getLessonById, listModules, type Lesson } from '@/lib/content';
import { AppError } from '@/lib/errors';
import { openLessonSchema, setLessonCompletionSchema } from '@/lib/validations/progress';
import {
  deriveLessonState,
  isCompletedState,
  type LessonMark,
  type LessonState,
} from './lesson-state';
import { passingAttempt } from './quiz-passing';
import { requireUser } from './session';

export type { LessonMark, LessonState } from './lesson-state';

export interface LessonProgressDto {
  lessonId: string;
  status: ProgressStatus;
  completedAt: string | null;
  /** Completed, but the lesson has changed since: shown as "Updated" until completed again. */
  updated: boolean;
}

/** The published lesson with this id, or AppError('not_found'). */
export function requireLesson(lessonId: string): Lesson {
  const lesson = getLessonById(lessonId);
  if (!lesson) throw new AppError('not_found', 'That lesson does not exist.');
  return lesson;
}

const progressColumns = {
  lessonId: lessonProgress.lessonId,
  status: lessonProgress.status,
  completedAt: lessonProgress.completedAt,
  completedContentHash: lessonProgress.completedContentHash,
};

/** Completed against an older version of the lesson (no recorded hash counts as current). */
export function isUpdatedSinceCompletion(row: {
  lessonId: string;
  status: ProgressStatus;
  completedContentHash: string | null;
}): boolean {
  const lesson = getLessonById(row.lessonId);
  return (
    row.status === 'completed' &&
    row.completedContentHash !== null &&
    lesson !== undefined &&
    row.completedContentHash !== lesson.contentHash
  );
}

function toDto(row: {
  lessonId: string;
  status: ProgressStatus;
  completedAt: Date | null;
  completedContentHash: string | null;
}): LessonProgressDto {
  return {
    lessonId: row.lessonId,
    status: row.status,
    completedAt: row.completedAt?.toISOString() ?? null,
    updated: isUpdatedSinceCompletion(row),
  };
}

/**
 * Records that the signed-in user opened a lesson: creates the "started" row the first time and
 * otherwise only moves last_opened_at. One statement, so repeated opens never duplicate a row.
 */
export async function recordLessonOpened(input: unknown): Promise<LessonProgressDto> {
  const user = await requireUser();
  const { lessonId } = openLessonSchema.parse(input);
  requireLesson(lessonId);
  const db = await getDb();
  const [row] = await db
    .insert(lessonProgress)
    .values({ userId: user.id, lessonId, status: 'started' })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: { lastOpenedAt: sql`now()` },
    })
    .returning(progressColumns);
  if (!row) throw new Error('upsert returned no row');
  return toDto(row);
}

/**
 * Marks a lesson complete or incomplete for the signed-in user. An upsert on the (user, lesson)
 * key: repeated or concurrent calls leave exactly one row, and the first completion date is kept.
 */
export async function setLessonCompletion(input: unknown): Promise<LessonProgressDto> {
  const user = await requireUser();
  const { lessonId, completed } = setLessonCompletionSchema.parse(input);
  const lesson = requireLesson(lessonId);
  const db = await getDb();
  const status: ProgressStatus = completed ? 'completed' : 'started';
  const completedContentHash = completed ? lesson.contentHash : null;
  const [row] = await db
    .insert(lessonProgress)
    .values({
      userId: user.id,
      lessonId,
      status,
      completedAt: completed ? sql`now()` : null,
      completedContentHash,
    })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: {
        status,
        completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, now())` : null,
        completedContentHash,
        updatedAt: sql`now()`,
      },
    })
    .returning(progressColumns);
  if (!row) throw new Error('upsert returned no row');
  return toDto(row);
}

/** The signed-in user's progress on one lesson, or null if never opened. */
export async function getLessonProgress(lessonId: string): Promise<LessonProgressDto | null> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select(progressColumns)
    .from(lessonProgress)
    .where(and(eq(lessonProgress.userId, user.id), eq(lessonProgress.lessonId, lessonId)))
    .limit(1);
  return row ? toDto(row) : null;
}

export interface DashboardLesson {
  id: string;
  title: string;
  href: Lesson['href'];
  state: LessonState;
  completedAt: string | null;
  /** Completed before the lesson last changed. */
  updated: boolean;
}

export interface DashboardModule {
  slug: string;
  title: string;
  total: number;
  completed: number;
  percent: number;
  lessons: DashboardLesson[];
}

export interface DashboardDto {
  /** False for a newcomer who has not opened a lesson yet. */
  hasProgress: boolean;
  total: number;
  completed: number;
  percent: number;
  modules: DashboardModule[];
  /** The first lesson in course order that is not completed; undefined when all are done. */
  continueLesson?: DashboardLesson;
}

const percentOf = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 100);

/** The lessons whose quiz this user has passed at least once. */
async function listPassedQuizzes(userId: string): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ lessonId: quizAttempts.lessonId })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        passingAttempt(quizAttempts.correct, quizAttempts.total),
      ),
    );
  return new Set(rows.map((row) => row.lessonId));
}

/** The signed-in user's progress over the whole course, in course order. */
export async function getDashboard(): Promise<DashboardDto> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({ ...progressColumns, lastOpenedAt: lessonProgress.lastOpenedAt })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, user.id));
  const byLesson = new Map(rows.map((row) => [row.lessonId, row]));
  const passed = await listPassedQuizzes(user.id);

  const modules: DashboardModule[] = listModules().map((module) => {
    const lessons = module.lessons.map((lesson): DashboardLesson => {
      const row = byLesson.get(lesson.id);
      return {
        id: lesson.id,
        title: lesson.title,
        href: lesson.href,
        state: deriveLessonState({
          status: row?.status,
          hasQuiz: lesson.quiz.length > 0,
          quizPassed: passed.has(lesson.id),
        }),
        completedAt: row?.completedAt?.toISOString() ?? null,
        updated: row ? isUpdatedSinceCompletion(row) : false,
      };
    });
    const completed = lessons.filter((lesson) => isCompletedState(lesson.state)).length;
    return {
      slug: module.slug,
      title: module.title,
      total: lessons.length,
      completed,
      percent: percentOf(completed, lessons.length),
      lessons,
    };
  });
  const all = modules.flatMap((module) => module.lessons);
  const completed = all.filter((lesson) => isCompletedState(lesson.state)).length;
  return {
    hasProgress: rows.length > 0,
    total: all.length,
    completed,
    percent: percentOf(completed, all.length),
    modules,
    continueLesson: pickContinueLesson(all, rows),
  };
}

/**
 * Where "Continue" goes: the lesson opened last, if it is not completed; otherwise the next lesson
 * after it that is not completed (wrapping to the start); for a newcomer, the first lesson.
 */
export function pickContinueLesson<T extends { id: string; state: LessonState }>(
  lessons: T[],
  rows: { lessonId: string; lastOpenedAt: Date }[],
): T | undefined {
  const known = rows.filter((row) => lessons.some((lesson) => lesson.id === row.lessonId));
  const last = known.reduce<(typeof known)[number] | undefined>(
    (latest, row) => (!latest || row.lastOpenedAt > latest.lastOpenedAt ? row : latest),
    undefined,
  );
  const start = last ? lessons.findIndex((lesson) => lesson.id === last.lessonId) : 0;
  for (let offset = 0; offset < lessons.length; offset += 1) {
    const lesson = lessons[(start + offset) % lessons.length];
    if (lesson && !isCompletedState(lesson.state)) return lesson;
  }
  return undefined;
}

/**
 * The lesson "Continue" leads to, as on the dashboard, from one query on the progress rows (for
 * the session summary, read on every page): completion alone decides, so quiz attempts are not
 * read. Null once every lesson is completed.
 */
export async function getMyContinueLesson(): Promise<Pick<Lesson, 'title' | 'href'> | null> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      lessonId: lessonProgress.lessonId,
      status: lessonProgress.status,
      lastOpenedAt: lessonProgress.lastOpenedAt,
    })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, user.id));
  const statusOf = new Map(rows.map((row) => [row.lessonId, row.status]));
  const lessons = listModules()
    .flatMap((module) => module.lessons)
    .map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      href: lesson.href,
      // Whether its quiz was passed changes the label, not whether it counts as completed.
      state: deriveLessonState({
        status: statusOf.get(lesson.id),
        hasQuiz: false,
        quizPassed: false,
      }),
    }));
  const next = pickContinueLesson(lessons, rows);
  return next ? { title: next.title, href: next.href } : null;
}

/**
 * The signed-in user's mark on every lesson they have opened, for the outline and lesson sidebar
 * of static pages: the same derivation as the dashboard, so a lesson completed without passing
 * its quiz is 'quiz-not-passed' there too.
 */
export async function getMyLessonStates(): Promise<Record<string, LessonMark>> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      lessonId: lessonProgress.lessonId,
      status: lessonProgress.status,
      completedContentHash: lessonProgress.completedContentHash,
    })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, user.id));
  const passed = await listPassedQuizzes(user.id);
  const marks: Record<string, LessonMark> = {};
  for (const row of rows) {
    const lesson = getLessonById(row.lessonId);
    if (!lesson) continue;
    marks[row.lessonId] = isUpdatedSinceCompletion(row)
      ? 'updated'
      : deriveLessonState({
          status: row.status,
          hasQuiz: lesson.quiz.length > 0,
          quizPassed: passed.has(row.lessonId),
        });
  }
  return marks;
}

/**
 * Deletes the signed-in user's progress, quiz attempts, review queue and lab submissions, all or
 * nothing. The saved lab editor text stays, as notes do.
 */
export async function resetMyProgress(): Promise<void> {
  const user = await requireUser();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(labAttempts).where(eq(labAttempts.userId, user.id));
    await tx.delete(labTaskProgress).where(eq(labTaskProgress.userId, user.id));
    await tx.delete(quizAttempts).where(eq(quizAttempts.userId, user.id));
    await tx.delete(reviewItems).where(eq(reviewItems.userId, user.id));
    await tx.delete(lessonProgress).where(eq(lessonProgress.userId, user.id));
  });
}
