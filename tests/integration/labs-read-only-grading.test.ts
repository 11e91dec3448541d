// Read-only submissions are graded in databases the grading worker keeps open, inside a READ
// ONLY transaction that is rolled back (lib/labs/server/grade-job.ts). These tests hold that
// path to the verdicts fresh copies give: the kept databases stay as they were whatever a
// submission tried, and anything that is not a plain query is graded on fresh copies.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LabTask } from '@/lib/labs/format';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import { canGradeReadOnly } from '@/lib/labs/server/grade-job';
import { closeGradingPool, gradeSubmission } from '@/lib/labs/server/grading';

// Grading starts worker threads that build each dataset's snapshot on first use.
vi.setConfig({ testTimeout: 120_000 });

const labId = 'example-shop';
const catalog = loadLabCatalog(path.resolve('tests/fixtures/labs/content'));
const lab = catalog.get(labId)!;
const task = (id: string) => lab.lab.tasks.find((candidate) => candidate.id === id) as LabTask;

const right = `SELECT c.name, COALESCE(SUM(o.total), 0) AS revenue
FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name`;

beforeAll(() => setLabCatalog(catalog));
afterAll(() => closeGradingPool());

const grade = (sql: string, taskId = 'revenue-per-customer') =>
  gradeSubmission({ labId, taskId, sql });

describe('which submissions are graded in kept databases', () => {
  it('takes plain queries for tasks checked by their result, and nothing else', () => {
    const revenue = task('revenue-per-customer');
    expect(canGradeReadOnly(revenue, right)).toBe(true);
    expect(canGradeReadOnly(revenue, `-- my answer\n/* v2 */ WITH t AS (SELECT 1) TABLE t;`)).toBe(
      true,
    );
    expect(canGradeReadOnly(revenue, 'DELETE FROM orders; SELECT 1')).toBe(false);
    expect(canGradeReadOnly(revenue, 'BEGIN; SELECT 1; COMMIT;')).toBe(false);
    expect(canGradeReadOnly(revenue, 'SET search_path = public; SELECT 1')).toBe(false);
    expect(canGradeReadOnly(revenue, 'SELECT pg_advisory_lock(1)')).toBe(false);
    expect(canGradeReadOnly(revenue, 'SELECT pg_sleep(5)')).toBe(false);
    expect(canGradeReadOnly(revenue, '')).toBe(false);
    // A plan check needs the index the learner creates: fresh copies.
    expect(canGradeReadOnly(task('index-for-a-day'), 'SELECT 1')).toBe(false);
  });
});

describe('grading in kept databases', () => {
  it('gives the verdicts of fresh copies, and a refused write changes nothing', async () => {
    expect(await grade(right)).toMatchObject({ status: 'graded', passed: true });
    // A data-modifying WITH is refused by the READ ONLY transaction, then graded on fresh copies,
    // where it runs: the orders are deleted there and the revenue is 0 for everyone.
    const deleting = await grade(`WITH gone AS (DELETE FROM orders RETURNING 1)
SELECT c.name, 0 AS revenue FROM customers AS c`);
    expect(deleting).toMatchObject({ status: 'graded', passed: false });
    expect(JSON.stringify(deleting)).not.toMatch(/read-only transaction/);
    // A failing query aborts the transaction; the next submission starts clean.
    expect(await grade('SELECT no_such_column FROM customers')).toMatchObject({
      status: 'graded',
      passed: false,
    });
    expect(await grade(right)).toMatchObject({ status: 'graded', passed: true, failedChecks: [] });
    // Right on the visible data only: still caught on the hidden dataset.
    const innerJoin = await grade(`SELECT c.name, SUM(o.total) AS revenue
FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name`);
    expect(innerJoin).toMatchObject({ status: 'graded', passed: false });
    expect(JSON.stringify(innerJoin)).toMatch(/hidden dataset/);
  });
});
