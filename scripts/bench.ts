// npm run bench: Backend Path's figures, printed as tables and written to bench/results.json.
// 1. page weight (gzip JS, CSS, HTML of each prerendered page next to the build's floor);
// 2. search latency over the full course, and what the search dialog downloads and loads; 3. cohort dashboard server time at 200, 2,000 and
// 10,000 learners; 4. progress writes under load (autocannon, 50 signed-in users) against the raw
// upsert; 5. lesson page serving against the floor page; 6. Lighthouse; 7. the SQL labs (a
// lesson's JS with and without a lab, server grading at 20 concurrent submitters, opening a lab in
// Chromium: scripts/bench-labs.ts); 8. `next build` cost for the course and the course copied five
// times. Each timed figure is the median of several runs,
// with min and max (the build is run once per size). Builds first when there is no production build.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { listModules } from '@/lib/content';
import { getDatabaseConfig, parseEnv } from '@/lib/env';
import { deferredScriptsElementId } from '@/lib/first-paint-loader';
import { benchCohorts, type CohortBenchRow } from './bench-cohorts';
import { benchBuild } from './bench-build';
import { benchLabOpen, benchGradingLabs, printLabBench } from './bench-labs';
import { benchLighthouse, type LighthouseRow } from './bench-lighthouse';
import { benchSearch, printSearch } from './bench-search';
import {
  benchProgressWrites,
  benchServing,
  type WriteLoadRow,
  writeP99BudgetMs,
} from './bench-load';
import { payloadUrlPrefix } from './lib/first-paint';
import { startServer } from './lib/standalone';

const root = process.cwd();
// The pages as served: the standalone copies, after scripts/prepare-standalone.ts rewrote them.
const standaloneDir = path.join(root, '.next', 'standalone');
const appDir = path.join(standaloneDir, '.next', 'server', 'app');

function ensureBuild() {
  const standalone = path.join(root, '.next', 'standalone', 'server.js');
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(standalone)) return;
  console.log('No production build found: running `npm run build` first.\n');
  execSync('npm run build', { stdio: 'inherit' });
}

function listHtml(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return listHtml(file);
    return entry.name.endsWith('.html') ? [file] : [];
  });
}

const gzipSize = (data: Buffer | string) => zlib.gzipSync(data).length;

function assetsOf(html: string, pattern: RegExp): string[] {
  return [
    ...new Set(
      [...html.matchAll(pattern)]
        .map((match) => match[1]!)
        .filter((src) => src.startsWith('/_next/static/')),
    ),
  ];
}

interface PageWeight {
  route: string;
  jsFiles: number;
  jsGzip: number;
  cssGzip: number;
  htmlGzip: number;
  /** React's payload, moved out of the HTML into a script requested after the first paint. */
  payloadGzip: number;
}

