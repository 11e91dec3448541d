// What the lab panel and its Web Worker say to each other, and the public lab file the worker
// loads (built by `npm run labs:build`): a task's checks and what the reference produced on the
// visible data, never the reference itself, wrong answers or hidden data.
import type { PublicLabTask } from './format';
import type { TaskExpectation, TaskGrade } from './grade';
import type { RunFailure } from './run';
import type { StatementResult } from './sandbox';

export interface BrowserLabTask extends PublicLabTask {
  /** What the reference produced on the visible dataset (Check compares against it). */
  expectation: TaskExpectation;
}

/** public/labs/<lab-id>/<version>/lab.json */
export interface BrowserLab {
  id: string;
  title: string;
  tasks: BrowserLabTask[];
}

/** The files a lab panel needs, with versioned addresses (public/labs/manifest.json). */
export interface LabAssets {
  worker: string;
  wasm: string;
  data: string;
  lab: string;
  snapshot: string;
}

/** What Run shows: per statement that ran, its result (rows capped for display). */
export interface RunStatementView {
  /** 1-based line where the statement starts. */
  line: number;
  command: string | null;
  fields: string[];
  rows: (string | null)[][];
  rowCount: number;
  /** Rows left out of `rows` (only the first rows are sent to the page). */
  truncated: number;
}

export interface RunView {
  statements: RunStatementView[];
  failure: RunFailure | null;
  /** Milliseconds the SQL took in the database. */
  ms: number;
  /** A transaction is still open in the learner's database (Run keeps the session as it is). */
  inTransaction: boolean;
}

export type WorkerRequest =
  | { id: number; type: 'open'; assets: LabAssets }
  | { id: number; type: 'run'; sql: string }
  | { id: number; type: 'check'; taskId: string; sql: string }
  | { id: number; type: 'reset' };

export type WorkerResult =
  | { type: 'open'; ms: number; timings: Record<string, number> }
  | { type: 'run'; run: RunView }
  | { type: 'check'; grade: TaskGrade; ms: number }
  | { type: 'reset' };

export type WorkerResponse =
  { id: number; ok: true; result: WorkerResult } | { id: number; ok: false; message: string };

/** Rows Run sends to the page per statement (the count says how many there were). */
export const runDisplayRows = 500;

export function toStatementView(result: StatementResult, line: number): RunStatementView {
  return {
    line,
    command: result.command ?? null,
    fields: result.fields.map((field) => field.name),
    rows: result.rows.slice(0, runDisplayRows),
    rowCount: result.fields.length > 0 ? result.rows.length : result.rowCount,
    truncated: Math.max(0, result.rows.length - runDisplayRows),
  };
}
