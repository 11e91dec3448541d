// What a grading worker thread does with one submission (workers/sql-grader.ts is its entry):
// grade the learner's SQL on each dataset with lib/labs's gradeTask, each run in a fresh PGlite
// copy of the dataset's snapshot. Per worker, each dataset's snapshot and the solution's results
// are made once and cached. The learner's statements (and the checks that follow them) run on a
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
}

const snapshots = new Map<string, Promise<DatasetSnapshot>>();
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

/** Drops what this worker cached for other versions of the lab (it was edited). */
function forgetOtherVersions(labId: string, version: string) {
  for (const cache of [snapshots, expectations] as Map<string, unknown>[]) {
    for (const key of cache.keys()) {
      if (key.startsWith(`${labId}@`) && !key.startsWith(`${labId}@${version}/`)) cache.delete(key);
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

export async function runGradeJob({
  clock,
  ...job
}: GradeJob & { clock: MessagePort }): Promise<TaskGrade> {
  forgetOtherVersions(job.labId, job.version);
  const datasets: GradingDataset[] = job.datasets.map((dataset) => {
    const key = `${job.labId}@${job.version}/${dataset.name}`;
    const snapshot = () => cached(snapshots, key, () => buildSnapshot([job.schema, dataset]));
    return {
      name: dataset.name,
      hidden: dataset.hidden,
      openSandbox: async () => metered(await openSnapshotSandbox(await snapshot()), clock),
      expectation: () =>
        cached(expectations, `${key}/${job.task.id}`, async () => {
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
    return await gradeTask(job.task, job.sql, datasets, { limits: job.limits });
  } finally {
    clock.close();
  }
}
