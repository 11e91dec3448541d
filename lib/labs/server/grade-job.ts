// What a grading worker thread does with one submission (workers/sql-grader.ts is its entry):
// grade the learner's SQL on each dataset with lib/labs's gradeTask. Where it is safe
// (canGradeReadOnly, canGradeInRolledBackTransaction) that runs in databases the worker keeps
// open, inside a transaction rolled back after the job; otherwise in a fresh PGlite copy of each
// dataset's snapshot. Each dataset's snapshot and the solution's results come from the lab's
// grading data (built by labs:build, see grading-data.ts), or are made here when the lab changed
// since the build. The learner's statements (and the checks that follow them) run on a metered
// sandbox that tells the main thread when SQL is running, so its clock counts only that time and
// can stop the worker when it runs too long.
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
  /** False grades on fresh copies only (tests compare both ways); default true. */
  keptDatabases?: boolean;
}

const snapshots = new Map<string, Promise<DatasetSnapshot>>();
/** The grading data's expectations, per `<lab>@<version>/`. */
const builtExpectations = new Map<string, Promise<DatasetExpectations>>();
/**
 * A database kept open between jobs (see gradeInKept), and what puts it back as it was after a
 * job that wrote: a rollback undoes the job's rows and DDL, but not what sequences handed out.
 */
interface KeptDatabase {
  sandbox: ClosableSandbox;
  /** SQL that puts back what a rollback does not: sequences, and table sizes and statistics. */
  restore: string;
  /** Of what a rollback cannot undo (table sizes and statistics, sequences): must not change. */
  fingerprint: string;
  /** Jobs that wrote and were rolled back: their dead rows stay, so the copy is renewed now and then. */
  rolledBackJobs: number;
}
/** Kept databases, one per dataset, for one lab at a time: about 40 MB each. */
const keptOpen = new Map<string, Promise<KeptDatabase>>();
/** After this many rolled-back writing jobs a kept database is started again from its snapshot. */
const rolledBackJobsPerCopy = 100;
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
/**
 * Statements that a rolled-back transaction undoes whole and that behave the same inside one as
 * alone: queries, DML, and DDL on tables, views, functions, triggers, policies, types and roles.
 * Not transaction control, SET, LOCK, cursors, VACUUM or ANALYZE, CREATE INDEX (its table
 * statistics outlive a rollback), or what cannot run in a transaction.
 */
const rollbackSafeStart =
  /^((select|with|values|table|insert|update|delete|merge|truncate|grant|revoke)\b|comment\s+on\b|(create|alter|drop)\s+(or\s+replace\s+)?((temp|temporary|unlogged)\s+)?(table|view|materialized\s+view|function|procedure|trigger|policy|type|domain|schema|sequence|rule|role|user|group|aggregate|cast|collation)\b)/i;
