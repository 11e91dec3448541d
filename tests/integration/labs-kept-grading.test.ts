// Grading in kept databases (lib/labs/server/grade-job.ts) must give exactly the verdicts of fresh
// copies: every course lab's starter, wrong answers and solution, graded both ways, in an order
// where anything a submission left behind would change the next one's verdict; and the kept
// databases hold the same rows, catalog statistics and sequences after all of them as before.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { loadLabCatalog, type CatalogLab } from '@/lib/labs/server/catalog';
import {
  canGradeInRolledBackTransaction,
  canGradeReadOnly,
  describeKeptDatabases,
  keptGrades,
  runGradeJob,
} from '@/lib/labs/server/grade-job';
import type { LabTask } from '@/lib/labs/format';
import { labRunLimits } from '@/lib/labs/run';

vi.setConfig({ testTimeout: 900_000 });

const labs = [...loadLabCatalog().values()];

function grade(lab: CatalogLab, task: LabTask, sql: string, keptDatabases: boolean) {
  const { port1, port2 } = new MessageChannel();
  port1.unref();
  return runGradeJob({
    labId: lab.id,
    version: lab.version,
    schema: lab.schema,
    datasets: lab.datasets,
    task,
    sql,
    limits: labRunLimits,
    gradingData: null,
    keptDatabases,
    clock: port2,
  }).finally(() => port1.close());
}

describe('which writing submissions are graded in a rolled-back transaction', () => {
  const task = {
    id: 't',
    title: 't',
    prompt: 'p',
    starter: '',
    solution: '',
    wrong: [],
    checks: [{ kind: 'state', query: 'SELECT count(*) FROM orders' }],
  } as unknown as LabTask;
  it('takes DML and DDL, and nothing that behaves differently in one transaction', () => {
    const ok = (sql: string, schema = '') => canGradeInRolledBackTransaction(task, sql, schema);
    expect(ok('UPDATE orders SET total = 0; SELECT 1')).toBe(true);
    expect(ok('CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN b text; DROP TABLE t')).toBe(true);
    expect(ok('CREATE POLICY p ON orders USING (true)')).toBe(true);
    expect(ok('BEGIN; UPDATE orders SET total = 0; COMMIT')).toBe(false);
    expect(ok('SET ROLE app; SELECT 1')).toBe(false);
    expect(ok('LOCK orders; SELECT 1')).toBe(false);
    expect(ok('CREATE INDEX ON orders (total)')).toBe(false);
    expect(ok('VACUUM orders')).toBe(false);
    expect(ok('INSERT INTO orders (placed_at) VALUES (now())')).toBe(false);
    expect(ok('SELECT xmin FROM orders')).toBe(false);
    expect(ok('SELECT pg_advisory_lock(1)')).toBe(false);
    // A schema that stamps rows with the time: one writing statement, not two.
    const stamped = 'CREATE TABLE orders (at timestamptz DEFAULT now())';
    const twoInserts = 'INSERT INTO orders DEFAULT VALUES; INSERT INTO orders DEFAULT VALUES';
    expect(ok('INSERT INTO orders DEFAULT VALUES', stamped)).toBe(true);
    expect(ok(twoInserts, stamped)).toBe(false);
    expect(ok(twoInserts)).toBe(true);
    expect(
      ok(
        'WITH n AS (DELETE FROM orders RETURNING 1) SELECT 1; UPDATE orders SET total = 1',
        stamped,
      ),
    ).toBe(false);
    const withPlan = {
      ...task,
      checks: [{ kind: 'plan', uses: ['Index Scan'] }],
    } as unknown as LabTask;
    expect(canGradeInRolledBackTransaction(withPlan, 'SELECT 1', '')).toBe(false);
  });
});

describe('every course lab graded in kept databases and on fresh copies', () => {
  const before = { ...keptGrades };
  // Each kept database's state when first seen: it must never change.
  const states: Record<string, string> = {};

  for (const lab of labs) {
    it(`${lab.id}: the same verdicts, and the kept databases as they were`, async () => {
      for (const task of lab.lab.tasks) {
        // Wrong answers first, then the solution twice: a leftover of any of them would show.
        for (const sql of [task.starter, ...task.wrong, task.solution, task.solution]) {
          const kept =
            canGradeReadOnly(task, sql) ||
            canGradeInRolledBackTransaction(task, sql, lab.schema.sql);
          // Submissions graded on fresh copies either way tell nothing here.
          if (!kept) continue;
          const inKept = await grade(lab, task, sql, true);
          const fresh = await grade(lab, task, sql, false);
          expect(inKept, `${lab.id}/${task.id}:\n${sql}`).toEqual(fresh);
          for (const [key, state] of Object.entries(await describeKeptDatabases())) {
            states[key] ??= state;
            expect(state, `${key} after ${task.id}:\n${sql}`).toBe(states[key]);
          }
        }
      }
    });
  }

  it('covered both kept paths, not only the fallback', () => {
    expect(keptGrades['read-only'] - before['read-only']).toBeGreaterThan(20);
    expect(keptGrades['rolled-back'] - before['rolled-back']).toBeGreaterThan(20);
  });
});
