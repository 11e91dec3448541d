// The SQL lab part of `npm run content:check`: every lab's schema and datasets load, each solution
// passes every check on every dataset, and each starter and wrong answer fails at least one check
// (so no check is vacuous). Problems are reported at the task's line in lab.yaml.
import 'server-only';
import path from 'node:path';
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
import {
  listLabFolders,
  readLab,
  type LabFolder,
  type LabSource,
} from '@/lib/labs/server/load';
import {
  buildSnapshot,
  DatasetLoadError,
  openSnapshotSandbox,
  type DatasetSnapshot,
} from '@/lib/labs/server/sandbox';
import { listSqlLabReferences } from './check';
import type { ContentProblem } from './errors';
import type { Lesson } from './load';
import { labCheckKey, readLabCheckCache, writeLabCheckCache } from './lab-check-cache';

export interface LabsReading {
  /** Every lab folder, valid or not. */
  folders: LabFolder[];
  /** The valid labs. */
  labs: LabSource[];
  problems: ContentProblem[];
}

/** Reads every lab under contentDir: format problems and ids used twice. */
export function readLabs(contentDir?: string): LabsReading {
  const problems: ContentProblem[] = [];
  const labs: LabSource[] = [];
  const seen = new Map<string, string>();
  const folders = listLabFolders(contentDir);
  for (const folder of folders) {
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
  return { folders, labs, problems };
}

const labYamlOf = (folder: LabFolder) =>
  path.relative(process.cwd(), path.join(folder.dir, 'lab.yaml')) ||
  path.join(folder.dir, 'lab.yaml');

export interface LabEmbedScope {
  /** The lessons being checked: their `<SqlLab>` elements are reported on. */
  lessons: Lesson[];
  /** Whether a lab folder is being checked (its lab.yaml is reported on). */
  labInScope: (folder: LabFolder) => boolean;
}

/**
 * A lab lives beside its lesson: every `<SqlLab id>` names a valid lab of the lesson's own module,
 * and every lab folder is embedded by at least one lesson of its module (`allLessons`, drafts
 * included: a lesson not being checked still embeds its labs). A lab is reported when it is in
 * scope or when a lesson of its module is being checked, so removing the last `<SqlLab>` from a
 * lesson is caught when only that lesson is checked.
 */
export function checkLabEmbeds(
  allLessons: Lesson[],
  reading: LabsReading,
  scope: LabEmbedScope,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const validIds = new Set(reading.labs.map((lab) => lab.id));
  const embedded = new Set<LabFolder>();
  const checked = new Set(scope.lessons);
  for (const lesson of allLessons) {
    for (const reference of listSqlLabReferences(lesson)) {
      const report = (message: string) => {
        if (checked.has(lesson)) problems.push({ file: lesson.file, line: reference.line, message });
      };
      if (reference.id === undefined) {
        report('SqlLab needs id="<lab-id>"');
        continue;
      }
      const named = reading.folders.filter((folder) => folder.id === reference.id);
      const own = named.find((folder) => folder.moduleSlug === lesson.moduleSlug);
      if (own) embedded.add(own);
      const other = named[0];
      if (!own && other) {
        report(
          `SqlLab id="${reference.id}": the lab belongs to module ${other.moduleSlug} (${path.dirname(labYamlOf(other))}/); a lesson embeds only labs of its own module`,
        );
      } else if (!own || !validIds.has(reference.id)) {
        report(
          `SqlLab id="${reference.id}": no lab content/<module>/labs/${reference.id}/ (or it has problems)`,
        );
      }
    }
  }
  const checkedModules = new Set(scope.lessons.map((lesson) => lesson.moduleSlug));
  for (const folder of reading.folders) {
    if (embedded.has(folder)) continue;
    if (!scope.labInScope(folder) && !checkedModules.has(folder.moduleSlug)) continue;
    problems.push({
      file: labYamlOf(folder),
      line: 1,
      message: `the lab is not embedded by any lesson of module ${folder.moduleSlug} (add <SqlLab id="${folder.id}" /> to one)`,
    });
  }
  return problems;
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
