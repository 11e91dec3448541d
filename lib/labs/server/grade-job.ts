// What a grading worker thread does with one submission (workers/sql-grader.ts is its entry):
// grade the learner's SQL on each dataset with lib/labs's gradeTask, each run in a fresh PGlite
// copy of the dataset's snapshot. Each dataset's snapshot and the solution's results come from
// the lab's grading data (built by labs:build, see grading-data.ts), or are made here when the lab
// changed since the build; either way a worker caches them for the labs it graded last. The learner's statements (and the checks that follow them) run on a
// metered sandbox that tells the main thread when SQL is running, so its clock counts only that
// time and can stop the worker when it runs too long.
import 'server-only';
import type { MessagePort } from 'node:worker_threads';
import type { LabTask } from '@/lib/labs/format';
import {
  computeTaskExpectation,
  gradeTask,
  type ClosableSandbox,
  type GradingDataset,
  type TaskExpectation,
  type TaskGrade,
} from '@/lib/labs/grade';
import type { RunLimits } from '@/lib/labs/run';
import { splitStatements } from '@/lib/labs/statements';
import { readDatasetSnapshot, readExpectations, type DatasetExpectations } from './grading-data';
import { buildSnapshot, openSnapshotSandbox, type DatasetSnapshot, type SqlFile } from './sandbox';
import type { ClockMessage } from './worker-pool';

export interface GradeJobDataset extends SqlFile {
  name: string;
  hidden: boolean;
}

export interface GradeJob {
  labId: string;
  /** The lab's version (a hash of its files): cached data of another version is not used. */
  version: string;
  schema: SqlFile;
  /** The visible dataset first, then the hidden ones. */
  datasets: GradeJobDataset[];
  task: LabTask;
  sql: string;
  limits: RunLimits;
  /** The lab's grading data folder for this version (findGradingData), if it was built. */
  gradingData: string | null;
}

const snapshots = new Map<string, Promise<DatasetSnapshot>>();
/** The grading data's expectations, per `<lab>@<version>/`. */
const builtExpectations = new Map<string, Promise<DatasetExpectations>>();
/**
 * Databases kept open between jobs for read-only submissions (see gradeReadOnly), for one lab
 * at a time: about 100 MB each.
 */
const keptOpen = new Map<string, Promise<ClosableSandbox>>();
const expectations = new Map<string, Promise<TaskExpectation>>();

/** Caches a promise; a rejected one is forgotten, so the next job tries again. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>) {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

/** Labs (`<lab>@<version>/`) whose data this worker keeps, the last graded first. */
let recentLabs: string[] = [];
/** Snapshots (about 10 MB each) and results are kept for this many labs. */
const labsKept = 2;

/** Drops what this worker cached for other versions of the lab (it was edited) and older labs. */
function forgetOlderLabs(labId: string, version: string) {
  const current = `${labId}@${version}/`;
  recentLabs = [
    current,
    ...recentLabs.filter((lab) => lab !== current && !lab.startsWith(`${labId}@`)),
  ];
  recentLabs.length = Math.min(recentLabs.length, labsKept);
  for (const cache of [snapshots, expectations, builtExpectations] as Map<string, unknown>[]) {
    for (const key of cache.keys()) {
      if (!recentLabs.some((lab) => key.startsWith(lab))) cache.delete(key);
    }
  }
}

function metered(sandbox: ClosableSandbox, clock: MessagePort): ClosableSandbox {
  return {
    async exec(sql) {
      clock.postMessage({ running: true } satisfies ClockMessage);
      try {
        return await sandbox.exec(sql);
      } finally {
        clock.postMessage({ running: false } satisfies ClockMessage);
      }
    },
    close: () => sandbox.close(),
  };
}

