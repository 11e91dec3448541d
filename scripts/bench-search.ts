// npm run bench, search section (alone: `npm run bench -- search`): the server's query latency
// over the full course, and what the Ctrl/⌘+K dialog pays when it first opens: the packed index's
// size as served (raw, gzip, brotli; plus one lesson's text, fetched per lesson for snippets) and
// the time to load the engine from it.
import zlib from 'node:zlib';
import {
  getLessonSearchText,
  getSearchDocuments,
  getSearchIndex,
  getSearchIndexFile,
  searchCourse,
} from '@/lib/content/search';
import { loadSearchEngine } from '@/lib/content/search-engine';
import { percentile } from './bench-load';

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
  // Typos, unfinished words and terms with symbols (fuzzy, prefix and the tokenizer's cases).
  'indexs',
  'idempotancy',
  'N+1',
  'C#',
  'OAuth 2.0',
  'p99',
  'replicat',
];

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** A JSON response's size as sent, and compressed as scripts/prepare-standalone.ts does. */
function sizesOf(value: unknown): Sizes {
  const bytes = Buffer.from(JSON.stringify(value));
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

export async function benchSearch() {
  const buildStart = performance.now();
  getSearchIndex();
  const sections = getSearchDocuments().sections.length;
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

  // The dialog's side: the download, and loading the engine from it (median of 5).
  const file = getSearchIndexFile();
  const lessons = getSearchDocuments().lessons;
  const lessonTexts = lessons.map((lesson) => sizesOf(getLessonSearchText(lesson.id)));
  const loads: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const parsed = JSON.parse(JSON.stringify(file)) as typeof file;
    const start = performance.now();
    await loadSearchEngine(parsed.catalog, parsed.index, () => undefined);
    loads.push(performance.now() - start);
  }
  loads.sort((a, b) => a - b);
  const average = (key: keyof Sizes) =>
    Math.round(lessonTexts.reduce((sum, sizes) => sum + sizes[key], 0) / lessonTexts.length);

  return {
    sections,
    queries: timings.length,
    indexBuildMs: buildMs,
    medianMs: percentile(timings, 0.5),
    p95Ms: percentile(timings, 0.95),
    maxMs: timings.at(-1)!,
    dialog: {
      index: sizesOf(file),
      lessonTextAverage: { raw: average('raw'), gzip: average('gzip'), brotli: average('brotli') },
      engineLoadMs: percentile(loads, 0.5),
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printSearch(search: Awaited<ReturnType<typeof benchSearch>>) {
  const { index, lessonTextAverage, engineLoadMs } = search.dialog;
  console.log(
    `\nSearch over the full course (${search.sections} sections, ${search.queries} queries, server time): ` +
      `median ${search.medianMs.toFixed(2)} ms, p95 ${search.p95Ms.toFixed(2)} ms, max ${search.maxMs.toFixed(2)} ms ` +
      `(budget 50 ms); index built once in ${search.indexBuildMs.toFixed(0)} ms at server start`,
  );
  console.log(
    `Search dialog, first open: /search/index.json ${kb(index.raw)} raw, ${kb(index.gzip)} gzip, ` +
      `${kb(index.brotli)} brotli; engine loaded from it in ${engineLoadMs.toFixed(0)} ms (Node, median of 5); ` +
      `then ${kb(lessonTextAverage.brotli)} brotli (${kb(lessonTextAverage.raw)} raw) per lesson shown, for snippets`,
  );
}
