// Grades a task: runs SQL on a dataset in a fresh sandbox and evaluates the task's checks, each
// with feedback a learner understands. The same functions serve the browser's Check (visible
// dataset, expectation computed at build time), the server's Submit (every dataset) and
// content:check (solution, starter and wrong answers).
import { compareRows, onDataset, type RowSet } from './compare';
import {
  compareOptionsOf,
  type LabCheck,
  type LabTask,
  type PublicLabTask,
  type PlanCheck,
  type StateCheck,
} from './format';
import { evaluatePlan, listPlanNodes } from './plan';
import { runSql, type RunFailure, type RunLimits, type SqlRun } from './run';
import { toSqlError, type SqlSandbox, type StatementResult } from './sandbox';
import { describeSqlstate } from './sqlstate';
import { splitStatements } from './statements';

/**
 * What the solution produced on one dataset: the rows its last statement returned and, per check
 * (same indexes as task.checks), the rows of each `state` check's query. Plain JSON: cache it.
 */
export interface TaskExpectation {
  result: RowSet | null;
  checks: (RowSet | null)[];
}

export interface CheckOutcome {
  passed: boolean;
  /** Why it failed (empty when it passed). */
  messages: string[];
}

export interface DatasetInfo {
  /** `seed` for the visible data, `hidden/<name>` for a hidden dataset. */
  name: string;
  hidden: boolean;
}

export interface DatasetGrade extends DatasetInfo {
  passed: boolean;
  /** Same indexes as task.checks. */
  checks: CheckOutcome[];
  /** The SQL did not run to the end: every check failed with this (safe to show: hidden values removed). */
  failure?: RunFailure;
  /** Things the learner should know whatever the checks say. */
  notes: string[];
}

export class SolutionError extends Error {
  constructor(
    message: string,
    readonly failure?: RunFailure,
  ) {
    super(message);
    this.name = 'SolutionError';
  }
}

const firstLine = (sql: string) => {
  const line = sql.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/** What a check asks for, in words (shown next to the task in the lab panel). */
export function describeCheck(check: LabCheck): string {
  if (check.kind === 'result') {
    const options = compareOptionsOf(check);
    const parts = [options.ordered ? 'in the expected order' : 'in any order'];
    if (options.columns === 'names') parts.push('columns matched by name');
    if (options.tolerance > 0) parts.push(`numbers within ${options.tolerance}`);
    return `Your last statement returns the expected rows (${parts.join('; ')})`;
  }
  if (check.kind === 'plan') {
    const subject = check.query
      ? `The plan of \`${firstLine(check.query)}\``
      : 'The plan of your last statement';
    const parts = [
      ...(check.contains?.length ? [`uses ${check.contains.join(', ')}`] : []),
      ...(check.excludes?.length ? [`has no ${check.excludes.join(', ')}`] : []),
    ];
    return `${subject} ${parts.join(' and ')}`;
  }
  if (check.statement !== undefined) {
    return `After your statements, \`${firstLine(check.statement)}\` fails with ${describeSqlstate(check.sqlstate ?? '')}`;
  }
  return `After your statements, \`${firstLine(check.query ?? '')}\` returns the expected rows`;
}

/** A failure as a learner may see it: on a hidden dataset only the SQLSTATE, never a message with values. */
function visibleFailure(failure: RunFailure, dataset: DatasetInfo): RunFailure {
  if (!dataset.hidden || failure.kind !== 'error') return failure;
  return {
    kind: 'error',
    message: `Your SQL failed with ${describeSqlstate(failure.sqlstate ?? 'XX000')}.`,
    sqlstate: failure.sqlstate,
    statementIndex: failure.statementIndex,
    line: failure.line,
  };
}

function failureMessage(failure: RunFailure, dataset: DatasetInfo): string {
  if (failure.kind !== 'error') return onDataset(dataset.hidden, failure.message);
  if (dataset.hidden) {
    return `On a hidden dataset your SQL failed at line ${failure.line} with ${describeSqlstate(failure.sqlstate ?? 'XX000')}`;
  }
  return `Your SQL failed at line ${failure.line}: ${failure.message}`;
}

/**
 * Runs check SQL in a transaction that is always rolled back, so checks cannot see each other's
 * writes. Returns the last statement's result, or the error.
 */
async function inRolledBackTransaction(
  sandbox: SqlSandbox,
  sql: string,
  { immediateConstraints = false, nested = false } = {},
): Promise<{ result: StatementResult } | { error: ReturnType<typeof toSqlError> }> {
  // Nested: the learner's statements run in a transaction the caller rolls back (kept databases
  // on the server), so a check runs in a savepoint of it and leaves the learner's work in place.
  await sandbox.exec(nested ? 'SAVEPOINT labs_check' : 'BEGIN');
  try {
    let result: StatementResult = { fields: [], rows: [], rowCount: 0 };
    for (const statement of splitStatements(sql)) {
      result = (await sandbox.exec(statement.text)).at(-1) ?? result;
    }
    // Deferred constraints fire at COMMIT, which never comes: fire them now.
    if (immediateConstraints) await sandbox.exec('SET CONSTRAINTS ALL IMMEDIATE');
    return { result };
  } catch (error) {
    return { error: toSqlError(error) };
  } finally {
    await sandbox.exec(
      nested ? 'ROLLBACK TO SAVEPOINT labs_check; RELEASE SAVEPOINT labs_check' : 'ROLLBACK',
    );
  }
}

const asRows = (result: StatementResult): RowSet => ({ fields: result.fields, rows: result.rows });

/** `EXPLAIN …` typed by the learner is planned as the statement it explains. */
const stripExplain = (sql: string) =>
  sql.replace(/^\s*explain\s+(\([^)]*\)\s*|(analy[sz]e|verbose)\s+)*/i, '');

