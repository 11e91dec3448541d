// A learner's lab in their browser: the scratch database Run works in, and Check, which grades the
// task's SQL on a fresh copy of the visible dataset with the same functions the server uses. The
// browser's worker (workers/sql-lab.ts) drives it; tests drive it in Node.
import { PGlite } from '@electric-sql/pglite';
import { gradeTaskOnDataset, combineGrades, type TaskGrade } from './grade';
import type { BrowserLab } from './protocol';
import { toStatementView, type RunView } from './protocol';
import { inTransaction, labRunLimits, runSql } from './run';
import { createPgliteSandbox, labStartSettings } from './sandbox';
import { SnapshotFs, type SnapshotFile } from './snapshot';

export interface LabRuntime {
  wasmModule: WebAssembly.Module;
  fsBundle: Blob;
}

const now = () => globalThis.performance.now();

/**
 * A lab database starts from a snapshot and never runs initdb, but PGlite downloads initdb's
 * WebAssembly unless it is given a module: this empty one (the 8-byte header) stands in.
 */
let noInitdb: WebAssembly.Module | undefined;
const emptyWasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function start(runtime: LabRuntime, files: SnapshotFile[]): Promise<PGlite> {
  noInitdb ??= new WebAssembly.Module(emptyWasm);
  return PGlite.create({
    fs: new SnapshotFs(files),
    pgliteWasmModule: runtime.wasmModule,
    initdbWasmModule: noInitdb,
    fsBundle: runtime.fsBundle,
    startParams: [...PGlite.defaultStartParams, ...labStartSettings],
  });
}

export class LabSession {
  private scratch: PGlite | undefined;
  /** A fresh copy started ahead of time, so Check does not wait for one. */
  private spare: Promise<PGlite> | undefined;

  constructor(
    private readonly runtime: LabRuntime,
    private readonly files: SnapshotFile[],
    readonly lab: BrowserLab,
  ) {}

  /** Starts the scratch database (Run's). */
  async open(): Promise<void> {
    if (this.scratch) return;
    this.scratch = await start(this.runtime, this.files);
    this.prepareSpare();
  }

  private prepareSpare() {
    const spare = start(this.runtime, this.files);
    spare.catch(() => {
      if (this.spare === spare) this.spare = undefined;
    });
    this.spare = spare;
  }

  /** A fresh copy of the visible dataset: the spare if there is one, and another is started. */
  private async fresh(): Promise<PGlite> {
    const spare = this.spare;
    this.spare = undefined;
    return (await spare?.catch(() => undefined)) ?? start(this.runtime, this.files);
  }

  /** Runs SQL in the scratch database, keeping its session (an open transaction stays open). */
  async run(sql: string): Promise<RunView> {
    await this.open();
    const pg = this.scratch as PGlite;
    const sandbox = createPgliteSandbox(pg);
    const began = now();
    const run = await runSql(sandbox, sql, { limits: labRunLimits, closeTransaction: false });
    const ms = now() - began;
    return {
      statements: run.results.map((result, index) =>
        toStatementView(result, run.statements[index]?.line ?? 1),
      ),
      failure: run.failure ?? null,
      ms,
      inTransaction: await inTransaction(sandbox),
    };
  }

  /** Grades `sql` for a task on a fresh copy of the visible dataset (the scratch database is untouched). */
  async check(taskId: string, sql: string): Promise<TaskGrade> {
    const task = this.lab.tasks.find((candidate) => candidate.id === taskId);
    if (!task) throw new Error('That task is not part of this lab.');
    const pg = await this.fresh();
    try {
      const grade = await gradeTaskOnDataset(
        task,
        sql,
        createPgliteSandbox(pg),
        { name: 'seed', hidden: false },
        task.expectation,
        labRunLimits,
      );
      return combineGrades(task, [grade]);
    } finally {
      await pg.close();
      this.prepareSpare();
    }
  }

  /** Throws the scratch database away and starts it again from the lab's start. */
  async reset(): Promise<void> {
    const old = this.scratch;
    this.scratch = undefined;
    await old?.close().catch(() => undefined);
    await this.open();
  }
}
