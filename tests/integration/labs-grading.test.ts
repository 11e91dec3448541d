// Grading on real PGlite databases: the example lab of tests/fixtures/labs, graded as the server
// and content:check grade it (a fresh copy of a dataset per run).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeTaskExpectation,
  gradeTask,
  gradeTaskOnDataset,
  type GradingDataset,
  type TaskExpectation,
} from '@/lib/labs/grade';
import type { LabTask } from '@/lib/labs/format';
import { runSql } from '@/lib/labs/run';
import { createPgliteSandbox } from '@/lib/labs/sandbox';
import { decodeSnapshot, encodeSnapshot, SnapshotFs } from '@/lib/labs/snapshot';
import { readLab, type LabSource } from '@/lib/labs/server/load';
import {
  buildSnapshot,
  serializeSnapshot,
  labStartParams,
  openSnapshotSandbox,
  type DatasetSnapshot,
} from '@/lib/labs/server/sandbox';

const labDir = path.join(process.cwd(), 'tests/fixtures/labs/content/shop/labs/example-shop');
let lab: LabSource;
const snapshots = new Map<string, DatasetSnapshot>();
const expectations = new Map<string, TaskExpectation>();

function task(id: string): LabTask {
  const found = lab.lab.tasks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

function datasets(forTask: LabTask): GradingDataset[] {
  return lab.datasets.map((dataset) => ({
    name: dataset.name,
    hidden: dataset.hidden,
    openSandbox: () => openSnapshotSandbox(snapshots.get(dataset.name) as DatasetSnapshot),
    async expectation() {
      const key = `${forTask.id}:${dataset.name}`;
      const cached = expectations.get(key);
      if (cached) return cached;
      const sandbox = await openSnapshotSandbox(snapshots.get(dataset.name) as DatasetSnapshot);
      try {
        const { expectation } = await computeTaskExpectation(forTask, sandbox, dataset);
        expectations.set(key, expectation);
        return expectation;
      } finally {
        await sandbox.close();
      }
    },
  }));
}

beforeAll(async () => {
  const problems: { file: string; line: number; message: string }[] = [];
  const read = readLab({ id: 'example-shop', moduleSlug: 'shop', dir: labDir }, problems);
  expect(problems).toEqual([]);
  lab = read as LabSource;
  for (const dataset of lab.datasets) {
    snapshots.set(dataset.name, await buildSnapshot([lab.schema, dataset]));
  }
}, 120_000);

describe('a result check', () => {
  it('passes the solution written differently, on every dataset', async () => {
    const revenue = task('revenue-per-customer');
    const grade = await gradeTask(
      revenue,
      `-- the same answer, other column order and a subquery
       SELECT (SELECT COALESCE(SUM(total), 0) FROM orders o WHERE o.customer_id = c.id) AS revenue, name
       FROM customers c ORDER BY name DESC;`,
      datasets(revenue),
      { allDatasets: true },
    );
    expect(grade.checks).toEqual([
      expect.objectContaining({ kind: 'result', passed: true, messages: [] }),
    ]);
    expect(grade.datasets).toEqual([
      { name: 'seed', hidden: false, passed: true },
      { name: 'hidden/ties', hidden: true, passed: true },
    ]);
    expect(grade.passed).toBe(true);
  }, 60_000);

  it('fails an inner join only on the hidden dataset, without showing its values', async () => {
    const revenue = task('revenue-per-customer');
    const grade = await gradeTask(revenue, revenue.wrong[0] as string, datasets(revenue), {
      allDatasets: true,
    });
    expect(grade.passed).toBe(false);
    expect(grade.datasets.map((dataset) => dataset.passed)).toEqual([true, false]);
    expect(grade.checks[0]?.messages).toEqual(['On a hidden dataset: 1 row missing']);
    expect(JSON.stringify(grade)).not.toContain('Marker-Hidden');
    expect(JSON.stringify(grade)).not.toContain('Barbara');
  }, 60_000);

  it('shows the differing rows on the visible dataset', async () => {
    const revenue = task('revenue-per-customer');
    const grade = await gradeTask(revenue, revenue.wrong[1] as string, datasets(revenue));
    expect(grade.datasets).toEqual([{ name: 'seed', hidden: false, passed: false }]);
    expect(grade.checks[0]?.messages.slice(0, 3)).toEqual([
      '3 rows missing',
      '3 extra rows',
      'Missing: (Ada, 50000.00)',
    ]);
  }, 60_000);

  it('names a missing column and a statement that returns no rows', async () => {
    const revenue = task('revenue-per-customer');
    const grade = await gradeTask(revenue, 'SELECT name FROM customers', datasets(revenue));
    expect(grade.checks[0]?.messages).toEqual(['A column is missing: revenue']);
    const create = await gradeTask(revenue, 'CREATE TABLE notes (id int)', datasets(revenue));
    expect(create.checks[0]?.messages).toEqual([
      'Your last statement (CREATE) returns no rows: end with the query that answers the task',
    ]);
  }, 60_000);

  it('reports a Postgres error with its line, and on a hidden dataset only its SQLSTATE', async () => {
    const revenue = task('revenue-per-customer');
    const syntax = await gradeTask(
      revenue,
      'SELECT 1;\nSELEC name FROM customers;',
      datasets(revenue),
    );
    expect(syntax.failure).toMatchObject({
      kind: 'error',
      sqlstate: '42601',
      line: 2,
      statementIndex: 1,
    });
    expect(syntax.checks[0]?.messages).toEqual([
      'Your SQL failed at line 2: syntax error at or near "SELEC"',
    ]);

    // Division by zero only where a customer has no orders: the hidden dataset.
    const [, hidden] = datasets(revenue);
    const sandbox = await openSnapshotSandbox(snapshots.get('hidden/ties') as DatasetSnapshot);
    try {
      const grade = await gradeTaskOnDataset(
        revenue,
        `SELECT c.name, SUM(o.total) + 0 * (1 / COUNT(o.id)) AS revenue
         FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name`,
        sandbox,
        { name: 'hidden/ties', hidden: true },
        await (hidden as GradingDataset).expectation(),
      );
      expect(grade.failure).toEqual({
        kind: 'error',
        message: 'Your SQL failed with 22012 (division_by_zero).',
        sqlstate: '22012',
        statementIndex: 0,
        line: 1,
      });
      expect(grade.checks[0]?.messages).toEqual([
        'On a hidden dataset your SQL failed at line 1 with 22012 (division_by_zero)',
      ]);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});

describe('a plan check', () => {
  it('passes with the right index and names the Seq Scan without one', async () => {
    const index = task('index-for-a-day');
    expect(
      (
        await gradeTask(index, 'CREATE INDEX ON orders (placed_on)', datasets(index), {
          allDatasets: true,
        })
      ).passed,
    ).toBe(true);
    const wrong = await gradeTask(index, index.wrong[0] as string, datasets(index));
    expect(wrong.checks[0]).toMatchObject({
      passed: false,
      messages: ['The plan still uses a Seq Scan on orders'],
    });
  }, 60_000);
});

describe('state checks', () => {
  it('passes a unique constraint written another way', async () => {
    const unique = task('unique-emails');
    const grade = await gradeTask(
      unique,
      'CREATE UNIQUE INDEX ON customers (email);',
      datasets(unique),
      { allDatasets: true },
    );
    expect(grade.passed).toBe(true);
  }, 60_000);

  it('says that the duplicate insert succeeded when nothing stops it', async () => {
    const unique = task('unique-emails');
    const grade = await gradeTask(unique, unique.wrong[0] as string, datasets(unique));
    expect(grade.checks[0]).toMatchObject({
      passed: false,
      messages: [
        '`INSERT INTO customers (id, name, email)` succeeded: it should fail with 23505 (unique_violation)',
      ],
    });
    // The check's insert was rolled back: the next check still sees the customers unchanged.
    expect(grade.checks[1]).toMatchObject({ passed: true });
  }, 60_000);

  it('compares the state after the learner with the state after the solution', async () => {
    const unique = task('unique-emails');
    const grade = await gradeTask(
      unique,
      "UPDATE customers SET email = 'x' || email WHERE id = (SELECT min(id) FROM customers);\nALTER TABLE customers ADD UNIQUE (email);",
      datasets(unique),
    );
    expect(grade.checks[0]?.passed).toBe(true);
    expect(grade.checks[1]?.messages).toEqual([
      '1 row missing',
      '1 extra row',
      'Missing: (1, Ada, ada@example.com)',
      'Not expected: (1, Ada, xada@example.com)',
    ]);
  }, 60_000);

  it('rolls back a transaction left open and says so', async () => {
    const unique = task('unique-emails');
    const grade = await gradeTask(
      unique,
      'BEGIN;\nALTER TABLE customers ADD UNIQUE (email);',
      datasets(unique),
    );
    expect(grade.passed).toBe(false);
    expect(grade.notes).toEqual([
      'Your transaction was still open at the end, so it was rolled back: finish it with COMMIT.',
    ]);
    const committed = await gradeTask(
      unique,
      'BEGIN;\nALTER TABLE customers ADD UNIQUE (email);\nCOMMIT;',
      datasets(unique),
    );
    expect(committed.passed).toBe(true);
  }, 60_000);
});

describe('the session after the SQL', () => {
  it('runs the checks as the database owner whatever role the SQL switched to', async () => {
    const unique = task('unique-emails');
    const grade = await gradeTask(
      unique,
      'ALTER TABLE customers ADD UNIQUE (email);\nCREATE ROLE reader;\nSET ROLE reader;',
      datasets(unique),
    );
    expect(grade.passed).toBe(true);
  }, 60_000);
});

describe('limits', () => {
  it('refuses SQL over a limit, naming the limit', async () => {
    const revenue = task('revenue-per-customer');
    const sets = datasets(revenue);
    const over = async (sql: string, limits: Parameters<typeof gradeTask>[3]) =>
      (await gradeTask(revenue, sql, sets, limits)).failure?.message;
    expect(await over('SELECT 1; SELECT 2; SELECT 3;', { limits: { maxStatements: 2 } })).toBe(
      'Your SQL has 3 statements: the limit is 2.',
    );
    expect(await over(`SELECT '${'x'.repeat(100)}'`, { limits: { maxSqlLength: 50 } })).toBe(
      'Your SQL is 109 characters long: the limit is 50.',
    );
    expect(await over('SELECT * FROM orders', { limits: { maxRows: 1000 } })).toBe(
      'Statement 1 returned 6,000 rows: the limit is 1,000.',
    );
    expect(await over('-- nothing yet', {})).toBe('There is no SQL statement to run.');
  }, 60_000);
});

describe('the sandbox', () => {
  it('starts each copy from the snapshot, whatever an earlier copy did', async () => {
    const snapshot = snapshots.get('seed') as DatasetSnapshot;
    const first = await openSnapshotSandbox(snapshot);
    await runSql(first, 'DROP TABLE orders; DROP TABLE customers;');
    await first.close();
    const second = await openSnapshotSandbox(snapshot);
    try {
      const run = await runSql(second, 'SELECT count(*) FROM orders');
      expect(run.results[0]?.rows).toEqual([['6000']]);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('serializes a snapshot that a new PGlite starts from as it is (the browser starts from one)', async () => {
    const bytes = serializeSnapshot(snapshots.get('seed') as DatasetSnapshot);
    const pg = await PGlite.create({
      fs: new SnapshotFs(decodeSnapshot(bytes.slice())),
      startParams: labStartParams,
    });
    try {
      const run = await runSql(createPgliteSandbox(pg), 'SELECT count(*) FROM orders');
      expect(run.results[0]?.rows).toEqual([['6000']]);
      // Only the checkpoint's WAL was kept: the database still writes, past the end of that
      // segment (16 MB) into new ones, checkpoints, and reads back what it wrote.
      const write = await runSql(
        createPgliteSandbox(pg),
        `CREATE TABLE notes (body text);
         INSERT INTO notes SELECT repeat(md5(n::text), 40) FROM generate_series(1, 15000) AS n;
         CHECKPOINT;
         SELECT count(*), pg_current_wal_lsn() > '0/3000000'::pg_lsn FROM notes`,
      );
      expect(write.failure).toBeUndefined();
      expect(write.results.at(-1)?.rows).toEqual([['15000', 't']]);
    } finally {
      await pg.close();
    }
  }, 60_000);

  it("keeps only what a copy needs: one database, the checkpoint's WAL page, shared bytes once", async () => {
    const snapshot = snapshots.get('seed') as DatasetSnapshot;
    const bytes = serializeSnapshot(snapshot);
    const decoded = decodeSnapshot(bytes);
    expect(decoded.map((file) => [file.path, file.size])).toEqual(
      snapshot.files.map((file) => [file.path, file.size]),
    );
    // One WAL segment, of which only the pages up to the checkpoint record are stored.
    const segments = decoded.filter((file) => /^pg_wal\/[0-9A-F]{24}$/.test(file.path));
    expect(segments).toHaveLength(1);
    expect(segments[0]?.size).toBe(16 * 1024 * 1024);
    expect(segments[0]?.data?.byteLength).toBeLessThanOrEqual(2 * 8192);
    // template0 and template1 are gone: base/ holds the one database PGlite opens.
    expect(decoded.filter((file) => /^base\/\d+$/.test(file.path))).toHaveLength(1);
    const sandbox = await openSnapshotSandbox(snapshot);
    try {
      const run = await runSql(sandbox, 'SELECT datname FROM pg_database');
      expect(run.results[0]?.rows).toEqual([['postgres']]);
    } finally {
      await sandbox.close();
    }
    // A file whose bytes equal an earlier one's is stored once, and decodes to the same bytes.
    const twice = encodeSnapshot([
      { path: 'a', size: 4, data: new Uint8Array([1, 2, 3, 4]) },
      { path: 'b', size: 8, data: new Uint8Array([1, 2, 3, 4]) },
    ]);
    const once = encodeSnapshot([{ path: 'a', size: 4, data: new Uint8Array([1, 2, 3, 4]) }]);
    expect(twice.byteLength - once.byteLength).toBeLessThan(40);
    expect(decodeSnapshot(twice)[1]).toMatchObject({ path: 'b', size: 8 });
    expect(Array.from(decodeSnapshot(twice)[1]?.data ?? [])).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('returns values as Postgres prints them, the same in every environment', async () => {
    const sandbox = await openSnapshotSandbox(snapshots.get('seed') as DatasetSnapshot);
    try {
      const run = await runSql(
        sandbox,
        `SELECT 1.50::numeric, 9007199254740993::int8, date '2026-01-02', timestamp '2026-01-02 03:04:05',
                timestamptz '2026-01-02 03:04:05+02', true, '{"b": 1, "a": 2}'::json, '{"b": 1, "a": 2}'::jsonb,
                ARRAY[1, 2], '\\xdead'::bytea, NULL::text`,
      );
      expect(run.results[0]?.rows).toEqual([
        [
          '1.50',
          '9007199254740993',
          '2026-01-02',
          '2026-01-02 03:04:05',
          '2026-01-02 01:04:05+00',
          't',
          '{"b": 1, "a": 2}',
          '{"a": 2, "b": 1}',
          '{1,2}',
          '\\xdead',
          null,
        ],
      ]);
    } finally {
      await sandbox.close();
    }
  }, 60_000);

  it('keeps SQL away from the host: no host files, no programs, no extensions', async () => {
    const hostFile = path.join(process.cwd(), 'package.json');
    const written = path.join(process.cwd(), 'test-results', `labs-sandbox-${process.pid}.txt`);
    const sandbox = await openSnapshotSandbox(snapshots.get('seed') as DatasetSnapshot);
    try {
      const attempt = async (sql: string) => (await runSql(sandbox, sql)).failure?.sqlstate;
      expect(await attempt(`SELECT pg_read_file('${hostFile}')`)).toBe('58P01');
      expect(await attempt(`SELECT lo_import('${hostFile}')`)).toBe('58P01');
      expect(await attempt(`COPY customers FROM '${hostFile}'`)).toBe('58P01');
      expect(await attempt(`SELECT pg_ls_dir('${process.cwd()}')`)).toBe('58P01');
      await runSql(sandbox, `COPY customers TO '${written}'`);
      const program = await runSql(sandbox, `COPY customers TO PROGRAM 'touch ${written}'`);
      expect(program.failure).toMatchObject({
        sqlstate: '0A000',
        message: expect.stringMatching(/^COPY … PROGRAM is not available/),
      });
      expect(fs.existsSync(written)).toBe(false);
      expect(await attempt('CREATE EXTENSION pgcrypto')).toBe('0A000');
      expect(await attempt('CREATE EXTENSION file_fdw')).toBe('0A000');
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