async function evaluatePlanCheck(
  check: PlanCheck,
  sandbox: SqlSandbox,
  run: SqlRun,
  dataset: DatasetInfo,
  nested: boolean,
): Promise<CheckOutcome> {
  const statements = check.query
    ? splitStatements(check.query).map((statement) => statement.text)
    : [run.statements.at(-1)?.text ?? ''];
  const last = stripExplain(statements.pop() ?? '');
  const sql = [...statements, `EXPLAIN (FORMAT JSON) ${last}`].join(';\n');
  const outcome = await inRolledBackTransaction(sandbox, sql, { nested });
  if ('error' in outcome) {
    const subject = check.query ? 'the check query' : 'your last statement';
    return {
      passed: false,
      messages: [
        dataset.hidden
          ? `On a hidden dataset, EXPLAIN of ${subject} failed with ${describeSqlstate(outcome.error.sqlstate)}`
          : `EXPLAIN of ${subject} failed: ${outcome.error.message}`,
      ],
    };
  }
  const plan = outcome.result.rows[0]?.[0];
  const messages = plan ? evaluatePlan(listPlanNodes(plan), check) : ['EXPLAIN printed no plan'];
  return {
    passed: messages.length === 0,
    messages: messages.map((message) => onDataset(dataset.hidden, message)),
  };
}

async function evaluateStatementCheck(
  check: StateCheck & { statement: string; sqlstate?: string },
  sandbox: SqlSandbox,
  dataset: DatasetInfo,
  nested: boolean,
): Promise<CheckOutcome> {
  const wanted = describeSqlstate(check.sqlstate ?? '');
  const outcome = await inRolledBackTransaction(sandbox, check.statement, {
    immediateConstraints: true,
    nested,
  });
  const subject = `\`${firstLine(check.statement)}\``;
  if (!('error' in outcome)) {
    return {
      passed: false,
      messages: [onDataset(dataset.hidden, `${subject} succeeded: it should fail with ${wanted}`)],
    };
  }
  if (outcome.error.sqlstate === check.sqlstate) return { passed: true, messages: [] };
  const got = describeSqlstate(outcome.error.sqlstate);
  return {
    passed: false,
    messages: [
      dataset.hidden
        ? onDataset(true, `${subject} failed with ${got}, not ${wanted}`)
        : `${subject} failed with ${got} (${outcome.error.message}), not ${wanted}`,
    ],
  };
}

/**
 * Evaluates a task's checks, in order, in the sandbox where `run` ran. Without `expected` (the
 * solution's own run) result and state-query checks record their rows as the expectation.
 */
