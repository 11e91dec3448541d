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
import { PGlite } from '@electric-sql/pglite';
import type { ClosableSandbox } from '@/lib/labs/grade';
import { runSql } from '@/lib/labs/run';
import { createPgliteSandbox, labStartSettings } from '@/lib/labs/sandbox';
import {
  encodeSnapshot,
  fsOf,
  SnapshotFs,
  type EmscriptenFs,
  type SnapshotFile,
} from '@/lib/labs/snapshot';

/** PGlite's start parameters for lab databases (see labStartSettings). */
export const labStartParams = [...PGlite.defaultStartParams, ...labStartSettings];

/** A dataset's database: the files of a cleanly shut down data directory. */
export interface DatasetSnapshot {
  files: SnapshotFile[];
  /** Bytes held in memory (files the snapshot shares with the empty cluster count once, there). */
  bytes: number;
}

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

/**
 * An empty, initialised cluster: initdb runs once per thread, every dataset starts from it. It has
 * the one database PGlite connects to, `postgres`: template0 and template1 are dropped, as a lab
 * never creates a database, so every copy holds (and the browser downloads) 13 MB less.
 */
let emptyCluster: Promise<DatasetSnapshot> | undefined;

async function startEmptyCluster(): Promise<DatasetSnapshot> {
  const pg = await startPglite();
  try {
    await pg.exec(
      "UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')",
    );
    // One at a time: DROP DATABASE cannot run in the transaction a multi-statement exec opens.
    await pg.exec('DROP DATABASE template0');
    await pg.exec('DROP DATABASE template1');
  } catch (error) {
    await pg.close();
    throw error;
  }
  return snapshotOf(pg);
}

/** The files of `pg`'s data directory after a clean shutdown, sharing unchanged files with `base`. */
async function snapshotOf(pg: PGlite, base?: DatasetSnapshot): Promise<DatasetSnapshot> {
  // A new WAL segment first, so the shutdown checkpoint is at its start (see onlyCheckpointWal).
  // A clean shutdown writes that checkpoint, so a copy starts without recovery; the in-memory file
  // system outlives the instance.
  await pg.exec('SELECT pg_switch_wal()');
  const source = fsOf(pg);
  await pg.close();
  const baseFiles = new Map(base?.files.map((file) => [file.path, file]));
  let bytes = 0;
  const files = onlyCheckpointWal(readTree(source, PGlite.paths.PGDATA)).map((file) => {
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
  emptyCluster ??= startEmptyCluster();
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

const walPage = 8192;
const walSegmentName = /^pg_wal\/[0-9A-F]{24}$/;

/**
 * A cleanly shut down cluster starts by reading its last checkpoint record and writes on from
 * there: no WAL before it is read (its redo point is the record itself), and none after it, so
 * only the segment holding the record is kept, and in it only the segment's first page (whose long
 * header Postgres validates whenever it opens the segment) and the two pages from the record's
 * start (a record may cross a page boundary); the rest of the segment is zeros, which cost nothing
 * to store or copy. Other segments (older ones, and recycled ones holding stale WAL that
 * Postgres would overwrite) are left out: Postgres makes new segments as it needs them.
 * The checkpoint's location comes from global/pg_control: checkPoint at byte 32 and its redo
 * pointer at byte 40 (ControlFileData's layout, unchanged since PostgreSQL 9.x).
 */
function onlyCheckpointWal(files: SnapshotFile[]): SnapshotFile[] {
  const control = files.find((file) => file.path === 'global/pg_control')?.data;
  if (!control || control.byteLength < 48) return files;
  const view = new DataView(control.buffer, control.byteOffset, control.byteLength);
  const checkpoint = view.getBigUint64(32, true);
  const redo = view.getBigUint64(40, true);
  if (redo !== checkpoint) return files;
  return files.flatMap((file) => {
    if (!walSegmentName.test(file.path) || !file.data || file.size === undefined) return [file];
    const segmentBytes = BigInt(file.size);
    const segment =
      BigInt(`0x${file.path.slice(7 + 16)}`) +
      BigInt(`0x${file.path.slice(7 + 8, 7 + 16)}`) * (0x100000000n / segmentBytes);
    const segmentStart = segment * segmentBytes;
    if (checkpoint < segmentStart || checkpoint >= segmentStart + segmentBytes) return [];
    const recordPage = Number(((checkpoint - segmentStart) / BigInt(walPage)) * BigInt(walPage));
    const keepUntil = Math.min(recordPage + 2 * walPage, file.data.byteLength);
    const data = new Uint8Array(keepUntil);
    data.set(file.data.subarray(0, Math.min(walPage, keepUntil)));
    data.set(file.data.subarray(recordPage, keepUntil), recordPage);
    return [{ ...file, data: withoutTrailingZeros(data) }];
  });
}

/**
 * The snapshot as bytes for the browser's lab worker (encodeSnapshot), which starts PGlite from
 * them with the same start parameters, so both sides run the same settings.
 */
export function serializeSnapshot(snapshot: DatasetSnapshot): Uint8Array {
  return encodeSnapshot(snapshot.files);
}
