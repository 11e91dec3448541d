// The browser's side of SQL labs, run in Node: `npm run labs:build`'s files for the fixture lab
// (lib/labs/server/assets.ts), and the lab session the browser's worker drives (lib/labs/session.ts)
// started from them as the worker starts it: Run keeps the learner's session, Check grades on a
// fresh copy with the server's functions, Reset starts over. Nothing hidden is in the files.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserLab } from '@/lib/labs/protocol';
import { buildLabAssets, readLabAssets } from '@/lib/labs/server/assets';
import { loadLabCatalog, type CatalogLab } from '@/lib/labs/server/catalog';
import { LabSession } from '@/lib/labs/session';
import { decodeSnapshot } from '@/lib/labs/snapshot';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lab-assets-'));
const worker = new TextEncoder().encode(
  '// the bundled worker (built by scripts/lib/build-workers.ts)',
);
let lab: CatalogLab;
let session: LabSession;

const fileOf = (url: string) => path.join(outDir, url.replace(/^\/labs\//, ''));

beforeAll(async () => {
  lab = loadLabCatalog(path.resolve('tests/fixtures/labs/content')).get(
    'example-shop',
  ) as CatalogLab;
  await buildLabAssets({ labs: [lab], worker, outDir });
  const assets = readLabAssets('example-shop', outDir);
  if (!assets) throw new Error('no manifest entry for the fixture lab');
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const browserLab = JSON.parse(fs.readFileSync(fileOf(assets.lab), 'utf8')) as BrowserLab;
  const files = decodeSnapshot(
    new Uint8Array(zlib.gunzipSync(fs.readFileSync(fileOf(assets.snapshot)))),
  );
  session = new LabSession(
    {
      wasmModule: await WebAssembly.compile(fs.readFileSync(fileOf(assets.wasm))),
      fsBundle: new Blob([fs.readFileSync(path.join(dist, 'pglite.data'))]),
    },
    files,
    browserLab,
  );
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('the files the lab panel downloads', () => {
  it('hold the tasks with their visible expectations, and nothing hidden', () => {
    const assets = readLabAssets('example-shop', outDir);
    expect(assets?.worker).toMatch(/^\/labs\/runtime\/[\w-]+\/sql-lab-worker\.js$/);
    const text = fs
      .readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const bytes = fs.readFileSync(file);
        return (file.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('latin1');
      })
      .join('\n');
    expect(text).toContain('Revenue per customer');
    // A hidden dataset's value, a reference solution's text and a wrong answer's text.
    expect(text).not.toContain('Marker-Hidden-Customer');
    expect(text).not.toContain(lab.lab.tasks[0]?.solution.trim().split('\n')[0]);
    expect(text).not.toContain('JOIN orders AS o ON o.customer_id = c.id\n        GROUP');
    const browserLab = JSON.parse(
      fs.readFileSync(fileOf(assets?.lab ?? ''), 'utf8'),
    ) as BrowserLab & { tasks: Record<string, unknown>[] };
    for (const task of browserLab.tasks) {
      expect(Object.keys(task).sort()).toEqual(
        [
          'checks',
          'expectation',
          'id',
          'prompt',
          'starter',
          'title',
          ...('hint' in task ? ['hint'] : []),
        ].sort(),
      );
    }
  });

  it('are not built again when the lab has not changed', async () => {
    const manifest = fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8');
    const assets = readLabAssets('example-shop', outDir);
    const before = fs.statSync(fileOf(assets?.snapshot ?? '')).mtimeMs;
    await buildLabAssets({ labs: [lab], worker, outDir });
    expect(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(fs.statSync(fileOf(assets?.snapshot ?? '')).mtimeMs).toBe(before);
  });
});

describe('the lab session in the browser worker', () => {
  it('runs SQL with the result, row count and an open transaction kept', async () => {
    const view = await session.run('BEGIN; SELECT name FROM customers ORDER BY name LIMIT 2;');
    expect(view.failure).toBeNull();
    expect(view.statements.at(-1)?.fields).toEqual(['name']);
    expect(view.statements.at(-1)?.rowCount).toBe(2);
    expect(view.inTransaction).toBe(true);
    await session.run('ROLLBACK');
  }, 60_000);

  it('reports a Postgres error with its SQLSTATE, line and position', async () => {
    const view = await session.run('SELECT 1;\nSELECT nme FROM customers;');
    expect(view.statements).toHaveLength(1);
    expect(view.failure).toMatchObject({ kind: 'error', sqlstate: '42703', line: 2 });
    expect(view.failure?.position).toBe(18);
  }, 60_000);

  it('checks the reference answer as passing and the starter as failing, with what differs', async () => {
    const task = lab.lab.tasks[0];
    if (!task) throw new Error('the fixture lab has no task');
    const right = await session.check(task.id, task.solution);
    expect(right.passed).toBe(true);
    const starter = await session.check(task.id, task.starter);
    expect(starter.passed).toBe(false);
    expect(starter.checks[0]?.messages.join(' ')).toMatch(/column/i);
  }, 60_000);

  it('checks on a fresh copy, whatever Run did to the learner database, and Reset starts over', async () => {
    await session.run('DELETE FROM orders');
    const task = lab.lab.tasks[0];
    expect((await session.check(task?.id ?? '', task?.solution ?? '')).passed).toBe(true);
    expect((await session.run('SELECT count(*) FROM orders')).statements[0]?.rows).toEqual([['0']]);
    await session.reset();
    const after = await session.run('SELECT count(*) FROM orders');
    expect(after.statements[0]?.rows[0]?.[0]).not.toBe('0');
  }, 60_000);
});
