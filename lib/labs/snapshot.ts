// A dataset's database as files: the data directory of a cleanly shut down PGlite, which a new
// PGlite starts from without initdb or recovery. The server's grading workers keep snapshots in
// memory; the browser's lab worker downloads one, built at build time, in the compact binary form
// below. Isomorphic: no Node or DOM APIs, so the browser worker and the server share it.
import { MemoryFS, PGlite } from '@electric-sql/pglite';

export interface SnapshotFile {
  path: string;
  /** A file's size; absent for a directory. */
  size?: number;
  /** The file's bytes without its trailing zeros (WAL segments and table files are mostly zeros). */
  data?: Uint8Array;
}

/** The subset of Emscripten's FS used here. */
export interface EmscriptenFs {
  readdir(path: string): string[];
  stat(path: string): { mode: number };
  isDir(mode: number): boolean;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array, options?: { canOwn?: boolean }): void;
  mkdirTree(path: string): void;
}

export const fsOf = (pg: PGlite) => pg.Module.FS as unknown as EmscriptenFs;

/** Starts a PGlite whose data directory is filled from `files` (copied: the snapshot stays intact). */
export class SnapshotFs extends MemoryFS {
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

const MAGIC = 'BPSNAP2\n';

/** A cheap fingerprint to find files with the same bytes (confirmed byte by byte). */
function fingerprint(bytes: Uint8Array): string {
  let hash = 2166136261;
  for (let index = 0; index < bytes.length; index += 1) {
    hash = Math.imul(hash ^ (bytes[index] as number), 16777619);
  }
  return `${bytes.length}:${hash >>> 0}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let index = 0; index < a.byteLength; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

interface IndexEntry {
  path: string;
  size?: number;
  /** Bytes stored for this file. */
  stored?: number;
  /** The file has the same bytes as the index's entry at this position (template0 and template1). */
  same?: number;
}

/**
 * The snapshot as bytes: a magic line, a JSON index (path, size, stored length per file) and the
 * stored bytes one after another. Trailing zeros are not stored, and a file whose bytes equal an
 * earlier one's is stored once, so it compresses to little.
 */
export function encodeSnapshot(files: SnapshotFile[]): Uint8Array {
  const seen = new Map<string, number[]>();
  const stored: Uint8Array[] = [];
  const index: IndexEntry[] = files.map((file, position) => {
    if (file.size === undefined) return { path: file.path };
    const data = file.data ?? new Uint8Array(0);
    const key = fingerprint(data);
    const twin =
      data.byteLength > 0
        ? seen
            .get(key)
            ?.find((earlier) => sameBytes(files[earlier]?.data ?? new Uint8Array(0), data))
        : undefined;
    if (twin !== undefined) return { path: file.path, size: file.size, same: twin };
    seen.set(key, [...(seen.get(key) ?? []), position]);
    stored.push(data);
    return { path: file.path, size: file.size, stored: data.byteLength };
  });
  const head = new TextEncoder().encode(`${MAGIC}${JSON.stringify(index)}\n`);
  const out = new Uint8Array(
    head.byteLength + stored.reduce((sum, data) => sum + data.byteLength, 0),
  );
  out.set(head, 0);
  let offset = head.byteLength;
  for (const data of stored) {
    out.set(data, offset);
    offset += data.byteLength;
  }
  return out;
}

/** Reads encodeSnapshot's bytes back (the file data are views into `bytes`, not copies). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotFile[] {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error('Not a lab database snapshot');
  const end = bytes.indexOf(10, MAGIC.length);
  if (end < 0) throw new Error('A lab database snapshot without its index');
  const index = JSON.parse(
    new TextDecoder().decode(bytes.subarray(MAGIC.length, end)),
  ) as IndexEntry[];
  let offset = end + 1;
  const files: SnapshotFile[] = [];
  for (const entry of index) {
    if (entry.size === undefined) {
      files.push({ path: entry.path });
    } else if (entry.same !== undefined) {
      files.push({ path: entry.path, size: entry.size, data: files[entry.same]?.data });
    } else {
      const stored = entry.stored ?? 0;
      const data = bytes.subarray(offset, offset + stored);
      offset += stored;
      if (data.byteLength !== stored) throw new Error('A lab database snapshot cut short');
      files.push({ path: entry.path, size: entry.size, data });
    }
  }
  return files;
}
