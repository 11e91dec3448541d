// The grading data labs:build writes for the grading workers (lib/labs/server/grading-data.ts):
// each dataset's snapshot and the reference's results, found only for the lab version they were
// built from, and really what a worker grades with when they are there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabTask } from '@/lib/labs/format';
import { loadLabCatalog } from '@/lib/labs/server/catalog';
import { runGradeJob, type GradeJob } from '@/lib/labs/server/grade-job';
import {
  buildGradingData,
  findGradingData,
  readDatasetSnapshot,
  readExpectations,
  type DatasetExpectations,
} from '@/lib/labs/server/grading-data';
import { labRunLimits, runSql } from '@/lib/labs/run';
import { openSnapshotSandbox } from '@/lib/labs/server/sandbox';

vi.setConfig({ testTimeout: 120_000 });

const catalog = loadLabCatalog(path.resolve('tests/fixtures/labs/content'));
const lab = catalog.get('example-shop')!;
const task = (id: string) => lab.lab.tasks.find((candidate) => candidate.id === id) as LabTask;
let outDir: string;
let dir: string;

const right = `SELECT c.name, COALESCE(SUM(o.total), 0) AS revenue
FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name`;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-grading-data-'));
  await buildGradingData({ labs: [lab], codeHash: 'test', outDir });
  dir = findGradingData(lab, outDir) as string;
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

/** Grades in this thread as a grading worker does, with `gradingData` as the job's folder. */
function grade(
  sql: string,
  {
    taskId = 'revenue-per-customer',
    version = lab.version,
    gradingData = dir as string | null,
  } = {},
) {
  const { port1, port2 } = new MessageChannel();
  port1.unref();
  const job: GradeJob = {
    labId: lab.id,
    version,
    schema: lab.schema,
    datasets: lab.datasets,
    task: task(taskId),
    sql,
    limits: labRunLimits,
    gradingData,
  };
  return runGradeJob({ ...job, clock: port2 }).finally(() => port1.close());
}

describe('grading data', () => {
  it('is found for the version it was built from, and only for it', () => {
    expect(dir).toBe(path.join(outDir, lab.id, fs.readdirSync(path.join(outDir, lab.id))[0]!));
    expect(findGradingData({ ...lab, version: 'edited' }, outDir)).toBeNull();
    expect(findGradingData({ ...lab, id: 'another-lab' }, outDir)).toBeNull();
    expect(findGradingData(lab, path.join(outDir, 'missing'))).toBeNull();
  });

  it('holds every dataset, hidden ones included, and the reference results of every task', async () => {
    const expectations = await readExpectations(dir);
    expect(Object.keys(expectations).sort()).toEqual(lab.datasets.map((d) => d.name).sort());
    for (const dataset of lab.datasets) {
      expect(Object.keys(expectations[dataset.name] ?? {}).sort()).toEqual(
        lab.lab.tasks.map((t) => t.id).sort(),
      );
      const sandbox = await openSnapshotSandbox(await readDatasetSnapshot(dir, dataset.name));
      try {
        const run = await runSql(sandbox, 'SELECT count(*) > 0 FROM customers');
        expect(run.failure).toBeUndefined();
      } finally {
        await sandbox.close();
      }
    }
    // The hidden datasets differ from the visible one: their results are not the seed's.
    const hidden = lab.datasets.find((d) => d.hidden)!;
    expect(expectations[hidden.name]?.['revenue-per-customer']).not.toEqual(
      expectations.seed?.['revenue-per-customer'],
    );
  });

  it('is what a worker grades with: altered expectations change the verdict', async () => {
    expect(await grade(right)).toMatchObject({ passed: true });
    expect(await grade('SELECT name, 0 AS revenue FROM customers')).toMatchObject({
      passed: false,
    });
    // A state task (fresh copies from the built snapshots) passes with its solution.
    const stateTask = lab.lab.tasks.find((t) => t.checks.some((check) => check.kind !== 'result'))!;
    expect(await grade(stateTask.solution, { taskId: stateTask.id })).toMatchObject({
      passed: true,
    });

    // A copy of the folder whose reference results say every customer has revenue 0.
    const altered = path.join(outDir, 'altered');
    fs.cpSync(dir, altered, { recursive: true });
    const expectations = JSON.parse(
      fs.readFileSync(path.join(altered, 'expectations.json'), 'utf8'),
    ) as DatasetExpectations;
    for (const byTask of Object.values(expectations)) {
      const result = byTask['revenue-per-customer']?.result;
      if (result) result.rows = result.rows.map((row) => [row[0] ?? null, '0']);
    }
    fs.writeFileSync(path.join(altered, 'expectations.json'), JSON.stringify(expectations));
    const withAltered = { version: 'altered', gradingData: altered };
    expect(await grade(right, withAltered)).toMatchObject({ passed: false });

    // Without grading data the worker makes its own snapshots and results: the same verdicts.
    const withoutData = { version: 'no-data', gradingData: null };
    expect(await grade(right, withoutData)).toMatchObject({ passed: true });
    expect(await grade('SELECT name, 0 AS revenue FROM customers', withoutData)).toMatchObject({
      passed: false,
    });
  });
});
