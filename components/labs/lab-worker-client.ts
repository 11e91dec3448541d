// The panel's side of the lab worker: requests with ids, answers as promises, and a time limit
// after which the worker (and the query running in it) is terminated. PGlite cannot cancel a
// query from outside, so ending the worker is the only way to stop one that never finishes.
import type { LabAssets, WorkerRequest, WorkerResponse, WorkerResult } from '@/lib/labs/protocol';
import type { StartedLabWorker } from './start-lab-worker';

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
  /** Answers nobody waits for yet (the launcher's open request, answered before open() is called). */
  private unclaimed = new Map<number, WorkerResponse>();
  /** The launcher already sent the open request (id 0) to the adopted worker. */
  private openSent = false;

  constructor(
    private readonly assets: LabAssets,
    started?: StartedLabWorker | null,
  ) {
    if (!started) return;
    this.listen(started.worker);
    started.stopListening();
    for (const response of started.early) this.settle(response);
    this.openSent = true;
  }

  private settle(response: WorkerResponse) {
    const waiting = this.pending.get(response.id);
    if (!waiting) {
      this.unclaimed.set(response.id, response);
      return;
    }
    this.pending.delete(response.id);
    if (response.ok) waiting.resolve(response.result);
    else waiting.reject(new Error(response.message));
  }

  private listen(worker: Worker): Worker {
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) =>
      this.settle(event.data),
    );
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.fail(new Error('The lab stopped working. Reload the page to start it again.'));
    });
    this.worker = worker;
    return worker;
  }

  private start(): Worker {
    return (
      this.worker ??
      this.listen(new Worker(this.assets.worker, { type: 'module', name: 'sql-lab' }))
    );
  }

  /** Waits for the answer to a request already sent. */
  private await(id: number): Promise<WorkerResult> {
    return new Promise<WorkerResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const early = this.unclaimed.get(id);
      if (early) {
        this.unclaimed.delete(id);
        this.settle(early);
      }
    });
  }

  private fail(error: Error) {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.unclaimed.clear();
    this.openSent = false;
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
    if (this.openSent && this.worker) {
      this.openSent = false;
      return this.await(0);
    }
    return this.request({ type: 'open', assets: this.assets });
  }

  terminate() {
    this.fail(new Error('The lab was closed.'));
  }
}