// Functions whose effect outlives a rolled-back transaction, or ends the session.
const lastingEffects =
  /\b(pg_(try_)?advisory_\w+|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_sleep\w*|dblink\w*|lo_\w+)\s*\(/i;
// What differs between statements run one by one and the same statements in one transaction:
// the transaction's time and id (every statement of one transaction gets the same).
const transactionBound =
  /\b(now|transaction_timestamp|statement_timestamp|clock_timestamp|txid_current\w*|pg_current_xact_id\w*)\s*\(|\bcurrent_(timestamp|time)\b|\blocal(time|timestamp)\b|\bx(min|max)\b/i;
const dataChange = /^(insert|update|delete|merge)\b/i;
const dataChangeInside = /\b(insert|update|delete|merge)\b/i;
const transactionControl =
  /^(begin|start|commit|end|rollback|abort|savepoint|release|prepare|set\s+transaction|set\s+session\s+characteristics)\b/i;

const statementsOf = (sql: string) =>
  splitStatements(sql).map((statement) => statement.text.replace(leadingComments, ''));

/**
 * A submission that only queries, for a task checked only by its result, is graded in databases
 * kept open between jobs, inside a READ ONLY transaction that is rolled back: the database is
 * the same for the next job, and no copy has to start (0.3-0.6 s each, per dataset).
 */
export function canGradeReadOnly(task: LabTask, sql: string): boolean {
  if (!task.checks.every((check) => check.kind === 'result')) return false;
  const statements = statementsOf(sql);
  return (
    statements.length > 0 &&
    statements.every((statement) => queryStart.test(statement)) &&
    !lastingEffects.test(sql)
  );
}

/**
 * A submission that writes (DML, DDL) for a task checked by its result and state is graded in the
 * kept databases too, inside a transaction that is rolled back, with the checks in savepoints, if
 * running its statements in one transaction cannot change what they do: no transaction control,
 * session settings or locks (rollbackSafeStart), nothing that outlives a rollback, no use of the
 * transaction's time or id in the SQL or the checks, and, when the lab's schema uses the time (its
 * defaults and triggers), at most one statement that changes rows. Plan checks always get fresh copies. A submission whose SQL fails is graded again
 * on fresh copies, so its error is the one it gets alone.
 */
export function canGradeInRolledBackTransaction(
  task: LabTask,
  sql: string,
  schemaSql: string,
): boolean {
  if (!task.checks.every((check) => check.kind === 'result' || check.kind === 'state')) {
    return false;
  }
  const statements = statementsOf(sql);
  const checkSql = task.checks.flatMap((check) =>
    check.kind === 'state' ? [check.query ?? '', check.statement ?? ''] : [],
  );
  // The schema's defaults and triggers (created_at DEFAULT now()) give every row one statement
  // writes the same time either way; rows written by two statements would differ only alone.
  const writes = statements.filter(
    (statement) =>
      dataChange.test(statement) ||
      (/^with\b/i.test(statement) && dataChangeInside.test(statement)),
  );
  return (
    statements.length > 0 &&
    statements.every((statement) => rollbackSafeStart.test(statement)) &&
    !lastingEffects.test(sql) &&
    ![sql, ...checkSql].some((text) => transactionBound.test(text)) &&
    (writes.length <= 1 || !transactionBound.test(schemaSql)) &&
    !checkSql.some((text) => statementsOf(text).some((s) => transactionControl.test(s)))
  );
}

type KeptMode = 'read-only' | 'rolled-back';

interface KeptGradingDataset extends GradingDataset {
  /** `<lab>@<version>/<dataset>` */
  key: string;
  snapshot(): Promise<DatasetSnapshot>;
}

const fingerprintQuery = `SELECT md5(
  coalesce((SELECT string_agg(concat_ws(':', oid, relname, relkind, relfilenode, relpages, reltuples,
    relallvisible, relhasindex), ',' ORDER BY oid) FROM pg_class), '') || '|' ||
  coalesce((SELECT string_agg(concat_ws(':', schemaname, sequencename, last_value), ','
    ORDER BY schemaname, sequencename) FROM pg_sequences), ''))`;
// nextval and setval outlive a rollback, and building an index (a UNIQUE constraint) writes its
// table's size and row count in place: both are put back to the snapshot's values.
const restoreQuery = `SELECT concat_ws('; ',
  (SELECT 'SELECT ' || string_agg(format('setval(%L::regclass, %s, %L)',
    format('%I.%I', schemaname, sequencename), coalesce(last_value, start_value), last_value IS NOT NULL),
    ', ') FROM pg_sequences),
  (SELECT format('UPDATE pg_class AS c SET relpages = v.relpages, reltuples = v.reltuples,
      relallvisible = v.relallvisible, relhasindex = v.relhasindex
    FROM (VALUES %s) AS v (oid, relpages, reltuples, relallvisible, relhasindex)
    WHERE c.oid = v.oid AND (c.relpages, c.reltuples, c.relallvisible, c.relhasindex)
      IS DISTINCT FROM (v.relpages, v.reltuples, v.relallvisible, v.relhasindex)',
    string_agg(format('(%s::oid, %s::integer, %s::real, %s::integer, %L::boolean)',
      oid, relpages, reltuples, relallvisible, relhasindex), ', '))
    FROM pg_class
    WHERE relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)))`;

async function firstValue(sandbox: ClosableSandbox, sql: string): Promise<string> {
  return String((await sandbox.exec(sql)).at(-1)?.rows[0]?.[0] ?? '');
}

async function openKeptDatabase(dataset: KeptGradingDataset): Promise<KeptDatabase> {
  const sandbox = await openSnapshotSandbox(await dataset.snapshot());
  try {
    return {
      sandbox,
      restore: await firstValue(sandbox, restoreQuery),
      fingerprint: await firstValue(sandbox, fingerprintQuery),
      rolledBackJobs: 0,
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

function forgetKept(key: string, database: Promise<KeptDatabase>) {
  if (keptOpen.get(key) === database) keptOpen.delete(key);
  void database.then((kept) => kept.sandbox.close()).catch(() => undefined);
}

/**
 * Grades in the kept databases (see canGradeReadOnly and canGradeInRolledBackTransaction).
 * 'fresh' when the submission must be graded on fresh copies instead: a write a READ ONLY
 * transaction refused, or SQL that failed inside the transaction.
 */
async function gradeInKept(
  job: GradeJob,
  datasets: KeptGradingDataset[],
  clock: MessagePort,
  mode: KeptMode,
): Promise<TaskGrade | 'fresh'> {
  const lab = `${job.labId}@${job.version}/`;
  for (const [key, database] of keptOpen) {
    if (!key.startsWith(lab)) forgetKept(key, database);
  }
  const kept: GradingDataset[] = datasets.map((dataset) => ({
    ...dataset,
    async openSandbox() {
      let opening = keptOpen.get(dataset.key);
      if (!opening) {
        opening = openKeptDatabase(dataset);
        keptOpen.set(dataset.key, opening);
        opening.catch(() => forgetKept(dataset.key, opening as Promise<KeptDatabase>));
      }
      const database = await opening;
      const { sandbox } = database;
      // Deferred constraints are checked at the end of each statement, as when each statement
      // commits on its own.
      await sandbox.exec(
        mode === 'read-only' ? 'BEGIN READ ONLY' : 'BEGIN; SET CONSTRAINTS ALL IMMEDIATE',
      );
      return {
        ...metered(sandbox, clock),
        close: async () => {
          await sandbox.exec('ROLLBACK');
          if (mode === 'read-only') return;
          database.rolledBackJobs += 1;
          if (database.restore) await sandbox.exec(database.restore);
          if (
            database.rolledBackJobs >= rolledBackJobsPerCopy ||
            (await firstValue(sandbox, fingerprintQuery)) !== database.fingerprint
          ) {
            keptGrades.renewed += 1;
            forgetKept(dataset.key, opening);
          }
        },
      };
    },
  }));
  const grade = await gradeTask(job.task, job.sql, kept, {
    limits: job.limits,
    closeTransaction: false,
  });
  const failure = grade.failure;
  // 25006: read_only_sql_transaction (a data-modifying WITH, nextval...).
  if (mode === 'read-only' && failure?.sqlstate === '25006') return 'fresh';
  if (mode === 'rolled-back' && (failure?.kind === 'error' || failure?.kind === 'broken')) {
    return 'fresh';
  }
  return grade;
}

/**
 * How many jobs this thread graded in kept databases, how many it graded again on fresh copies,
 * and how many kept databases it started again (after a job changed what a rollback cannot undo).
 */
export const keptGrades = { 'read-only': 0, 'rolled-back': 0, regraded: 0, renewed: 0 };

const dataFingerprintQuery = `SELECT coalesce(string_agg(format(
  '(SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) FROM %I.%I AS t)',
  ',', '', schemaname, tablename), ' || ' ORDER BY schemaname, tablename), '''''')
  FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`;

/**
 * For tests: per kept database, a fingerprint of every row of every table, the catalog's sizes
 * and statistics, and the sequences; it must be the same after any job as before.
 */
export async function describeKeptDatabases(): Promise<Record<string, string>> {
  const described: Record<string, string> = {};
  for (const [key, database] of keptOpen) {
    const { sandbox } = await database;
    const rows = await firstValue(
      sandbox,
      `SELECT ${await firstValue(sandbox, dataFingerprintQuery)}`,
    );
    described[key] = `${rows}/${await firstValue(sandbox, fingerprintQuery)}`;
  }
  return described;
}

/** Closes the databases kept open (a failure there may have left one in an unknown state). */
function forgetKeptOpen() {
  for (const [key, database] of keptOpen) forgetKept(key, database);
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
    const mode: KeptMode | null =
      job.keptDatabases === false
        ? null
        : canGradeReadOnly(job.task, job.sql)
          ? 'read-only'
          : canGradeInRolledBackTransaction(job.task, job.sql, job.schema.sql)
            ? 'rolled-back'
            : null;
    if (mode) {
      try {
        const grade = await gradeInKept(job, datasets, clock, mode);
        if (grade !== 'fresh') {
          keptGrades[mode] += 1;
          return grade;
        }
        keptGrades.regraded += 1;
      } catch {
        // A database in an unknown state: those kept are closed, and fresh copies grade.
        forgetKeptOpen();
      }
    }
    return await gradeTask(job.task, job.sql, datasets, { limits: job.limits });
  } finally {
    clock.close();
  }
}
