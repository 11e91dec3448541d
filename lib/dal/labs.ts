import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { labAttempts, labDrafts, labTaskProgress, type FailedLabCheck } from '@/db/schema';
import { AppError } from '@/lib/errors';
import {
  findLab,
  findLabLesson,
  labHref,
  listCourseLabs,
  listLessonLabs,
  type CatalogLab,
} from '@/lib/labs/server/catalog';
import { gradeSubmission } from '@/lib/labs/server/grading';
import { labStateSchema, saveLabDraftSchema, submitLabTaskSchema } from '@/lib/validations/labs';
import { requireUser } from './session';
import { consumeLabSubmission } from './throttle';

/** The lab and task with these ids, or AppError('not_found'). */
function requireLabTask(labId: string, taskId: string) {
  const lab = findLab(labId);
  if (!lab) throw new AppError('not_found', 'That lab does not exist.');
  const task = lab.lab.tasks.find((candidate) => candidate.id === taskId);
  if (!task) throw new AppError('not_found', 'That task is not part of this lab.');
  return { lab, task };
}

/** Saves the signed-in learner's editor text for one task (an upsert: saving again replaces it). */
export async function saveLabDraft(input: unknown): Promise<{ savedAt: string }> {
  const user = await requireUser();
  const { labId, taskId, body } = saveLabDraftSchema.parse(input);
  requireLabTask(labId, taskId);
  const db = await getDb();
  const [row] = await db
    .insert(labDrafts)
    .values({ userId: user.id, labId, taskId, body })
    .onConflictDoUpdate({
      target: [labDrafts.userId, labDrafts.labId, labDrafts.taskId],
      set: { body, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: labDrafts.updatedAt });
  return { savedAt: (row?.updatedAt ?? new Date()).toISOString() };
}

export interface LabTaskStateDto {
  taskId: string;
  /** Passed on the server at least once (it stays passed). */
  passed: boolean;
  passedAt: string | null;
  /** Submissions graded on the server. */
  attempts: number;
  /** The saved editor text, or null when the learner has not typed anything yet. */
  draft: string | null;
}

/** The signed-in learner's state on every task of a lab: best verdict, attempts and saved text. */
export async function getMyLabState(input: unknown): Promise<{ tasks: LabTaskStateDto[] }> {
  const user = await requireUser();
  const { labId } = labStateSchema.parse(input);
  const lab = findLab(labId);
  if (!lab) throw new AppError('not_found', 'That lab does not exist.');
  const db = await getDb();
  const progress = await db
    .select({
      taskId: labTaskProgress.taskId,
      attempts: labTaskProgress.attempts,
      passedAt: labTaskProgress.passedAt,
    })
    .from(labTaskProgress)
    .where(and(eq(labTaskProgress.userId, user.id), eq(labTaskProgress.labId, labId)));
  const drafts = await db
    .select({ taskId: labDrafts.taskId, body: labDrafts.body })
    .from(labDrafts)
    .where(and(eq(labDrafts.userId, user.id), eq(labDrafts.labId, labId)));
  return {
    tasks: lab.lab.tasks.map(({ id }) => {
      const state = progress.find((row) => row.taskId === id);
      return {
        taskId: id,
        passed: Boolean(state?.passedAt),
        passedAt: state?.passedAt?.toISOString() ?? null,
        attempts: state?.attempts ?? 0,
        draft: drafts.find((row) => row.taskId === id)?.body ?? null,
      };
    }),
  };
}

export interface LabSubmissionDto {
  submissionId: string;
  /** This submission's verdict. */
  passed: boolean;
  /** The checks it failed, with what differs (nothing about a hidden dataset's values). */
  failedChecks: FailedLabCheck[];
  /** What the learner should know whatever the checks say (a transaction left open was rolled back). */
  notes: string[];
  /** The task's best state after it. */
  task: { passed: boolean; attempts: number };
}

async function readRecordedSubmission(
  userId: string,
  submissionId: string,
  labId: string,
  taskId: string,
): Promise<LabSubmissionDto | null> {
  const db = await getDb();
  const [attempt] = await db
    .select({
      labId: labAttempts.labId,
      taskId: labAttempts.taskId,
      passed: labAttempts.passed,
      failedChecks: labAttempts.failedChecks,
      bestPassedAt: labTaskProgress.passedAt,
      attempts: labTaskProgress.attempts,
    })
    .from(labAttempts)
    .leftJoin(
      labTaskProgress,
      and(
        eq(labTaskProgress.userId, labAttempts.userId),
        eq(labTaskProgress.labId, labAttempts.labId),
        eq(labTaskProgress.taskId, labAttempts.taskId),
      ),
    )
    .where(and(eq(labAttempts.userId, userId), eq(labAttempts.submissionId, submissionId)));
  if (!attempt) return null;
  if (attempt.labId !== labId || attempt.taskId !== taskId) {
    throw new AppError('conflict', 'This submission was already recorded for another task.');
  }
  return {
    submissionId,
    passed: attempt.passed,
    failedChecks: attempt.failedChecks,
    notes: [],
    task: { passed: Boolean(attempt.bestPassedAt), attempts: attempt.attempts ?? 0 },
  };
}

/**
 * Grades the signed-in learner's SQL for one task on the server (the visible and every hidden
 * dataset), records the attempt and updates the task's best state in one transaction, and returns
 * the verdict. Each press of Submit carries its own submission id: the same submission sent again
 * (a retry, or concurrently) is graded at most once more and recorded once, and gets the recorded
 * verdict. A submission over a limit (time, rows, statements, size) is refused, naming the limit,
 * and not recorded. Submissions are rate-limited per learner.
 */
export async function submitLabTask(input: unknown): Promise<LabSubmissionDto> {
  const user = await requireUser();
  const { labId, taskId, sql: learnerSql, submissionId } = submitLabTaskSchema.parse(input);
  requireLabTask(labId, taskId);
  const recorded = await readRecordedSubmission(user.id, submissionId, labId, taskId);
  if (recorded) return recorded;
  await consumeLabSubmission(user.id);
  const outcome = await gradeSubmission({ labId, taskId, sql: learnerSql });
  if (outcome.status === 'refused') throw new AppError('invalid', outcome.message);
  const db = await getDb();
  const task = await db.transaction(async (tx) => {
    const [attempt] = await tx
      .insert(labAttempts)
      .values({
        userId: user.id,
        submissionId,
        labId,
        taskId,
        passed: outcome.passed,
        failedChecks: outcome.failedChecks,
        sql: learnerSql,
      })
      .onConflictDoNothing({ target: [labAttempts.userId, labAttempts.submissionId] })
      .returning({ createdAt: labAttempts.createdAt });
    // The same submission was recorded meanwhile (a concurrent duplicate): nothing more to count.
    if (!attempt) return null;
    const [best] = await tx
      .insert(labTaskProgress)
      .values({
        userId: user.id,
        labId,
        taskId,
        attempts: 1,
        passedAt: outcome.passed ? attempt.createdAt : null,
        lastAttemptAt: attempt.createdAt,
      })
      .onConflictDoUpdate({
        target: [labTaskProgress.userId, labTaskProgress.labId, labTaskProgress.taskId],
        set: {
          attempts: sql`${labTaskProgress.attempts} + 1`,
          // Once passed, a later failed attempt never takes it back.
          passedAt: sql`coalesce(${labTaskProgress.passedAt}, excluded.passed_at)`,
          lastAttemptAt: sql`excluded.last_attempt_at`,
        },
      })
      .returning({ passedAt: labTaskProgress.passedAt, attempts: labTaskProgress.attempts });
    return { passed: Boolean(best?.passedAt), attempts: best?.attempts ?? 1 };
  });
  if (!task) {
    const twin = await readRecordedSubmission(user.id, submissionId, labId, taskId);
    if (!twin) throw new Error('A recorded lab submission could not be read back');
    return twin;
  }
  return {
    submissionId,
    passed: outcome.passed,
    failedChecks: outcome.failedChecks,
    notes: outcome.notes,
    task,
  };
}

export interface LabTaskToRetry {
  labId: string;
  taskId: string;
  taskTitle: string;
  labTitle: string;
  /** The lesson that holds the lab, and the address of the lab in it (null if no lesson does). */
  lesson: { title: string; href: ReturnType<typeof labHref> } | null;
  attempts: number;
  lastAttemptAt: string;
}

/**
 * The review queue's lab tasks: every task the signed-in learner submitted and has not passed yet,
 * the most recent first. A task leaves the queue once a submission passes it.
 */
export async function listMyLabTasksToRetry(): Promise<LabTaskToRetry[]> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      labId: labTaskProgress.labId,
      taskId: labTaskProgress.taskId,
      attempts: labTaskProgress.attempts,
      lastAttemptAt: labTaskProgress.lastAttemptAt,
    })
    .from(labTaskProgress)
    .where(and(eq(labTaskProgress.userId, user.id), isNull(labTaskProgress.passedAt)))
    .orderBy(desc(labTaskProgress.lastAttemptAt));
  return rows.flatMap((row) => {
    const lab = findLab(row.labId);
    const task = lab?.lab.tasks.find((candidate) => candidate.id === row.taskId);
    // A lab or task since removed from the course has nothing to go back to.
    if (!lab || !task) return [];
    const lesson = findLabLesson(row.labId);
    return [
      {
        labId: row.labId,
        taskId: row.taskId,
        taskTitle: task.title,
        labTitle: lab.lab.title,
        lesson: lesson ? { title: lesson.title, href: labHref(lesson, row.labId) } : null,
        attempts: row.attempts,
        lastAttemptAt: row.lastAttemptAt.toISOString(),
      },
    ];
  });
}

