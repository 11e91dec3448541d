// Build cost against content size (part of `npm run bench`): `next build` wall time and peak
// memory for the course as it is, and for the course copied five times (each module copied under a
// new slug and order), each in a temporary copy of the project. Peak memory is GNU time's "maximum
// resident set size": the largest single process of the build, not the sum of its workers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildRow {
  copies: number;
  lessons: number;
  wallSeconds: number;
  peakMemoryMb: number;
}

// Everything the build reads, content excepted (it is copied below).
const skipped = new Set([
  'node_modules',
  '.next',
  '.git',
  '.data',
  'content',
  'bench',
  'test-results',
  'playwright-report',
  'tsconfig.tsbuildinfo',
]);

function copyContent(from: string, to: string, copies: number): number {
  let lessons = 0;
  const modules = fs
    .readdirSync(from, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  for (let copy = 0; copy < copies; copy += 1) {
    for (const moduleSlug of modules) {
      const target = path.join(to, copy === 0 ? moduleSlug : `${moduleSlug}-copy-${copy + 1}`);
      // Lab ids are unique in the course: only the first copy keeps the module's labs.
      const labs = path.join(from, moduleSlug, 'labs');
      fs.cpSync(path.join(from, moduleSlug), target, {
        recursive: true,
        filter: (source) =>
          copy === 0 || !(source === labs || source.startsWith(`${labs}${path.sep}`)),
      });
      const metaFile = path.join(target, 'module.yaml');
      fs.writeFileSync(
        metaFile,
        fs
          .readFileSync(metaFile, 'utf8')
          .replace(/^order: (\d+)$/m, (_, order: string) => `order: ${Number(order) + copy * 100}`),
      );
      lessons += fs.readdirSync(target).filter((file) => file.endsWith('.mdx')).length;
    }
  }
  return lessons;
}

export function benchBuild(copiesList = [1, 5]): BuildRow[] | null {
  if (!fs.existsSync('/usr/bin/time')) return null;
  const root = process.cwd();
  const rows: BuildRow[] = [];
  for (const copies of copiesList) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `backend-path-build-${copies}x-`));
    try {
      for (const file of fs.readdirSync(root)) {
        if (!skipped.has(file))
          fs.cpSync(path.join(root, file), path.join(dir, file), { recursive: true });
      }
      // Turbopack does not follow a symlinked node_modules out of the project; hard links copy
      // no data and look like a real folder.
      if (spawnSync('cp', ['-al', path.join(root, 'node_modules'), dir]).status !== 0)
        fs.cpSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), {
          recursive: true,
        });
      const lessons = copyContent(path.join(root, 'content'), path.join(dir, 'content'), copies);
      const reportFile = path.join(dir, 'time-report.txt');
      const result = spawnSync(
        '/usr/bin/time',
        ['-v', '-o', reportFile, process.execPath, 'node_modules/next/dist/bin/next', 'build'],
        {
          cwd: dir,
          // A plain environment: the bench's own (npm's and tsx's variables) must not leak in.
          env: {
            PATH: '/usr/local/bin:/usr/bin:/bin',
            HOME: os.homedir(),
            NEXT_TELEMETRY_DISABLED: '1',
          } as unknown as NodeJS.ProcessEnv,
          stdio: ['ignore', 'pipe', 'pipe'],
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      if (result.status !== 0)
        throw new Error(
          `next build failed for ${copies}x:\n${`${result.stdout}${result.stderr}`.slice(-3000)}`,
        );
      const report = fs.readFileSync(reportFile, 'utf8');
      const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(report)?.[1];
      const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0);
      rows.push({
        copies,
        lessons,
        wallSeconds: (wall ?? '0')
          .split(':')
          .map(Number)
          .reduce((total, part) => total * 60 + part, 0),
        peakMemoryMb: Math.round(peakKb / 1024),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
