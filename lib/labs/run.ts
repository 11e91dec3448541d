// Runs a learner's (or a solution's) SQL in a sandbox one statement at a time, as psql does with
// ON_ERROR_STOP: autocommit, stop at the first error, and say where it happened.
import type { SqlSandbox, StatementResult } from './sandbox';
import { toSqlError } from './sandbox';
import { lineAt, splitStatements, type SqlStatement } from './statements';
import { labLimits } from '@/lib/validations/limits';

export interface RunLimits {
  /** Characters of SQL at most. */
  maxSqlLength?: number;
  /** Statements at most. */
  maxStatements?: number;
  /** Rows one statement may return at most. */
  maxRows?: number;
}

/** What a learner's SQL may do, in the browser (Run, Check) and on the server (Submit) alike. */
export const labRunLimits: RunLimits = {
  maxSqlLength: labLimits.sqlCharacters,
  maxStatements: labLimits.statements,
  maxRows: labLimits.rowsReturned,
};

export interface RunFailure {
  /** `error`: Postgres refused a statement; `limit`: over a RunLimits limit; `empty`: no statement;
   * `broken`: the database stopped answering after the statements. */
  kind: 'error' | 'limit' | 'empty' | 'broken';
  /** Postgres's message, or ours for the other kinds. */
  message: string;
  sqlstate?: string;
  detail?: string;
  hint?: string;
  /** The failing statement (0-based), when one failed. */
  statementIndex?: number;
  /** Line of the error in the source (1-based): the error's position, else its statement's start. */
  line?: number;
  /** 1-based character position of the error in the whole source, when Postgres gave one. */
  position?: number;
}

export interface SqlRun {
  statements: SqlStatement[];
  /** One result per statement that ran, in order (all of them unless `failure` is set). */
  results: StatementResult[];
  failure?: RunFailure;
  /** The SQL left a transaction open (or failed inside one): it was rolled back at the end. */
  rolledBackOpenTransaction: boolean;
}

export interface RunOptions {
  limits?: RunLimits;
  /**
   * End the session as a disconnecting client does (default true, for grading): roll back a
   * transaction the SQL left open, so checks see only committed work, and drop a SET ROLE or SET
   * SESSION AUTHORIZATION, so checks run as the database owner. Prepared statements, temporary
   * tables and settings stay. The browser's Run button may pass false to keep the session as is.
   */
  closeTransaction?: boolean;
}

const count = (value: number) => value.toLocaleString('en');

const copiesWithProgram = /^copy\b[\s\S]*\b(to|from)\s+program\b/i;

/** Is the session inside a transaction block? SAVEPOINT only works inside one. */
export async function inTransaction(sandbox: SqlSandbox): Promise<boolean> {
  try {
    await sandbox.exec('SAVEPOINT labs_probe');
  } catch (error) {
    // 25P01: no transaction block; 25P02: a failed one, which is still open.
    return toSqlError(error).sqlstate !== '25P01';
  }
  await sandbox.exec('RELEASE SAVEPOINT labs_probe');
  return true;
}

/** Runs each statement of `source` in order and stops at the first error. Never throws for SQL errors. */
export async function runSql(
  sandbox: SqlSandbox,
  source: string,
  { limits = {}, closeTransaction = true }: RunOptions = {},
): Promise<SqlRun> {
  const statements = splitStatements(source);
  const run: SqlRun = { statements, results: [], rolledBackOpenTransaction: false };
  if (limits.maxSqlLength !== undefined && source.length > limits.maxSqlLength) {
    run.failure = {
      kind: 'limit',
      message: `Your SQL is ${count(source.length)} characters long: the limit is ${count(limits.maxSqlLength)}.`,
    };
    return run;
  }
  if (statements.length === 0) {
    run.failure = { kind: 'empty', message: 'There is no SQL statement to run.' };
    return run;
  }
  if (limits.maxStatements !== undefined && statements.length > limits.maxStatements) {
    run.failure = {
      kind: 'limit',
      message: `Your SQL has ${count(statements.length)} statements: the limit is ${count(limits.maxStatements)}.`,
    };
    return run;
  }

  for (const [index, statement] of statements.entries()) {
    if (copiesWithProgram.test(statement.text)) {
      // WebAssembly cannot start programs, and PGlite stops answering after trying.
      run.failure = {
        kind: 'error',
        message: 'COPY … PROGRAM is not available: the lab database cannot start programs.',
        sqlstate: '0A000',
        statementIndex: index,
        line: statement.line,
      };
      break;
    }
    let results: StatementResult[];
    try {
      results = await sandbox.exec(statement.text);
    } catch (error) {
      const sqlError = toSqlError(error);
      const position =
        sqlError.position === undefined ? undefined : statement.start + sqlError.position;
      run.failure = {
        kind: 'error',
        message: sqlError.message,
        sqlstate: sqlError.sqlstate,
        detail: sqlError.detail,
        hint: sqlError.hint,
        statementIndex: index,
        line: position === undefined ? statement.line : lineAt(source, position - 1),
        position,
      };
      break;
    }
    // One statement gives one result; keep the last should a sandbox return more.
    const result = results.at(-1) ?? { fields: [], rows: [], rowCount: 0 };
    if (limits.maxRows !== undefined && result.rows.length > limits.maxRows) {
      run.failure = {
        kind: 'limit',
        message: `Statement ${index + 1} returned ${count(result.rows.length)} rows: the limit is ${count(limits.maxRows)}.`,
        statementIndex: index,
        line: statement.line,
      };
      break;
    }
    run.results.push(result);
  }

  try {
    if (closeTransaction && (await inTransaction(sandbox))) {
      await sandbox.exec('ROLLBACK');
      run.rolledBackOpenTransaction = true;
    }
    if (closeTransaction) {
      await sandbox.exec('RESET SESSION AUTHORIZATION');
      await sandbox.exec('RESET ROLE');
    }
    // A sandbox that no longer answers a trivial query must not let a check pass on empty rows.
    const probe = await sandbox.exec('SELECT 1 AS alive');
    if (probe.at(-1)?.rows[0]?.[0] !== '1') throw new Error('no answer');
  } catch {
    run.failure ??= {
      kind: 'broken',
      message: 'The database stopped answering after your statements.',
    };
  }
  return run;
}
