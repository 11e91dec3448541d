// Starts a lab's worker the moment "Open the lab" is pressed, while the panel's code is still
// loading, so PostgreSQL's download and start overlap with it. The panel adopts the worker
// (LabWorkerClient) with whatever it has answered by then. Kept tiny: it is in the lesson's bundle.
import type { LabAssets, WorkerResponse } from '@/lib/labs/protocol';

export interface StartedLabWorker {
  worker: Worker;
  /** Answers that arrived before the panel listened (the open request's, id 0). */
  early: WorkerResponse[];
  stopListening(): void;
}

export function startLabWorker(assets: LabAssets): StartedLabWorker {
  const worker = new Worker(assets.worker, { type: 'module', name: 'sql-lab' });
  const early: WorkerResponse[] = [];
  const onMessage = (event: MessageEvent<WorkerResponse>) => early.push(event.data);
  const onError = () =>
    early.push({
      id: 0,
      ok: false,
      message: 'The lab could not start. Reload the page to try again.',
    });
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.postMessage({ id: 0, type: 'open', assets });
  return {
    worker,
    early,
    stopListening() {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    },
  };
}