export interface LabTaskCount {
  /** Tasks passed on the server. */
  done: number;
  total: number;
}

/** How many tasks of these labs the user has passed, out of all of them. */
async function countPassedTasks(userId: string, labs: CatalogLab[]): Promise<LabTaskCount> {
  const total = labs.reduce((sum, lab) => sum + lab.lab.tasks.length, 0);
  if (labs.length === 0) return { done: 0, total };
  const db = await getDb();
  const rows = await db
    .select({ labId: labTaskProgress.labId, taskId: labTaskProgress.taskId })
    .from(labTaskProgress)
    .where(
      and(
        eq(labTaskProgress.userId, userId),
        inArray(
          labTaskProgress.labId,
          labs.map((lab) => lab.id),
        ),
        isNotNull(labTaskProgress.passedAt),
      ),
    );
  // Tasks since removed from a lab do not count.
  const tasks = new Set(labs.flatMap((lab) => lab.lab.tasks.map((task) => `${lab.id}/${task.id}`)));
  return { done: rows.filter((row) => tasks.has(`${row.labId}/${row.taskId}`)).length, total };
}

/** The signed-in learner's lab tasks done over the whole course (for the dashboard). */
export async function getMyLabTaskCount(): Promise<LabTaskCount> {
  const user = await requireUser();
  return countPassedTasks(user.id, listCourseLabs());
}

/** The signed-in learner's lab tasks done in one lesson's labs, or null when it has no lab. */
export async function getMyLessonPractice(lessonId: string): Promise<LabTaskCount | null> {
  const user = await requireUser();
  const labs = listLessonLabs(lessonId);
  return labs.length === 0 ? null : countPassedTasks(user.id, labs);
}