async function evaluateChecks(
  task: PublicLabTask,
  sandbox: SqlSandbox,
  run: SqlRun,
  dataset: DatasetInfo,
  expected: TaskExpectation | undefined,
  nested = false,
): Promise<{ outcomes: CheckOutcome[]; expectation: TaskExpectation }> {
  const last = run.results.at(-1);
  const expectation: TaskExpectation = {
    result: last && last.fields.length > 0 ? asRows(last) : null,
    checks: [],
  };
  const outcomes: CheckOutcome[] = [];
  for (const [index, check] of task.checks.entries()) {
    expectation.checks.push(null);
    if (run.failure) {
      outcomes.push({ passed: false, messages: [failureMessage(run.failure, dataset)] });
      continue;
    }
    if (check.kind === 'result') {
      if (!last || last.fields.length === 0) {
        outcomes.push({
          passed: false,
          messages: [
            `Your last statement${last?.command ? ` (${last.command})` : ''} returns no rows: end with the query that answers the task`,
          ],
        });
        continue;
      }
      if (!expected) {
        outcomes.push({ passed: true, messages: [] });
        continue;
      }
      if (!expected.result)
        throw new SolutionError("The solution's last statement returns no rows");
      const comparison = compareRows(
        expected.result,
        asRows(last),
        compareOptionsOf(check),
        dataset,
      );
      outcomes.push({ passed: comparison.equal, messages: comparison.messages });
      continue;
    }
    if (check.kind === 'plan') {
      outcomes.push(await evaluatePlanCheck(check, sandbox, run, dataset, nested));
      continue;
    }
    if (check.statement !== undefined) {
      outcomes.push(
        await evaluateStatementCheck(
          { ...check, statement: check.statement },
          sandbox,
          dataset,
          nested,
        ),
      );
      continue;
    }
    const outcome = await inRolledBackTransaction(sandbox, check.query ?? '', { nested });
    if ('error' in outcome) {
      outcomes.push({
        passed: false,
        messages: [
          dataset.hidden
            ? `On a hidden dataset the check query failed with ${describeSqlstate(outcome.error.sqlstate)}`
            : `The check query failed after your statements: ${outcome.error.message}`,
        ],
      });
      continue;
    }
    const rows = asRows(outcome.result);
    expectation.checks[index] = rows;
    if (!expected) {
      outcomes.push({ passed: true, messages: [] });
      continue;
    }
    const wanted = expected.checks[index];
    if (!wanted) throw new SolutionError(`No expected rows for check ${index + 1}`);
    const comparison = compareRows(wanted, rows, compareOptionsOf(check), dataset);
    outcomes.push({ passed: comparison.equal, messages: comparison.messages });
  }
  return { outcomes, expectation };
}

function toDatasetGrade(run: SqlRun, outcomes: CheckOutcome[], dataset: DatasetInfo): DatasetGrade {
  const notes: string[] = [];
  if (run.rolledBackOpenTransaction) {
    notes.push(
      run.failure
        ? 'Your transaction was rolled back when your SQL failed.'
        : 'Your transaction was still open at the end, so it was rolled back: finish it with COMMIT.',
    );
  }
  return {
    ...dataset,
    passed: outcomes.every((outcome) => outcome.passed),
    checks: outcomes,
    failure: run.failure ? visibleFailure(run.failure, dataset) : undefined,
    notes,
  };
}

export interface SolutionOutcome {
  expectation: TaskExpectation;
  /** The solution graded by its own checks: plan and statement checks really evaluated. */
  grade: DatasetGrade;
}

/**
 * Runs the solution in `sandbox` (a fresh copy of the dataset) and records what the checks compare
 * against. Throws SolutionError when the solution itself fails to run.
 */
export async function computeTaskExpectation(
  task: LabTask,
  sandbox: SqlSandbox,
  dataset: DatasetInfo,
): Promise<SolutionOutcome> {
  const run = await runSql(sandbox, task.solution);
  if (run.failure) {
    throw new SolutionError(
      `the solution fails on ${dataset.name} at line ${run.failure.line ?? 1} of the solution: ${run.failure.message}`,
      run.failure,
    );
  }
  if (task.checks.some((check) => check.kind === 'result')) {
    const last = run.results.at(-1);
    if (!last || last.fields.length === 0) {
      throw new SolutionError(
        "the task has a result check but the solution's last statement returns no rows",
      );
    }
  }
  const { outcomes, expectation } = await evaluateChecks(task, sandbox, run, dataset, undefined);
  for (const [index, check] of task.checks.entries()) {
    if (check.kind === 'state' && check.query !== undefined && !expectation.checks[index]) {
      throw new SolutionError(
        `check ${index + 1}: the check query fails after the solution on ${dataset.name}: ${outcomes[index]?.messages.join('; ')}`,
      );
    }
  }
  return { expectation, grade: toDatasetGrade(run, outcomes, dataset) };
}

