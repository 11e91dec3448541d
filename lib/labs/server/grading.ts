// Server grading of a lab submission: the learner's SQL runs in the grading pool's worker threads
// (never near the portal's own database), on the visible and every hidden dataset, within the
// limits of labLimits. The verdict, or a refusal that names the limit.
import 'server-only';
import type { TaskGrade } from '@/lib/labs/grade';
import { labRunLimits } from '@/lib/labs/run';
import { labLimits } from '@/lib/validations/limits';
import { findLab } from './catalog';
import type { GradeJob } from './grade-job';
import { findGradingData } from './grading-data';
import type { WorkerPool } from './worker-pool';

export interface FailedCheck {
  /** Position of the check in the task's `checks`. */
  index: number;
  kind: string;
  message: string;
}

export type GradingOutcome =
  | { status: 'graded'; passed: boolean; failedChecks: FailedCheck[]; notes: string[] }
  | { status: 'refused'; message: string };

/** The longest a grading job may take, preparation (a cold worker's snapshots) included. */
const jobTimeoutMs = 120_000;

// One pool per process, shared by every bundle Next.js makes of this module.
const poolKey = Symbol.for('backend-path.grading-pool');
type GlobalWithPool = typeof globalThis & { [poolKey]?: WorkerPool };

// The pool module (and piscina) is loaded with the first submission, not with every page that
// imports the labs' data access layer.
const loadPoolModule = () => import('./worker-pool');

export async function getGradingPool(): Promise<WorkerPool> {
  const store = globalThis as GlobalWithPool;
  if (!store[poolKey]) {
    const { WorkerPool } = await loadPoolModule();
    store[poolKey] ??= new WorkerPool();
  }
  return store[poolKey];
}

/** For tests and the bench: grade with this pool (for example one built from the bundle). */
export function setGradingPool(pool: WorkerPool): void {
  (globalThis as GlobalWithPool)[poolKey] = pool;
}

/** Ends the pool's worker threads, if it was started. */
export async function closeGradingPool(): Promise<void> {
  const store = globalThis as GlobalWithPool;
  const pool = store[poolKey];
  delete store[poolKey];
  await pool?.destroy();
}

export const timeLimitMessage = `Stopped after ${labLimits.seconds} s: your SQL ran longer than a submission may. Look for a query that never finishes, such as pg_sleep or a join without its condition.`;

/** Grades `sql` for a task of a lab that exists (the caller has checked both ids). */
export async function gradeSubmission({
  labId,
  taskId,
  sql,
}: {
  labId: string;
  taskId: string;
  sql: string;
}): Promise<GradingOutcome> {
  const lab = findLab(labId);
  const task = lab?.lab.tasks.find((candidate) => candidate.id === taskId);
  if (!lab || !task) throw new Error(`No lab task ${labId}/${taskId}`);
  const job: GradeJob = {
    labId,
    version: lab.version,
    schema: lab.schema,
    datasets: lab.datasets,
    task,
    sql,
    limits: labRunLimits,
    gradingData: findGradingData(lab),
  };
  const pool = await getGradingPool();
  const { TimeLimitExceeded } = await loadPoolModule();
  let grade: TaskGrade;
  try {
    grade = await pool.run<GradeJob, TaskGrade>(job, {
      learnerTimeMs: labLimits.seconds * 1000,
      totalTimeMs: jobTimeoutMs,
    });
  } catch (error) {
    if (error instanceof TimeLimitExceeded) return { status: 'refused', message: timeLimitMessage };
    throw error;
  }
  const failure = grade.failure;
  if (failure && (failure.kind === 'limit' || failure.kind === 'empty')) {
    return { status: 'refused', message: failure.message };
  }
  return {
    status: 'graded',
    passed: grade.passed,
    failedChecks: grade.checks.flatMap((check, index) =>
      check.passed ? [] : [{ index, kind: check.kind, message: check.messages.join(' ') }],
    ),
    notes: grade.notes,
  };
}