function measure(file: string): PageWeight {
  const html = fs.readFileSync(file, 'utf8');
  // Modern browsers skip noModule scripts (the legacy polyfills), so they are not counted.
  const modernHtml = html.replace(/<script[^>]*noModule[^>]*><\/script>/gi, '');
  // Scripts in the markup, and those the first-paint loader requests (scripts/lib/first-paint.ts).
  // The loader reads its list from a JSON data element (lib/first-paint-loader.ts).
  const loaded = new RegExp(
    `<script type="application/json" id="${deferredScriptsElementId}">([^<]*)</script>`,
  ).exec(html)?.[1];
  const deferred = loaded ? (JSON.parse(loaded) as string[]) : [];
  if (!loaded && /<script>\(function\(\)\{var s=/.test(html)) {
    throw new Error(`${file}: the first-paint loader is there but its script list was not found`);
  }
  const scripts = assetsOf(modernHtml, /<script[^>]+src="([^"]+\.js)"/g)
    .concat(assetsOf(modernHtml, /<link[^>]+href="([^"]+\.js)"[^>]*as="script"/g))
    .concat(deferred.filter((src) => !src.startsWith(payloadUrlPrefix)));
  const uniqueScripts = [...new Set(scripts)];
  const payloads = deferred.filter((src) => src.startsWith(payloadUrlPrefix));
  const styles = assetsOf(html, /<link[^>]+href="([^"]+\.css)"/g);
  const read = (src: string) =>
    fs.readFileSync(path.join(standaloneDir, '.next', src.replace(/^\/_next\//, '')));
  const route =
    '/' +
    path
      .relative(appDir, file)
      .replace(/\.html$/, '')
      .replace(/(^|\/)index$/, '');
  return {
    route: route === '/' ? '/' : route.replace(/\/$/, ''),
    jsFiles: uniqueScripts.length,
    jsGzip: uniqueScripts.reduce((sum, src) => sum + gzipSize(read(src)), 0),
    cssGzip: styles.reduce((sum, src) => sum + gzipSize(read(src)), 0),
    htmlGzip: gzipSize(html),
    payloadGzip: payloads.reduce((sum, src) => sum + gzipSize(read(src)), 0),
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function printPageWeight(): { pages: PageWeight[]; floor: PageWeight } {
  const pages = listHtml(appDir)
    .filter((file) => !path.basename(file).startsWith('_global-error'))
    .map(measure)
    .sort((a, b) => a.route.localeCompare(b.route));
  const floor = pages.reduce((smallest, page) => (page.jsGzip < smallest.jsGzip ? page : smallest));
  console.log(
    'Page weight (gzip, KB) as served: JavaScript the prerendered page loads, CSS, the HTML itself, and\n' +
      "React's payload (moved out of the HTML, requested after the first paint with the JavaScript)",
  );
  console.log(
    `Floor = smallest JavaScript of any page in this build: ${floor.route} (${kb(floor.jsGzip)} KB)\n`,
  );
  const header = ['page', 'JS files', 'JS', 'JS above floor', 'CSS', 'HTML', 'payload'];
  const rows = pages.map((page) => [
    page.route,
    String(page.jsFiles),
    kb(page.jsGzip),
    kb(page.jsGzip - floor.jsGzip),
    kb(page.cssGzip),
    kb(page.htmlGzip),
    kb(page.payloadGzip),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ');
  console.log(format(header));
  for (const row of rows) console.log(format(row));
  return { pages, floor };
}

/** A lesson's initial JavaScript with a lab next to one without (same route, same build). */
function printLabWeight(pages: PageWeight[]) {
  const withLab = pages.find((page) => page.route === '/learn/databases/everyday-sql');
  const withoutLab = pages.find((page) => page.route === '/learn/databases/beyond-relational');
  if (!withLab || !withoutLab) return null;
  const difference = withLab.jsGzip - withoutLab.jsGzip;
  console.log(
    `\nLesson JS with a lab (${withLab.route}) ${kb(withLab.jsGzip)} KB, without (${withoutLab.route}) ${kb(withoutLab.jsGzip)} KB: ${difference >= 0 ? '+' : ''}${kb(difference)} KB (budget: within 1 KB)`,
  );
  return difference;
}

async function main() {
  // `npm run bench -- search`: the search section alone (it needs no build).
  if (process.argv.slice(2).includes('search')) {
    printSearch(await benchSearch());
    return;
  }
  // `npm run bench -- labs`: the SQL labs' figures alone, from the last build (or a new one).
  if (process.argv.slice(2).includes('labs')) {
    ensureBuild();
    printLabWeight(printPageWeight().pages);
    printLabBench(await benchGradingLabs(), await benchLabOpen());
    return;
  }
  // `npm run bench -- weight`: what each prerendered page weighs, from the last build (or a new one).
  if (process.argv.slice(2).includes('weight')) {
    ensureBuild();
    printPageWeight();
    return;
  }
  ensureBuild();
  const { pages, floor } = printPageWeight();
  const search = await benchSearch();
  printSearch(search);
  console.log('\nCohort dashboard server time (5 runs each, aggregate queries + assembly):');
  const cohortRows: CohortBenchRow[] = await benchCohorts({
    driver: 'pglite',
    dataDir: 'memory://',
  });
  const server = getDatabaseConfig(parseEnv());
  if (server.driver !== 'pglite') cohortRows.push(...(await benchCohorts(server)));
  for (const row of cohortRows) {
    console.log(
      `  ${row.driver.padEnd(7)} ${String(row.learners).padStart(6)} learners: median ${row.medianMs.toFixed(0)} ms (min ${row.minMs.toFixed(0)}, max ${row.maxMs.toFixed(0)})`,
    );
  }

  console.log(
    '\nProgress writes: PUT /api/progress from 50 signed-in users (autocannon, 3 runs of 5 s) and paced (3 runs of 10 s, evenly spaced, latency from when each write was due), next to the same upsert issued directly:',
  );
  const writeRows: WriteLoadRow[] = [await benchProgressWrites('pglite', 4501)];
  if (server.driver === 'pg') writeRows.push(await benchProgressWrites('pg', 4502));
  else console.log('  (set DATABASE_URL to measure the Postgres server too)');
  const fmt = (value: { median: number; min: number; max: number }, digits = 0) =>
    `${value.median.toFixed(digits)} (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
  for (const row of writeRows) {
    console.log(
      `  ${row.driver.padEnd(7)} saturated: ${fmt(row.appRps)} req/s, p50 ${fmt(row.p50Ms)} ms, p99 ${fmt(row.p99Ms)} ms; ` +
        `paced at ${row.pacedRate}/s: p50 ${fmt(row.pacedP50Ms)} ms, p99 ${fmt(row.pacedP99Ms)} ms ` +
        `(the upsert alone at that pace: p99 ${fmt(row.rawPacedP99Ms)} ms); ` +
        (row.capacity
          ? `p99 under ${writeP99BudgetMs} ms up to ${row.capacity.rate}/s (p99 ${row.capacity.p99Ms.toFixed(0)} ms); `
          : `p99 over ${writeP99BudgetMs} ms from the first paced rate tried; `) +
        `raw upsert ${fmt(row.rawOpsPerSecond)} ops/s; app/raw ${row.ratio.toFixed(3)}; errors ${row.errors}`,
    );
  }

  // The floor page for serving: the static page with the least JavaScript (not the 404 page).
  const servingFloor = pages
    .filter((page) => !page.route.startsWith('/_') && !page.route.includes('['))
    .reduce((smallest, page) => (page.htmlGzip < smallest.htmlGzip ? page : smallest));
  // The lesson page "with tabs and quiz": the first lesson in course order that has tabs
  // (every lesson has a quiz).
  const lessonRoute =
    listModules()
      .flatMap((courseModule) => courseModule.lessons)
      .find((lesson) => lesson.body.includes('<Tabs'))?.href ?? '/learn/the-role/the-unseen-layer';
  console.log(
    `\nServing: ${lessonRoute} against the floor page ${servingFloor.route} (autocannon, 20 connections, brotli and gzip accepted, 3 runs of 5 s):`,
  );
  // The third row is the same lesson through Next.js's own path (a query string skips the
  // precompressed copy), which compresses on every request: what the precompressed copy saves.
  const serving = await benchServing(
    [servingFloor.route, lessonRoute, `${lessonRoute}?via=next`],
    4503,
  );
  for (const row of serving) {
    console.log(
      `  ${row.route.padEnd(40)} ${fmt(row.rps)} req/s, p99 ${fmt(row.p99Ms)} ms, ${kb(row.bytesPerRequest)} KB a response` +
        (row.serverCpuUsPerRequest
          ? `, server CPU ${fmt(row.serverCpuUsPerRequest)} µs a request`
          : ''),
    );
  }
  const servingRatio = serving[1]!.rps.median / serving[0]!.rps.median;
  // The load generator shares the two cores and spends more per byte than the server: the
  // server's own CPU per request says what one instance could serve on its own cores.
  const floorCpu = serving[0]!.serverCpuUsPerRequest?.median;
  const lessonCpu = serving[1]!.serverCpuUsPerRequest?.median;
  const servingCpuRatio = floorCpu && lessonCpu ? floorCpu / lessonCpu : null;
  console.log(
    `  lesson / floor: ${servingRatio.toFixed(2)} (budget at least 0.6)` +
      (servingCpuRatio ? `, by server CPU per request ${servingCpuRatio.toFixed(2)}` : '') +
      `; precompressed lesson / the same lesson compressed by Next.js: ${(serving[1]!.rps.median / serving[2]!.rps.median).toFixed(1)}x`,
  );

  const lighthouseRoutes = ['/', lessonRoute, '/learn'];
  console.log(
    `\nLighthouse (mobile preset, system Chromium, 3 runs each): performance / accessibility / best practices / SEO, LCP and TBT:`,
  );
  const lighthouseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-lighthouse-'));
  const lighthouseServer = await startServer(
    4504,
    { pgliteDir: lighthouseDir },
    { LOG_LEVEL: 'warn' },
  );
  let lighthouseRows: LighthouseRow[] | null;
  try {
    lighthouseRows = await benchLighthouse(lighthouseServer.url, lighthouseRoutes);
  } finally {
    await lighthouseServer.stop('SIGTERM');
    fs.rmSync(lighthouseDir, { recursive: true, force: true });
  }
  if (!lighthouseRows) {
    console.log('  skipped: no Chromium found (install it, or set CHROME_PATH)');
  } else {
    for (const row of lighthouseRows) {
      console.log(
        `  ${row.route.padEnd(40)} ${row.performance.median} / ${row.accessibility.median} / ${row.bestPractices.median} / ${row.seo.median}, ` +
          `LCP ${fmt(row.lcpMs)} ms, TBT ${fmt(row.tbtMs)} ms`,
      );
    }
  }

  const labWeight = printLabWeight(pages);
  const labGrading = await benchGradingLabs();
  const labOpen = await benchLabOpen();
  printLabBench(labGrading, labOpen);

  console.log(
    '\nBuild cost: `next build` wall time and peak memory (largest process), the course and the course copied 5 times:',
  );
  const buildRows = benchBuild([1, 5]);
  if (!buildRows) console.log('  skipped: /usr/bin/time (GNU time) is not installed');
  for (const row of buildRows ?? []) {
    console.log(
      `  ${row.copies}x (${row.lessons} lessons): ${row.wallSeconds.toFixed(1)} s, peak ${row.peakMemoryMb} MB`,
    );
  }

  // The budgets of issue 7, each against its figure.
  const lessonWeight = pages.find((page) => page.route === lessonRoute);
  const lessonPages = pages.filter((page) => page.route.startsWith('/learn/'));
  const largestLesson = lessonPages.reduce((largest, page) =>
    page.htmlGzip > largest.htmlGzip ? page : largest,
  );
  const pgWrites = writeRows.find((row) => row.driver === 'pg');
  const budgets: { budget: string; measured: string; holds: boolean | null }[] = [
    {
      budget: 'Lesson JS above the floor <= 15 KB',
      measured: lessonWeight ? `${kb(lessonWeight.jsGzip - floor.jsGzip)} KB` : 'not measured',
      holds: lessonWeight ? lessonWeight.jsGzip - floor.jsGzip <= 15 * 1024 : null,
    },
    {
      budget: 'Lesson CSS <= 8 KB gzip',
      measured: lessonWeight ? `${kb(lessonWeight.cssGzip)} KB` : 'not measured',
      holds: lessonWeight ? lessonWeight.cssGzip <= 8 * 1024 : null,
    },
    {
      budget: 'Lesson HTML <= 15 KB gzip',
      measured: lessonWeight
        ? `${kb(lessonWeight.htmlGzip)} KB (+ ${kb(lessonWeight.payloadGzip)} KB payload after paint); ` +
          `all lessons: ${lessonPages.filter((page) => page.htmlGzip <= 15 * 1024).length} of ${lessonPages.length} within, ` +
          `largest ${kb(largestLesson.htmlGzip)} KB (${largestLesson.route})`
        : 'not measured',
      holds: lessonWeight ? lessonWeight.htmlGzip <= 15 * 1024 : null,
    },
    {
      budget: 'Lighthouse >= 98 / 100 / 100 / 100',
      measured: lighthouseRows
        ? lighthouseRows
            .map(
              (row) =>
                `${row.route} ${row.performance.median}/${row.accessibility.median}/${row.bestPractices.median}/${row.seo.median}`,
            )
            .join(', ')
        : 'skipped',
      holds: lighthouseRows
        ? lighthouseRows.every(
            (row) =>
              row.performance.median >= 98 &&
              row.accessibility.median === 100 &&
              row.bestPractices.median === 100 &&
              row.seo.median === 100,
          )
        : null,
    },
    {
      budget: 'LCP < 1.5 s',
      measured: lighthouseRows
        ? lighthouseRows
            .map((row) => `${row.route} ${(row.lcpMs.median / 1000).toFixed(2)} s`)
            .join(', ')
        : 'skipped',
      holds: lighthouseRows ? lighthouseRows.every((row) => row.lcpMs.median < 1500) : null,
    },
    {
      budget: `Postgres server write p99 < ${writeP99BudgetMs} ms, 50 users writing flat out`,
      measured: pgWrites
        ? `${pgWrites.p99Ms.median.toFixed(0)} ms at ${pgWrites.appRps.median.toFixed(0)} req/s`
        : 'no DATABASE_URL',
      holds: pgWrites ? pgWrites.p99Ms.median < writeP99BudgetMs : null,
    },
    {
      budget: `Postgres server write p99 < ${writeP99BudgetMs} ms, 50 users at ${pgWrites?.pacedRate ?? 20} writes/s`,
      measured: pgWrites
        ? `${pgWrites.pacedP99Ms.median.toFixed(0)} ms (the upsert alone: ${pgWrites.rawPacedP99Ms.median.toFixed(0)} ms); within budget up to ${pgWrites.capacity?.rate ?? 0} writes/s`
        : 'no DATABASE_URL',
      holds: pgWrites ? pgWrites.pacedP99Ms.median < writeP99BudgetMs : null,
    },
    {
      budget: 'A lesson with an SQL lab: initial JS within 1 KB of one without',
      measured: labWeight === null ? 'not measured' : `${kb(labWeight)} KB`,
      holds: labWeight === null ? null : Math.abs(labWeight) <= 1024,
    },
    {
      budget: 'SQL lab editor ready after Open < 1.5 s warm, < 3 s cold',
      measured: labOpen
        ? `warm ${labOpen.warmMs.median} ms, cold ${labOpen.coldMs.median} ms; PostgreSQL ready warm ${labOpen.warmDatabaseMs.median} ms, cold ${labOpen.coldDatabaseMs.median} ms (${(labOpen.coldBytes / 1024 / 1024).toFixed(1)} MB fetched cold)`
        : 'not measured (no Chromium)',
      holds: labOpen ? labOpen.warmMs.median < 1500 && labOpen.coldMs.median < 3000 : null,
    },
    {
      budget: 'SQL lab grading p95 < 500 ms at 20 concurrent submitters',
      measured: labGrading
        .map(
          (lab) =>
            `${lab.labId}: p95 ${lab.p95Ms.toFixed(0)} ms, p50 ${lab.p50Ms.toFixed(0)} ms (${lab.threads} threads)`,
        )
        .join('; '),
      holds: labGrading.every((lab) => lab.p95Ms < 500),
    },
    {
      budget: 'SQL lab grading pool memory < 512 MB',
      measured: labGrading
        .map((lab) => `${lab.labId}: ${lab.poolMemoryMb.toFixed(0)} MB`)
        .join('; '),
      holds: labGrading.every((lab) => lab.poolMemoryMb < 512),
    },
    {
      budget: 'Lesson serving >= 0.6 of the floor page',
      measured:
        `${servingRatio.toFixed(2)} in requests a second` +
        (servingCpuRatio ? ` (${servingCpuRatio.toFixed(2)} by the server's CPU per request)` : ''),
      holds: servingRatio >= 0.6,
    },
  ];
  console.log('\nBudgets:');
  for (const row of budgets)
    console.log(
      `  ${(row.holds === null ? 'n/a' : row.holds ? 'holds' : 'FAILS').padEnd(6)} ${row.budget}: ${row.measured}`,
    );

  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench', 'results.json'),
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        pageWeight: { floor: floor.route, pages },
        search,
        cohortDashboard: cohortRows,
        progressWrites: writeRows,
        serving: { rows: serving, lessonToFloor: servingRatio, byServerCpu: servingCpuRatio },
        lighthouse: lighthouseRows,
        build: buildRows,
        labs: { lessonJsWithLabMinusWithout: labWeight, grading: labGrading, open: labOpen },
        budgets,
      },
      null,
      2,
    ) + '\n',
  );
  console.log('\nWritten to bench/results.json');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