/** Runs `sql` in `sandbox` (a fresh copy of the dataset) and grades it against the expectation. */
export async function gradeTaskOnDataset(
  task: PublicLabTask,
  sql: string,
  sandbox: SqlSandbox,
  dataset: DatasetInfo,
  expected: TaskExpectation,
  limits?: RunLimits,
  { closeTransaction = true }: { closeTransaction?: boolean } = {},
): Promise<DatasetGrade> {
  const run = await runSql(sandbox, sql, { limits, closeTransaction });
  // Without closeTransaction the caller runs everything in a transaction of its own (which it
  // rolls back): the checks run in savepoints of it.
  const { outcomes } = await evaluateChecks(
    task,
    sandbox,
    run,
    dataset,
    expected,
    !closeTransaction,
  );
  return toDatasetGrade(run, outcomes, dataset);
}

export interface ClosableSandbox extends SqlSandbox {
  close(): Promise<void>;
}

export interface GradingDataset extends DatasetInfo {
  /** A fresh copy of the dataset, used once and closed. */
  openSandbox(): Promise<ClosableSandbox>;
  /** The solution's expectation on this dataset (computed once and cached by the caller). */
  expectation(): Promise<TaskExpectation>;
}

export interface TaskCheckGrade {
  kind: LabCheck['kind'];
  description: string;
  passed: boolean;
  /** From the first dataset where the check failed. */
  messages: string[];
}

export interface TaskGrade {
  passed: boolean;
  checks: TaskCheckGrade[];
  datasets: { name: string; hidden: boolean; passed: boolean }[];
  /** The first failure to run the SQL (hidden values removed). */
  failure?: RunFailure;
  notes: string[];
}

/**
 * Grades `sql` on each dataset in order (the visible one first), each in a fresh sandbox. By
 * default it stops at the first dataset where a check fails; `allDatasets` grades them all.
 * `closeTransaction: false` leaves the session as the SQL left it: the caller has opened a
 * transaction (the server's kept databases) and rolls it back; the checks run in savepoints.
 */
export async function gradeTask(
  task: PublicLabTask,
  sql: string,
  datasets: GradingDataset[],
  {
    limits,
    allDatasets = false,
    closeTransaction = true,
  }: { limits?: RunLimits; allDatasets?: boolean; closeTransaction?: boolean } = {},
): Promise<TaskGrade> {
  const graded: DatasetGrade[] = [];
  for (const dataset of datasets) {
    const expected = await dataset.expectation();
    const sandbox = await dataset.openSandbox();
    try {
      graded.push(
        await gradeTaskOnDataset(task, sql, sandbox, dataset, expected, limits, {
          closeTransaction,
        }),
      );
    } finally {
      await sandbox.close();
    }
    if (!allDatasets && !graded.at(-1)?.passed) break;
  }
  return combineGrades(task, graded);
}

/** One verdict per check from several datasets' grades (what the lab panel shows). */
export function combineGrades(task: PublicLabTask, graded: DatasetGrade[]): TaskGrade {
  const checks = task.checks.map((check, index) => {
    const failed = graded.find((grade) => !grade.checks[index]?.passed);
    return {
      kind: check.kind,
      description: describeCheck(check),
      passed: graded.length > 0 && !failed,
      messages: failed?.checks[index]?.messages ?? [],
    };
  });
  return {
    passed: graded.length > 0 && graded.every((grade) => grade.passed),
    checks,
    datasets: graded.map(({ name, hidden, passed }) => ({ name, hidden, passed })),
    failure: graded.find((grade) => grade.failure)?.failure,
    notes: [...new Set(graded.flatMap((grade) => grade.notes))],
  };
}
