// PGlite sandboxes for Node (content:check, tests, the grading workers): a dataset is built once
// into a snapshot (its data directory's files, after a clean shutdown) and every run starts a new
// PGlite from a copy of those files. Nothing is shared between runs but read-only bytes.
//
// Measured here (2 shared cores, busy): PGlite.create with loadDataDir (the documented way) takes
// 1.5-7 s per copy; a copy from these files with the small shared_buffers below takes 0.35-0.8 s.
// The time went to zeroing 128 MB of shared buffers and to PGlite's tar reader (40 MB per copy).
//
// Isolation from the host: PGlite's files live in memory (Emscripten MEMFS), so COPY TO/FROM a file,
// pg_read_file, lo_import/lo_export and CREATE TABLESPACE only ever see that in-memory tree
// (tests/integration/labs-sandbox.test.ts checks it); COPY ... PROGRAM cannot start a process in
// WebAssembly; and no extension is available except plpgsql, since none is loaded.
import 'server-only';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MemoryFS, PGlite } from '@electric-sql/pglite';
import type { ClosableSandbox } from '@/lib/labs/grade';
import { runSql } from '@/lib/labs/run';
import { createPgliteSandbox, labStartSettings } from '@/lib/labs/sandbox';

/** PGlite's start parameters for lab databases (see labStartSettings). */
export const labStartParams = [...PGlite.defaultStartParams, ...labStartSettings];

interface SnapshotFile {
  path: string;
  /** A file's size; absent for a directory. */
  size?: number;
  /** The file's bytes without its trailing zeros (WAL segments and table files are mostly zeros). */
  data?: Uint8Array;
}

/** A dataset's database: the files of a cleanly shut down data directory. */
export interface DatasetSnapshot {
  files: SnapshotFile[];
  /** Bytes held in memory (files the snapshot shares with the empty cluster count once, there). */
  bytes: number;
}

/** The subset of Emscripten's FS used here. */
interface EmscriptenFs {
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array, options?: { canOwn?: boolean }): void;
  mkdirTree(path: string): void;
}

const fsOf = (pg: PGlite) => pg.Module.FS as unknown as EmscriptenFs;

/** Loads the WebAssembly module and PGlite's file bundle once per thread. */
let runtime: Promise<{ wasmModule: WebAssembly.Module; fsBundle: Uint8Array }> | undefined;
function loadRuntime() {
  runtime ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    const [wasm, fsBundle] = await Promise.all([
      fs.promises.readFile(path.join(dist, 'pglite.wasm')),
      fs.promises.readFile(path.join(dist, 'pglite.data')),
    ]);
    return { wasmModule: await WebAssembly.compile(wasm), fsBundle: new Uint8Array(fsBundle) };
  })();
  return runtime;
}

/** Starts a PGlite whose data directory is filled from `files` (copied: the snapshot stays intact). */
class SnapshotFs extends MemoryFS {
  constructor(private readonly files: SnapshotFile[]) {
    super();
  }

  override async initialSyncFs() {
    const pg = this.pg;
    if (!pg) throw new Error('The snapshot file system has no PGlite yet');
    const target = fsOf(pg);
    const root = PGlite.paths.PGDATA;
    target.mkdirTree(root);
    for (const file of this.files) {
      const destination = `${root}/${file.path}`;
      if (file.size === undefined) {
        target.mkdirTree(destination);
        continue;
      }
      const bytes = new Uint8Array(file.size);
      if (file.data) bytes.set(file.data);
      target.writeFile(destination, bytes, { canOwn: true });
    }
  }
}

function withoutTrailingZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  return bytes.slice(0, end);
}

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

