// What the grading workers would otherwise make on their first submission for a lab, made once by
// `npm run labs:build` instead: each dataset's snapshot (visible and hidden) and what the reference
// solution gives on it for every task. A worker then only reads these files; it never runs initdb
// or a dataset's SQL, which took 1-2 s per dataset and left about 400 MB of its memory behind.
//
// The files hold hidden data, so they live in .labs/ (gitignored, never under public/; the build's
// leak scan covers everything that is served), and the standalone server gets its own copy
// (scripts/prepare-standalone.ts). A lab whose files changed after the build (its version differs
// from the manifest's) is graded as before: the worker builds its snapshots itself.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { computeTaskExpectation, type TaskExpectation } from '@/lib/labs/grade';
import { decodeSnapshot } from '@/lib/labs/snapshot';
import type { CatalogLab } from './catalog';
import {
  buildSnapshot,
  openSnapshotSandbox,
  serializeSnapshot,
  type DatasetSnapshot,
} from './sandbox';

export const gradingDataDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), '.labs');

interface GradingManifest {
  /** Per lab: the version the files were built from, and their folder (relative to the manifest). */
  labs: Record<string, { version: string; dir: string }>;
}

/** expectations.json: per dataset name, per task id, what the reference gives. */
export type DatasetExpectations = Record<string, Record<string, TaskExpectation>>;

const snapshotFile = (name: string) => `${name.replace(/[^a-z0-9-]/gi, '_')}.bin.gz`;
const expectationsFile = 'expectations.json';

/** Writes every lab's grading files under `outDir` (unchanged labs are kept) and the manifest. */
export async function buildGradingData({
  labs,
  codeHash,
  outDir = gradingDataDir(),
  log = () => undefined,
}: {
  labs: CatalogLab[];
  /** A hash of the grading code and PGlite: a change to either rebuilds every lab's files. */
  codeHash: string;
  outDir?: string;
  log?: (line: string) => void;
}): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const manifest: GradingManifest = { labs: {} };
  const keep = new Set<string>();
  for (const lab of labs) {
    const hash = crypto
      .createHash('sha256')
      .update(`${lab.version}/${codeHash}`)
      .digest('base64url')
      .slice(0, 12);
    const dir = path.join(lab.id, hash);
    keep.add(dir);
    const labDir = path.join(outDir, dir);
    if (!fs.existsSync(path.join(labDir, expectationsFile))) {
      const began = Date.now();
      fs.mkdirSync(labDir, { recursive: true });
      const expectations: DatasetExpectations = {};
      for (const dataset of lab.datasets) {
        const snapshot = await buildSnapshot([lab.schema, dataset]);
        expectations[dataset.name] = {};
        for (const task of lab.lab.tasks) {
          const sandbox = await openSnapshotSandbox(snapshot);
          try {
            const { expectation } = await computeTaskExpectation(task, sandbox, dataset);
            expectations[dataset.name]![task.id] = expectation;
          } finally {
            await sandbox.close();
          }
        }
        fs.writeFileSync(
          path.join(labDir, snapshotFile(dataset.name)),
          zlib.gzipSync(serializeSnapshot(snapshot), { level: 6 }),
        );
      }
      // Written last: its presence says the folder is complete.
      fs.writeFileSync(path.join(labDir, expectationsFile), JSON.stringify(expectations));
      log(`${lab.id}: grading data built in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
    manifest.labs[lab.id] = { version: lab.version, dir: dir.split(path.sep).join('/') };
  }
  for (const top of fs.readdirSync(outDir, { withFileTypes: true })) {
    if (!top.isDirectory()) continue;
    for (const version of fs.readdirSync(path.join(outDir, top.name))) {
      if (!keep.has(path.join(top.name, version))) {
        fs.rmSync(path.join(outDir, top.name, version), { recursive: true, force: true });
      }
    }
    if (fs.readdirSync(path.join(outDir, top.name)).length === 0) {
      fs.rmSync(path.join(outDir, top.name), { recursive: true, force: true });
    }
  }
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * The folder of a lab's grading files, when they were built from this version of the lab; else
 * null (the lab changed since the build, or labs:build did not run).
 */
export function findGradingData(lab: CatalogLab, outDir = gradingDataDir()): string | null {
  let manifest: GradingManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  const entry = manifest.labs?.[lab.id];
  if (!entry || entry.version !== lab.version) return null;
  const dir = path.join(outDir, entry.dir);
  return fs.existsSync(path.join(dir, expectationsFile)) ? dir : null;
}

/** A dataset's snapshot from a grading data folder. */
export async function readDatasetSnapshot(dir: string, name: string): Promise<DatasetSnapshot> {
  const bytes = zlib.gunzipSync(await fs.promises.readFile(path.join(dir, snapshotFile(name))));
  const files = decodeSnapshot(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { files, bytes: bytes.byteLength };
}

/** Every dataset's expectations from a grading data folder. */
export async function readExpectations(dir: string): Promise<DatasetExpectations> {
  return JSON.parse(
    await fs.promises.readFile(path.join(dir, expectationsFile), 'utf8'),
  ) as DatasetExpectations;
}
