// The SQL lab part of `npm run content:check`: every lab's schema and datasets load, each solution
// passes every check on every dataset, and each starter and wrong answer fails at least one check
// (so no check is vacuous). Problems are reported at the task's line in lab.yaml.
import 'server-only';
import { plural } from '@/lib/format';
import {
  computeTaskExpectation,
  describeCheck,
  gradeTask,
  SolutionError,
  type GradingDataset,
  type TaskExpectation,
} from '@/lib/labs/grade';
import type { LabTask } from '@/lib/labs/format';
import { listLabFolders, readLab, type LabSource } from '@/lib/labs/server/load';
import {
  buildSnapshot,
  DatasetLoadError,
  openSnapshotSandbox,
  type DatasetSnapshot,
} from '@/lib/labs/server/sandbox';
import type { ContentProblem } from './errors';
import { labCheckKey, readLabCheckCache, writeLabCheckCache } from './lab-check-cache';

export interface LabsReading {
  labs: LabSource[];
  problems: ContentProblem[];
}

/** Reads every lab under contentDir: format problems and ids used twice. */
export function readLabs(contentDir?: string): LabsReading {
  const problems: ContentProblem[] = [];
  const labs: LabSource[] = [];
  const seen = new Map<string, string>();
  for (const folder of listLabFolders(contentDir)) {
    const lab = readLab(folder, problems);
    if (!lab) continue;
    const other = seen.get(lab.id);
    if (other) {
      problems.push({ file: lab.file, line: 1, message: `lab id "${lab.id}" is also used by ${other}` });
      continue;
    }
    seen.set(lab.id, lab.file);
    labs.push(lab);
  }
  return { labs, problems };
}

async function checkTask(
  lab: LabSource,
  task: LabTask,
  taskIndex: number,
  snapshots: Map<string, DatasetSnapshot>,
  problems: ContentProblem[],
) {
  const line = lab.lines.tasks[taskIndex]?.line ?? 1;
  const report = (message: string) => problems.push({ file: lab.file, line, message: `task ${task.id}: ${message}` });

  const expectations = new Map<string, TaskExpectation>();
  for (const dataset of lab.datasets) {
    const snapshot = snapshots.get(dataset.name);
    if (!snapshot) return;
    const sandbox = await openSnapshotSandbox(snapshot);
    try {
      const { expectation, grade } = await computeTaskExpectation(task, sandbox, dataset);
      expectations.set(dataset.name, expectation);
      grade.checks.forEach((outcome, index) => {
        if (outcome.passed) return;
        const check = task.checks[index];
        report(
          `the solution fails check ${index + 1} (${check ? describeCheck(check) : 'missing'}) on ${dataset.name}: ${outcome.messages.join('; ')}`,
        );
      });
    } catch (error) {
      if (!(error instanceof SolutionError)) throw error;
      report(error.message);
      return;
    } finally {
      await sandbox.close();
    }
  }

  const datasets: GradingDataset[] = lab.datasets.map((dataset) => ({
    name: dataset.name,
    hidden: dataset.hidden,
    openSandbox: () => openSnapshotSandbox(snapshots.get(dataset.name) as DatasetSnapshot),
    expectation: async () => expectations.get(dataset.name) as TaskExpectation,
  }));
  const answers = [
    { label: 'the starter', sql: task.starter },
    ...task.wrong.map((sql, index) => ({ label: `wrong answer ${index + 1}`, sql })),
  ];
  for (const answer of answers) {
    // gradeTask stops at the first dataset where a check fails: one is enough here.
    const grade = await gradeTask(task, answer.sql, datasets);
    if (grade.passed) {
      report(
        `${answer.label} passes every check on ${plural(datasets.length, 'dataset')}: add a check or a dataset that tells it apart from the solution`,
      );
    }
  }
}

export interface LabCheckResult {
  problems: ContentProblem[];
  /** Labs graded in this run. */
  graded: number;
  /** Labs that passed before, unchanged since (see lab-check-cache.ts). */
  unchanged: number;
}

async function checkLab(lab: LabSource, problems: ContentProblem[]) {
  const snapshots = new Map<string, DatasetSnapshot>();
  for (const dataset of lab.datasets) {
    try {
      snapshots.set(dataset.name, await buildSnapshot([lab.schema, dataset]));
    } catch (error) {
      if (!(error instanceof DatasetLoadError)) throw error;
      problems.push({ file: error.file, line: error.line, message: error.reason });
      // A broken schema breaks every dataset: say it once.
      if (error.file === lab.schema.file) return;
    }
  }
  if (snapshots.size !== lab.datasets.length) return;
  for (const [index, task] of lab.lab.tasks.entries()) {
    await checkTask(lab, task, index, snapshots, problems);
  }
}

/**
 * Loads each lab's datasets and grades its solutions, starters and wrong answers; with `cache`,
 * labs that passed before and have not changed since are skipped.
 */
export async function checkLabContent(
  labs: LabSource[],
  { cache = false }: { cache?: boolean } = {},
): Promise<LabCheckResult> {
  const problems: ContentProblem[] = [];
  const passed = cache ? readLabCheckCache() : {};
  let graded = 0;
  for (const lab of labs) {
    const key = cache ? labCheckKey(lab.dir) : '';
    if (cache && passed[lab.dir] === key) continue;
    const before = problems.length;
    await checkLab(lab, problems);
    graded += 1;
    if (cache && problems.length === before) passed[lab.dir] = key;
    else delete passed[lab.dir];
  }
  if (cache) writeLabCheckCache(passed);
  return { problems, graded, unchanged: labs.length - graded };
}
