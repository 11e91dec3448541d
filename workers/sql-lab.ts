// The browser's lab worker (a module Web Worker): PGlite and the lab's grading run here, off the
// page's main thread. Built by `npm run labs:build` into public/labs/runtime/. The panel
// (components/labs/sql-lab-panel.tsx) terminates it when a query runs too long.
import { LabSession } from '@/lib/labs/session';
import type { LabAssets, WorkerRequest, WorkerResponse, WorkerResult } from '@/lib/labs/protocol';
import type { BrowserLab } from '@/lib/labs/protocol';
import { decodeSnapshot } from '@/lib/labs/snapshot';

let session: Promise<LabSession> | undefined;

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not download the lab (${response.status}).`);
  return response;
}

async function gunzip(response: Response): Promise<Uint8Array> {
  const body = response.body;
  if (!body) throw new Error('Could not download the lab database.');
  const stream = body.pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Milliseconds from the open request to each step's end (the bench prints them). */
let timings: Record<string, number> = {};

async function openSession(assets: LabAssets): Promise<LabSession> {
  const began = performance.now();
  const mark =
    <T>(name: string) =>
    (value: T) => {
      timings[name] = Math.round(performance.now() - began);
      return value;
    };
  timings = {};
  const [wasmModule, fsBundle, lab, snapshot] = await Promise.all([
    fetchOk(assets.wasm)
      .then((response) =>
        // compileStreaming needs application/wasm; compile the bytes when a server says otherwise.
        WebAssembly.compileStreaming(response.clone()).catch(async () =>
          WebAssembly.compile(await response.arrayBuffer()),
        ),
      )
      .then(mark('wasm')),
    fetchOk(assets.data)
      .then((response) => response.blob())
      .then(mark('data')),
    fetchOk(assets.lab)
      .then((response) => response.json() as Promise<BrowserLab>)
      .then(mark('lab')),
    fetchOk(assets.snapshot).then(gunzip).then(mark('snapshot')),
  ]);
  const created = new LabSession({ wasmModule, fsBundle }, decodeSnapshot(snapshot), lab);
  await created.open();
  mark('started')(null);
  return created;
}

async function handle(request: WorkerRequest): Promise<WorkerResult> {
  if (request.type === 'open') {
    const began = performance.now();
    session ??= openSession(request.assets);
    session.catch(() => {
      session = undefined;
    });
    await session;
    return { type: 'open', ms: performance.now() - began, timings };
  }
  if (!session) throw new Error('The lab database is not open.');
  const current = await session;
  if (request.type === 'run') return { type: 'run', run: await current.run(request.sql) };
  if (request.type === 'check') {
    const began = performance.now();
    const grade = await current.check(request.taskId, request.sql);
    return { type: 'check', grade, ms: performance.now() - began };
  }
  await current.reset();
  return { type: 'reset' };
}

// One request at a time, in order: PGlite answers one query at a time anyway.
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  queue = queue.then(async () => {
    let response: WorkerResponse;
    try {
      response = { id: request.id, ok: true, result: await handle(request) };
    } catch (error) {
      response = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    self.postMessage(response);
  });
});
