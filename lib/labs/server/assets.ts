// What the browser's SQL lab panels download, built before `next build` and `next dev` by
// `npm run labs:build` into public/labs/ (not committed):
// - runtime/<hash>/: the lab worker (workers/sql-lab.ts bundled), PGlite's WebAssembly and files;
// - <lab-id>/<hash>/lab.json: the tasks as the browser may see them, each with what the reference
//   produced on the visible data (Check compares against it); no reference SQL, no wrong answers;
// - <lab-id>/<hash>/seed.bin.gz: the visible dataset's database snapshot (schema.sql + seed.sql,
//   analyzed), so the browser starts PostgreSQL from it instead of running initdb;
// - manifest.json: the versioned addresses, read by <SqlLab> when the lesson is prerendered.
// Hidden datasets are never read here. Folders are named by a hash of what made them, so a lab
// that did not change is not built again and browsers may cache the files forever.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import { computeTaskExpectation } from '@/lib/labs/grade';
import { toPublicLab } from '@/lib/labs/format';
import type { BrowserLab, LabAssets } from '@/lib/labs/protocol';
import type { CatalogLab } from './catalog';
import { buildSnapshot, openSnapshotSandbox, serializeSnapshot } from './sandbox';

export interface LabManifest {
  runtime: Pick<LabAssets, 'worker' | 'wasm' | 'data'>;
  labs: Record<string, Pick<LabAssets, 'lab' | 'snapshot'>>;
}

export const labAssetsDir = () =>
  path.join(/*turbopackIgnore: true*/ process.cwd(), 'public', 'labs');
const manifestFile = (dir: string) => path.join(dir, 'manifest.json');

const hashOf = (...parts: (string | Uint8Array)[]) => {
  const hash = crypto.createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('base64url').slice(0, 12);
};

/**
 * A hash of what a lab's built files depend on besides the lab itself: lib/labs (the grading code,
 * which the browser runs too, and the server's snapshot code) and PGlite's WebAssembly. An edit to either rebuilds every lab's files.
 */
export function labCodeHash(): string {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'labs');
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  return hashOf(
    ...files.map((name) => fs.readFileSync(path.join(dir, name))),
    fs.readFileSync(path.join(dist, 'pglite.wasm')),
  );
}

async function buildBrowserLab(lab: CatalogLab): Promise<{ json: string; snapshot: Uint8Array }> {
  const seed = lab.datasets.find((dataset) => !dataset.hidden);
  if (!seed) throw new Error(`${lab.file}: no visible dataset`);
  const snapshot = await buildSnapshot([lab.schema, seed]);
  const publicLab = toPublicLab(lab.lab);
  const tasks: BrowserLab['tasks'] = [];
  for (const [index, task] of lab.lab.tasks.entries()) {
    const sandbox = await openSnapshotSandbox(snapshot);
    try {
      const { expectation } = await computeTaskExpectation(task, sandbox, {
        name: 'seed',
        hidden: false,
      });
      tasks.push({ ...(publicLab.tasks[index] as (typeof publicLab.tasks)[number]), expectation });
    } finally {
      await sandbox.close();
    }
  }
  const browserLab: BrowserLab = { id: lab.id, title: lab.lab.title, tasks };
  return { json: JSON.stringify(browserLab), snapshot: serializeSnapshot(snapshot) };
}

/**
 * Writes the runtime and every lab's files under `outDir` (labs unchanged since the last build are
 * kept), removes what no lab uses any more, and writes the manifest.
 */
export async function buildLabAssets({
  labs,
  worker,
  outDir = labAssetsDir(),
  log = () => undefined,
}: {
  labs: CatalogLab[];
  /** The bundled lab worker's code. */
  worker: Uint8Array;
  outDir?: string;
  log?: (line: string) => void;
}): Promise<LabManifest> {
  fs.mkdirSync(outDir, { recursive: true });
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const wasm = fs.readFileSync(path.join(dist, 'pglite.wasm'));
  const data = fs.readFileSync(path.join(dist, 'pglite.data'));
  const runtimeHash = hashOf(worker, wasm, data);
  const runtimeDir = path.join(outDir, 'runtime', runtimeHash);
  if (!fs.existsSync(runtimeDir)) {
    fs.mkdirSync(runtimeDir, { recursive: true });
    fs.writeFileSync(path.join(runtimeDir, 'sql-lab-worker.js'), worker);
    fs.writeFileSync(path.join(runtimeDir, 'pglite.wasm'), wasm);
    fs.writeFileSync(path.join(runtimeDir, 'pglite.data'), data);
  }
  const manifest: LabManifest = {
    runtime: {
      worker: `/labs/runtime/${runtimeHash}/sql-lab-worker.js`,
      wasm: `/labs/runtime/${runtimeHash}/pglite.wasm`,
      data: `/labs/runtime/${runtimeHash}/pglite.data`,
    },
    labs: {},
  };
  const keep = new Set([path.join(outDir, 'runtime', runtimeHash)]);
  const codeHash = labCodeHash();
  for (const lab of labs) {
    const labHash = hashOf(lab.version, codeHash);
    const labDir = path.join(outDir, lab.id, labHash);
    keep.add(labDir);
    if (!fs.existsSync(path.join(labDir, 'seed.bin.gz'))) {
      const began = Date.now();
      const built = await buildBrowserLab(lab);
      fs.mkdirSync(labDir, { recursive: true });
      fs.writeFileSync(path.join(labDir, 'lab.json'), built.json);
      fs.writeFileSync(
        path.join(labDir, 'seed.bin.gz'),
        zlib.gzipSync(built.snapshot, { level: 9 }),
      );
      log(`${lab.id}: built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
    manifest.labs[lab.id] = {
      lab: `/labs/${lab.id}/${labHash}/lab.json`,
      snapshot: `/labs/${lab.id}/${labHash}/seed.bin.gz`,
    };
  }
  // Remove older versions and labs that are gone.
  for (const top of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (!top.isDirectory()) continue;
    const topDir = path.join(outDir, top.name);
    for (const version of fs.readdirSync(topDir)) {
      const versionDir = path.join(topDir, version);
      if (!keep.has(versionDir)) fs.rmSync(versionDir, { recursive: true, force: true });
    }
    if (fs.readdirSync(topDir).length === 0) fs.rmSync(topDir, { recursive: true, force: true });
  }
  fs.writeFileSync(manifestFile(outDir), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The addresses a lab panel needs, from the manifest; null when the lab's files were not built. */
export function readLabAssets(labId: string, outDir = labAssetsDir()): LabAssets | null {
  let manifest: LabManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile(outDir), 'utf8')) as LabManifest;
  } catch {
    return null;
  }
  const lab = manifest.labs[labId];
  return lab ? { ...manifest.runtime, ...lab } : null;
}