function readTree(source: EmscriptenFs, root: string): SnapshotFile[] {
  const files: SnapshotFile[] = [];
  const walk = (relative: string) => {
    for (const name of source.readdir(`${root}/${relative}`)) {
      if (name === '.' || name === '..') continue;
      const child = relative ? `${relative}/${name}` : name;
      const full = `${root}/${child}`;
      if (source.isDir(source.stat(full).mode)) {
        files.push({ path: child });
        walk(child);
      } else {
        const bytes = source.readFile(full);
        files.push({ path: child, size: bytes.byteLength, data: withoutTrailingZeros(bytes) });
      }
    }
  };
  walk('');
  return files;
}

async function startPglite(files?: SnapshotFile[]): Promise<PGlite> {
  const { wasmModule, fsBundle } = await loadRuntime();
  return PGlite.create({
    fs: files ? new SnapshotFs(files) : undefined,
    pgliteWasmModule: wasmModule,
    fsBundle: new Blob([fsBundle as Uint8Array<ArrayBuffer>]),
    startParams: labStartParams,
  });
}

/** An empty, initialised cluster: initdb runs once per thread, every dataset starts from it. */
let emptyCluster: Promise<DatasetSnapshot> | undefined;

/** The files of `pg`'s data directory after a clean shutdown, sharing unchanged files with `base`. */
async function snapshotOf(pg: PGlite, base?: DatasetSnapshot): Promise<DatasetSnapshot> {
  // A clean shutdown writes a final checkpoint, so a copy starts without recovery; the in-memory
  // file system outlives the instance.
  const source = fsOf(pg);
  await pg.close();
  const baseFiles = new Map(base?.files.map((file) => [file.path, file]));
  let bytes = 0;
  const files = readTree(source, PGlite.paths.PGDATA).map((file) => {
    const shared = baseFiles.get(file.path);
    if (shared && shared.size === file.size && sameBytes(shared.data, file.data)) return shared;
    bytes += file.data?.byteLength ?? 0;
    return file;
  });
  return { files, bytes };
}

/** A SQL file that failed to load: which statement, at which line of the file. */
export class DatasetLoadError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DatasetLoadError';
  }
}

export interface SqlFile {
  /** Shown in errors (a path relative to the project). */
  file: string;
  sql: string;
}

/**
 * Builds a dataset's snapshot: the files run in order (schema.sql, then seed.sql or a hidden
 * dataset), then VACUUM ANALYZE so plans see real statistics, as the browser's copy will.
 */
export async function buildSnapshot(sqlFiles: SqlFile[]): Promise<DatasetSnapshot> {
  emptyCluster ??= startPglite().then((pg) => snapshotOf(pg));
  const pg = await startPglite((await emptyCluster).files);
  try {
    const sandbox = createPgliteSandbox(pg);
    for (const { file, sql } of sqlFiles) {
      const run = await runSql(sandbox, sql);
      if (run.failure && run.failure.kind !== 'empty') {
        throw new DatasetLoadError(file, run.failure.line ?? 1, run.failure.message);
      }
      if (run.rolledBackOpenTransaction) {
        throw new DatasetLoadError(file, 1, 'leaves a transaction open (add COMMIT)');
      }
    }
    await pg.exec('VACUUM ANALYZE');
  } catch (error) {
    await pg.close();
    throw error;
  }
  return snapshotOf(pg, await emptyCluster);
}

/** A fresh PGlite copy of the snapshot, as a sandbox; close it when done. */
export async function openSnapshotSandbox(
  snapshot: DatasetSnapshot,
): Promise<ClosableSandbox & { pglite: PGlite }> {
  const pg = await startPglite(snapshot.files);
  return { ...createPgliteSandbox(pg), close: () => pg.close(), pglite: pg };
}

/**
 * The snapshot as a tarball for PGlite's `loadDataDir` (the browser's copy of the visible
 * dataset); start it with `labStartParams` so both sides run the same settings.
 */
export async function dumpSnapshot(
  snapshot: DatasetSnapshot,
  compression: 'gzip' | 'none' = 'gzip',
): Promise<Blob> {
  const pg = await startPglite(snapshot.files);
  try {
    return await pg.dumpDataDir(compression);
  } finally {
    await pg.close();
  }
}
