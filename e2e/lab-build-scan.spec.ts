// The build this suite serves keeps the labs' secrets on the server: the same scan as
// `npm run build`'s last step (scripts/lib/scan-build.ts), run on the build the suite made (the
// webServer's `npm run build` in this folder, or the last one with E2E_SKIP_BUILD), with proof
// that it looked at what the server actually sends.
import path from 'node:path';
import { loadCourse } from '../lib/content/load';
import { scanBuildForLeaks } from '../scripts/lib/scan-build';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/lesson-page';
import { SqlLab } from './pages/sql-lab';

const labId = 'everyday-sql-reports';
const lesson = loadCourse({ includeDrafts: false }).lessons.find((candidate) =>
  candidate.body.includes(`<SqlLab id="${labId}"`),
)!;

test('no hidden dataset value, solution or wrong answer is in a file the build serves', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const project = process.cwd();
  const report = scanBuildForLeaks(project);
  const scanned = new Set(report.files.map((file) => path.relative(project, file)));

  expect(
    report.findings.map(({ file, marker }) => `${file}: ${marker.kind} "${marker.text}"`),
  ).toEqual([]);

  // Not vacuous: markers of every kind were looked for...
  const count = (kind: string) => report.markers.filter((marker) => marker.kind === kind).length;
  expect(count('hidden-data')).toBeGreaterThanOrEqual(5);
  expect(count('solution-marker')).toBeGreaterThanOrEqual(5);
  expect(count('solution')).toBeGreaterThan(0);
  expect(count('wrong-answer')).toBeGreaterThan(0);
  // ...in the build's chunks, prerendered pages and payloads, and lab files...
  const some = (pattern: RegExp) => [...scanned].filter((file) => pattern.test(file)).length;
  expect(some(/^\.next\/static\/.+\.js$/)).toBeGreaterThan(10);
  expect(some(/^\.next\/server\/app\/.+\.html$/)).toBeGreaterThan(10);
  expect(some(/^\.next\/server\/app\/.+\.rsc$/)).toBeGreaterThan(10);
  expect(some(/^public\/labs\/[^/]+\/[^/]+\/seed\.bin\.gz$/)).toBeGreaterThanOrEqual(5);
  expect(some(/^public\/labs\/[^/]+\/[^/]+\/lab\.json$/)).toBeGreaterThanOrEqual(5);
  expect(some(/^\.next\/standalone\/\.next\/server\/app\/.+\.html\.br$/)).toBeGreaterThan(10);
  // ...but not the server's code or its copy of content/, which hold the hidden data on purpose.
  expect(some(/^\.next\/standalone\/content\//)).toBe(0);
  expect(some(/\/page\.js$/)).toBe(0);

  // ...and those are the files this server sends: what a browser fetches to show the lesson and
  // open its lab (scripts, payloads, the lab's worker, WebAssembly, tasks and snapshot).
  const fetched = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    // Only what was served (PGlite also asks for initdb.wasm, which a lab started from a
    // snapshot does not need and the build does not ship: a 404).
    if (url.origin === new URL(baseURL!).origin && response.ok()) fetched.add(url.pathname);
  });
  await new LessonPage(page).open(lesson.href);
  await new SqlLab(page, labId).open();
  const assets = [...fetched].filter((url) => /^\/(_next\/static|labs)\//.test(url));
  expect(assets.filter((url) => url.startsWith('/labs/')).length).toBeGreaterThanOrEqual(4);
  expect(assets.filter((url) => url.startsWith('/_next/static/')).length).toBeGreaterThan(0);
  expect(scanned).toContain(`.next/standalone/.next/server/app${lesson.href}.html.br`);
  for (const url of assets) {
    const file = url.startsWith('/_next/')
      ? `.next/standalone/.next/${url.slice('/_next/'.length)}`
      : `.next/standalone/public${url}`;
    expect(scanned, url).toContain(decodeURIComponent(file));
  }
});