const leadingComments = /^(\s*(--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/))*\s*/;
const queryStart = /^(select|with|values|table)\b/i;
// Functions whose effect outlives a rolled-back transaction, or ends the session.
const lastingEffects =
  /\b(pg_(try_)?advisory_\w+|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_sleep\w*|dblink\w*|lo_\w+)\s*\(/i;

/**
 * A submission that only queries, for a task checked only by its result, is graded in databases
 * kept open between jobs, inside a READ ONLY transaction that is rolled back: the database is
 * the same for the next job, and no copy has to start (0.4-0.8 s each, per dataset). Anything
 * else (writes, DDL, transaction control, plan or state checks) gets fresh copies.
 */
export function canGradeReadOnly(task: LabTask, sql: string): boolean {
  if (!task.checks.every((check) => check.kind === 'result')) return false;
  const statements = splitStatements(sql);
  return (
    statements.length > 0 &&
    statements.every((statement) => queryStart.test(statement.text.replace(leadingComments, ''))) &&
    !lastingEffects.test(sql)
  );
}

/** A write a READ ONLY transaction refused: the submission is graded on fresh copies instead. */
class NotReadOnly extends Error {}

interface KeptGradingDataset extends GradingDataset {
  /** `<lab>@<version>/<dataset>` */
  key: string;
  snapshot(): Promise<DatasetSnapshot>;
}

async function gradeReadOnly(
  job: GradeJob,
  datasets: KeptGradingDataset[],
  clock: MessagePort,
): Promise<TaskGrade> {
  const lab = `${job.labId}@${job.version}/`;
  for (const [key, sandbox] of keptOpen) {
    if (key.startsWith(lab)) continue;
    keptOpen.delete(key);
    void sandbox.then((open) => open.close()).catch(() => undefined);
  }
  // Each dataset's "copy" is its kept database inside a READ ONLY transaction, rolled back on close.
  const kept: GradingDataset[] = datasets.map((dataset) => ({
    ...dataset,
    async openSandbox() {
      let opening = keptOpen.get(dataset.key);
      if (!opening) {
        opening = dataset.snapshot().then(openSnapshotSandbox);
        keptOpen.set(dataset.key, opening);
      }
      const sandbox = await opening;
      await sandbox.exec('BEGIN READ ONLY');
      return {
        ...metered(sandbox, clock),
        close: async () => {
          await sandbox.exec('ROLLBACK');
        },
      };
    },
  }));
  const grade = await gradeTask(job.task, job.sql, kept, {
    limits: job.limits,
    closeTransaction: false,
  });
  // 25006: read_only_sql_transaction (a data-modifying WITH, nextval...).
  if (grade.failure?.sqlstate === '25006') throw new NotReadOnly();
  return grade;
}

/** Closes the databases kept open (a failure there may have left one in an unknown state). */
function forgetKeptOpen() {
  for (const sandbox of keptOpen.values()) {
    void sandbox.then((open) => open.close()).catch(() => undefined);
  }
  keptOpen.clear();
}

export async function runGradeJob({
  clock,
  ...job
}: GradeJob & { clock: MessagePort }): Promise<TaskGrade> {
  forgetOlderLabs(job.labId, job.version);
  const lab = `${job.labId}@${job.version}/`;
  const { gradingData } = job;
  const built = gradingData
    ? cached(builtExpectations, lab, () => readExpectations(gradingData))
    : undefined;
  const datasets: KeptGradingDataset[] = job.datasets.map((dataset) => {
    const key = `${lab}${dataset.name}`;
    const build = () => cached(snapshots, key, () => buildSnapshot([job.schema, dataset]));
    // A built snapshot is read when needed (8 MB, about 20 ms) rather than held; one made here
    // (1-2 s) is kept.
    const snapshot = gradingData
      ? () => readDatasetSnapshot(gradingData, dataset.name).catch(build)
      : build;
    return {
      name: dataset.name,
      hidden: dataset.hidden,
      key,
      snapshot,
      openSandbox: async () => metered(await openSnapshotSandbox(await snapshot()), clock),
      expectation: () =>
        cached(expectations, `${key}/${job.task.id}`, async () => {
          const ready = (await built?.catch(() => undefined))?.[dataset.name]?.[job.task.id];
          if (ready) return ready;
          const sandbox = await openSnapshotSandbox(await snapshot());
          try {
            return (await computeTaskExpectation(job.task, sandbox, dataset)).expectation;
          } finally {
            await sandbox.close();
          }
        }),
    };
  });
  try {
    if (canGradeReadOnly(job.task, job.sql)) {
      try {
        return await gradeReadOnly(job, datasets, clock);
      } catch {
        // A write the transaction refused, or a database in an unknown state: fresh copies.
        forgetKeptOpen();
      }
    }
    return await gradeTask(job.task, job.sql, datasets, { limits: job.limits });
  } finally {
    clock.close();
  }
}
