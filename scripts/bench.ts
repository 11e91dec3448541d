// npm run bench: measures what pages cost the browser. For now: the gzip size of the JavaScript,
// CSS and HTML each prerendered page loads, next to the smallest page of the same build (the
// framework's floor). Builds first when there is no production build.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { getSearchIndex, searchCourse } from '@/lib/content/search';
import { getDatabaseConfig, parseEnv } from '@/lib/env';
import { benchCohorts, type CohortBenchRow } from './bench-cohorts';

const root = process.cwd();
const appDir = path.join(root, '.next', 'server', 'app');

function ensureBuild() {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(appDir)) return;
  console.log('No production build found: running `next build` first.\n');
  execSync('npx next build', { stdio: 'inherit' });
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
}

function measure(file: string): PageWeight {
  const html = fs.readFileSync(file, 'utf8');
  // Modern browsers skip noModule scripts (the legacy polyfills), so they are not counted.
  const modernHtml = html.replace(/<script[^>]*noModule[^>]*><\/script>/gi, '');
  const scripts = assetsOf(modernHtml, /<script[^>]+src="([^"]+\.js)"/g).concat(
    assetsOf(modernHtml, /<link[^>]+href="([^"]+\.js)"[^>]*as="script"/g),
  );
  const uniqueScripts = [...new Set(scripts)];
  const styles = assetsOf(html, /<link[^>]+href="([^"]+\.css)"/g);
  const read = (src: string) =>
    fs.readFileSync(path.join(root, '.next', src.replace(/^\/_next\//, '')));
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
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Search over the full course: index build once, then many queries; median, p95 and max in ms. */
function measureSearch() {
  const queries = [
    'idempotency key',
    'write skew',
    'argon2id',
    'circuit breaker',
    'cap theorem',
    'event loop',
    'read replica',
    'oauth pkce',
    'flame graph',
    'expand and contract',
    'zzzz',
    'cache',
  ];
  const buildStart = performance.now();
  const sections = getSearchIndex().length;
  const buildMs = performance.now() - buildStart;
  const timings: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      searchCourse(query);
      timings.push(performance.now() - start);
    }
  }
  timings.sort((a, b) => a - b);
  const at = (ratio: number) =>
    timings[Math.min(timings.length - 1, Math.floor(ratio * timings.length))]!;
  return {
    sections,
    queries: timings.length,
    indexBuildMs: buildMs,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    maxMs: timings.at(-1)!,
  };
}

async function main() {
  ensureBuild();
  const pages = listHtml(appDir)
    .filter((file) => !path.basename(file).startsWith('_global-error'))
    .map(measure)
    .sort((a, b) => a.route.localeCompare(b.route));
  const floor = pages.reduce((smallest, page) => (page.jsGzip < smallest.jsGzip ? page : smallest));
  console.log(
    'Page weight (gzip, KB): JavaScript loaded by the prerendered HTML, CSS and the HTML itself',
  );
  console.log(
    `Floor = smallest JavaScript of any page in this build: ${floor.route} (${kb(floor.jsGzip)} KB)\n`,
  );
  const header = ['page', 'JS files', 'JS', 'JS above floor', 'CSS', 'HTML'];
  const rows = pages.map((page) => [
    page.route,
    String(page.jsFiles),
    kb(page.jsGzip),
    kb(page.jsGzip - floor.jsGzip),
    kb(page.cssGzip),
    kb(page.htmlGzip),
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
  const search = measureSearch();
  console.log(
    `\nSearch over the full course (${search.sections} sections, ${search.queries} queries, server time): ` +
      `median ${search.medianMs.toFixed(2)} ms, p95 ${search.p95Ms.toFixed(2)} ms, max ${search.maxMs.toFixed(2)} ms ` +
      `(budget 50 ms); index built once in ${search.indexBuildMs.toFixed(0)} ms at server start`,
  );
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
  fs.mkdirSync(path.join(root, 'bench'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'bench', 'results.json'),
    JSON.stringify(
      { measuredAt: new Date().toISOString(), pageWeight: { floor: floor.route, pages }, search },
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
