// The panel's side of the lab worker: requests with ids, answers as promises, and a time limit
// after which the worker (and the query running in it) is terminated. PGlite cannot cancel a
// query from outside, so ending the worker is the only way to stop one that never finishes.
import type { LabAssets, WorkerRequest, WorkerResponse, WorkerResult } from '@/lib/labs/protocol';

type Pending = { resolve: (result: WorkerResult) => void; reject: (error: Error) => void };

/** Distributive Omit, so each request type keeps its own fields. */
type RequestBody = WorkerRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

export class LabTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Stopped after ${seconds} s.`);
    this.name = 'LabTimeoutError';
  }
}

export class LabWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly assets: LabAssets) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.assets.worker, { type: 'module', name: 'sql-lab' });
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new Error(response.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(new Error('The lab stopped working. Reload the page to start it again.'));
    });
    this.worker = worker;
    return worker;
  }

  private fail(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  /** Sends a request; with `seconds`, terminates the worker if no answer comes in time. */
  request(body: RequestBody, seconds?: number): Promise<WorkerResult> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<WorkerResult>((resolve, reject) => {
      let timer: number | undefined;
      this.pending.set(id, {
        resolve: (result) => {
          window.clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          window.clearTimeout(timer);
          reject(error);
        },
      });
      if (seconds !== undefined) {
        timer = window.setTimeout(() => this.fail(new LabTimeoutError(seconds)), seconds * 1000);
      }
      worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  /** Starts (or restarts, after a time-out) the worker and its database. */
  open(): Promise<WorkerResult> {
    return this.request({ type: 'open', assets: this.assets });
  }

  terminate() {
    this.fail(new Error('The lab was closed.'));
  }
}
