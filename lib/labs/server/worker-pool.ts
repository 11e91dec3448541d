// The worker threads that run learners' SQL (piscina), and the clock that stops a submission whose
// SQL runs too long: the worker says when the learner's statements start and stop running, and
// once they have run for the submission's time budget the task is aborted, which terminates that
// worker (nothing else in the process is affected) and piscina starts a replacement.
import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { parseEnv } from '@/lib/env';

/** What the worker posts on its clock port around each run of the learner's SQL. */
export type ClockMessage = { running: boolean };

/** The worker's entry file, and how to load it. */
export interface WorkerEntry {
  filename: string;
  execArgv?: string[];
}

/**
 * The grading worker: in production the bundle that `npm run build` writes next to the standalone
 * server (workers/sql-grader.mjs, see scripts/lib/build-workers.ts); in development and tests the
 * TypeScript source, through tsx, so edits apply without a build.
 */
export function defaultWorkerEntry(): WorkerEntry {
  const root = /*turbopackIgnore: true*/ process.cwd();
  if (parseEnv().NODE_ENV === 'production') {
    return { filename: path.join(root, 'workers', 'sql-grader.mjs') };
  }
  return {
    filename: path.join(root, 'workers', 'sql-grader.ts'),
    execArgv: ['--import', 'tsx', '--conditions=react-server'],
  };
}

export class TimeLimitExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`Stopped after ${limitMs / 1000} s`);
    this.name = 'TimeLimitExceeded';
  }
}

export interface WorkerPoolOptions {
  entry?: WorkerEntry;
  /** Worker threads at most (default: one per core, at most 4). */
  threads?: number;
  /** Heap limit of each worker, in MB: a worker that exceeds it ends, not the server. */
  maxHeapMb?: number;
}

export interface RunOptions {
  /** How long the learner's SQL may run in all, in ms (the time the worker reports as running). */
  learnerTimeMs: number;
  /** How long the whole task may take, preparation included, in ms. */
  totalTimeMs: number;
}

/**
 * Runs tasks on worker threads; each task gets a `clock` port (a MessagePort) on which the worker
 * posts ClockMessage. Throws TimeLimitExceeded when the learner's time runs out.
 */
export class WorkerPool {
  private readonly piscina: Piscina;

  constructor({ entry = defaultWorkerEntry(), threads, maxHeapMb = 256 }: WorkerPoolOptions = {}) {
    const maxThreads = threads ?? Math.max(1, Math.min(4, os.availableParallelism()));
    this.piscina = new Piscina({
      filename: entry.filename,
      execArgv: entry.execArgv,
      minThreads: 1,
      maxThreads,
      // One job at a time per worker: a worker that is terminated takes only its own job with it.
      concurrentTasksPerWorker: 1,
      // Idle workers keep their caches warm for a while, then give their memory back.
      idleTimeout: 10 * 60_000,
      // A small young generation: the workers' garbage is small and short-lived, and V8's default
      // (up to 48 MB per thread) was a fifth of the pool's memory.
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 8 },
    });
  }

  /** Live worker threads (for tests and the bench). */
  get threadCount(): number {
    return this.piscina.threads.length;
  }

  async run<Task extends object, Result>(
    task: Task,
    { learnerTimeMs, totalTimeMs }: RunOptions,
  ): Promise<Result> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let remaining = learnerTimeMs;
    let runningSince: number | null = null;
    let learnerTimer: NodeJS.Timeout | undefined;
    let timedOut: Error | null = null;
    const stop = (reason: Error) => {
      timedOut ??= reason;
      abort.abort(reason);
    };
    port1.on('message', ({ running }: ClockMessage) => {
      if (running && runningSince === null) {
        runningSince = performance.now();
        learnerTimer = setTimeout(() => stop(new TimeLimitExceeded(learnerTimeMs)), remaining);
      } else if (!running && runningSince !== null) {
        clearTimeout(learnerTimer);
        remaining -= performance.now() - runningSince;
        runningSince = null;
        if (remaining <= 0) stop(new TimeLimitExceeded(learnerTimeMs));
      }
    });
    const totalTimer = setTimeout(
      () => stop(new Error(`The grading job did not finish within ${totalTimeMs} ms`)),
      totalTimeMs,
    );
    try {
      return (await this.piscina.run(
        { ...task, clock: port2 },
        { signal: abort.signal, transferList: [port2 as MessagePort] },
      )) as Result;
    } catch (error) {
      throw timedOut ?? error;
    } finally {
      clearTimeout(learnerTimer);
      clearTimeout(totalTimer);
      port1.close();
    }
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}
