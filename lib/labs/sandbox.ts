// The one thing grading needs from a database: run SQL text and get back what Postgres printed.
// A PGlite instance implements it in the browser's worker, in the server's grading workers and in
// content:check (createPgliteSandbox below), so the same SQL compares equal everywhere.
import type { PGliteInterface } from '@electric-sql/pglite';

/** A value as Postgres prints it (its text output), or null for SQL NULL. */
export type SqlValue = string | null;

export interface SqlField {
  name: string;
  /** The type's oid (pg_type.oid): 23 is integer, 1700 numeric, 25 text... */
  dataTypeID: number;
}

export interface StatementResult {
  /** The command tag's verb: SELECT, INSERT, CREATE... (undefined when Postgres gives none). */
  command?: string;
  /** Empty for a statement that returns no rows at all (CREATE, INSERT without RETURNING). */
  fields: SqlField[];
  rows: SqlValue[][];
  /** Rows returned or changed, as the command tag counts them. */
  rowCount: number;
}

/**
 * A database to grade in. `exec` runs SQL text (usually one statement) with the simple query
 * protocol, autocommit, and resolves with one result per statement; a failing statement rejects
 * with an SqlError.
 */
export interface SqlSandbox {
  exec(sql: string): Promise<StatementResult[]>;
}

/** An error Postgres reported, with its SQLSTATE and, when known, the 1-based character position. */
export class SqlError extends Error {
  readonly sqlstate: string;
  readonly position: number | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;

  constructor(
    message: string,
    {
      sqlstate,
      position,
      detail,
      hint,
    }: { sqlstate: string; position?: number; detail?: string; hint?: string },
  ) {
    super(message);
    this.name = 'SqlError';
    this.sqlstate = sqlstate;
    this.position = position;
    this.detail = detail;
    this.hint = hint;
  }
}

/** Reads a Postgres error (PGlite's DatabaseError or node-postgres's) into an SqlError. */
export function toSqlError(error: unknown): SqlError {
  if (error instanceof SqlError) return error;
  if (error instanceof Error) {
    const fields = error as Error & {
      code?: unknown;
      position?: unknown;
      detail?: unknown;
      hint?: unknown;
    };
    if (typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code)) {
      const position = Number(fields.position);
      return new SqlError(error.message, {
        sqlstate: fields.code,
        position: Number.isInteger(position) && position > 0 ? position : undefined,
        detail: typeof fields.detail === 'string' ? fields.detail : undefined,
        hint: typeof fields.hint === 'string' ? fields.hint : undefined,
      });
    }
    // Anything else (PGlite aborted, out of memory) is a failure of the sandbox: XX000.
    return new SqlError(error.message, { sqlstate: 'XX000' });
  }
  return new SqlError(String(error), { sqlstate: 'XX000' });
}

/**
 * Settings every lab database starts with, added to PGlite's own start parameters
 * (`[...PGlite.defaultStartParams, ...labStartSettings]`) in the browser and on the server alike:
 * 2 MB of shared buffers instead of 128 MB starts PGlite 3-5 times faster; plans do not depend on it.
 */
export const labStartSettings = [
  '-c',
  'shared_buffers=2MB',
  '-c',
  'wal_buffers=256kB',
  '-c',
  'max_connections=3',
];

const keepText = (value: string) => value;

/**
 * A sandbox over a PGlite instance that returns every value as Postgres's text output: no Date
 * objects (which the browser would read in the learner's time zone), no parsed JSON, no BigInt.
 * The session's DateStyle (ISO) and TimeZone (UTC) are PGlite's, the same in the browser and Node.
 */
export function createPgliteSandbox(pg: Pick<PGliteInterface, 'exec'> & { parsers: object }) {
  const sandbox: SqlSandbox = {
    async exec(sql) {
      // Every type PGlite would parse (arrays included) is kept as text; types it has no parser
      // for come back as text anyway.
      const parsers = Object.fromEntries(
        Object.keys(pg.parsers).map((oid) => [Number(oid), keepText]),
      );
      try {
        const results = await pg.exec(sql, { rowMode: 'array', parsers });
        return results.map((result) => ({
          command: result.command,
          fields: result.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })),
          rows: (result.rows as unknown[][]).map((row) =>
            row.map((value) => (value === null || value === undefined ? null : String(value))),
          ),
          rowCount: result.rowCount ?? result.rows.length,
        }));
      } catch (error) {
        throw toSqlError(error);
      }
    },
  };
  return sandbox;
}
