import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getSearchIndexRoute } from '@/app/(learn)/search/index.json/route';
import { GET as getLessonTextRoute } from '@/app/(learn)/search/text/[module]/[lesson]/route';
import {
  getSearchDocuments,
  getSearchIndex,
  searchCourse,
  type SearchIndexFile,
  type SearchResults,
} from '@/lib/content/search';
import { loadSearchEngine } from '@/lib/content/search-engine';
import { describeSearchCount } from '@/lib/content/search-results';
import { courseSearchSchema } from '@/lib/validations/search';

const everything = { limit: 10_000 };
const lessonsOf = (results: SearchResults) => results.groups.map((group) => group.lessonId);
const hitsOf = (results: SearchResults) => results.groups.flatMap((group) => group.hits);
const marked = (results: SearchResults) =>
  hitsOf(results).flatMap((hit) =>
    hit.snippet.filter((part) => part.match).map((part) => part.text),
  );

describe('course search', () => {
  // Parsing every lesson takes seconds on a busy machine: once, outside the tests' time limit.
  beforeAll(() => void getSearchIndex(), 120_000);

  it('finds a term in a section and links to its heading, with the match highlighted', () => {
    const [top] = hitsOf(searchCourse('write skew'));
    expect(top?.href).toBe('/learn/databases/transactions-isolation-and-constraints#write-skew');
    expect(top?.snippet.some((part) => part.match && part.text.toLowerCase() === 'skew')).toBe(
      true,
    );
  });

  it('requires every term, ranks headings above passing mentions, and ignores case', () => {
    const [top] = hitsOf(searchCourse('CIRCUIT Breaker'));
    expect(top?.href).toMatch(/^\/learn\/integrations\/resilience#circuit-breaker/);
    // Each term alone is found, together they are not: no section has both.
    expect(searchCourse('argon2id').total).toBeGreaterThan(0);
    expect(searchCourse('flame graph').total).toBeGreaterThan(0);
    expect(searchCourse('argon2id flame').total).toBe(0);
    expect(searchCourse('zzzzqqq').total).toBe(0);
    expect(searchCourse('  ').total).toBe(0);
  });

  it('forgives typos: "indexs" and "idempotancy" find the lessons about them', () => {
    const indexs = searchCourse('indexs', everything);
    expect(lessonsOf(indexs)[0]).toBe('databases/indexes-and-query-plans');
    expect(marked(indexs).map((text) => text.toLowerCase())).toContain('indexes');

    const idempotancy = searchCourse('idempotancy', everything);
    expect(lessonsOf(idempotancy)).toEqual(
      expect.arrayContaining(['integrations/integrating-third-party-apis', 'apis/http-semantics']),
    );
    expect(marked(idempotancy).map((text) => text.toLowerCase())).toContain('idempotency');
  });

  it('completes an unfinished word', () => {
    expect(lessonsOf(searchCourse('idempot', everything))).toEqual(
      expect.arrayContaining(['integrations/integrating-third-party-apis', 'apis/http-semantics']),
    );
  });

  it('keeps N+1, C#, OAuth 2.0 and p99 whole', () => {
    // The three lessons whose text discusses N+1 (grep content/), and no lesson that merely has
    // an "n" or a "1" in it.
    expect(lessonsOf(searchCourse('N+1', everything)).sort()).toEqual([
      'apis/graphql-and-grpc',
      'daily-workflow/debugging-errors-and-bottlenecks',
      'the-role/the-unseen-layer',
    ]);
    expect(marked(searchCourse('n+1', everything)).every((text) => text === 'N+1')).toBe(true);

    const csharp = searchCourse('C#', everything);
    expect(lessonsOf(csharp)).toEqual(
      expect.arrayContaining([
        'languages-and-tools/choosing-a-language',
        'server-architecture/web-servers-reverse-proxies-and-load-balancers',
      ]),
    );
    // Not C, nor C++.
    expect(new Set(marked(csharp))).toEqual(new Set(['C#']));

    const oauth2 = searchCourse('OAuth 2.0', everything);
    expect(lessonsOf(oauth2)).toEqual(['security/oauth-and-openid-connect']);
    expect(marked(oauth2)).toContain('2.0');

    const p99 = searchCourse('p99', everything);
    expect(lessonsOf(p99)).toEqual(
      expect.arrayContaining([
        'performance/measuring-performance',
        'performance/asynchronous-work',
        'performance/load-testing-and-capacity-planning',
      ]),
    );
    // p99 is not p95.
    expect(marked(p99).every((text) => text.toLowerCase().startsWith('p99'))).toBe(true);
  });

  it('counts every match, not only the ones shown, and pages through them all', () => {
    const all = searchCourse('cache', everything);
    expect(all.total).toBeGreaterThan(20);
    expect(all.shown).toBe(all.total);
    expect(all.lessonTotal).toBe(all.groups.length);

    const first = searchCourse('cache', { limit: 20 });
    expect(first).toMatchObject({ total: all.total, lessonTotal: all.lessonTotal, shown: 20 });
    expect(describeSearchCount('cache', first)).toBe(
      `Showing 20 of ${all.total} results (${all.lessonTotal} lessons) for “cache”.`,
    );

    // Pages hold the matches in rank order (each page grouped on its own): together, all of them.
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 20) {
      paged.push(...hitsOf(searchCourse('cache', { offset, limit: 20 })).map((hit) => hit.href));
    }
    expect(paged.sort()).toEqual(
      hitsOf(all)
        .map((hit) => hit.href)
        .sort(),
    );
  });

  it('groups results by lesson, each lesson once, best lesson first', () => {
    const results = searchCourse('idempotency key', { limit: 20 });
    const lessons = lessonsOf(results);
    expect(new Set(lessons).size).toBe(lessons.length);
    expect(lessons[0]).toBe('integrations/integrating-third-party-apis');
    for (const group of results.groups) {
      for (const hit of group.hits) expect(hit.href.startsWith(group.href)).toBe(true);
    }
  });

  it('searches the same in the browser, from the packed index the dialog downloads and each lesson text it fetches', async () => {
    const documents = getSearchDocuments();
    const file = (await getSearchIndexRoute().json()) as SearchIndexFile;
    // No section text in the download: a fraction of the documents' size.
    const downloaded = JSON.stringify(file);
    expect(downloaded).not.toContain(documents.sections[1]!.text.slice(0, 60));
    expect(downloaded.length).toBeLessThan(JSON.stringify(documents).length * 0.6);

    // The dialog's text store: a lesson's text once fetched from its route, undefined before.
    const texts = new Map<number, string[]>();
    const fetchText = async (lesson: number) => {
      const [moduleSlug, lessonSlug] = file.catalog.lessons[lesson]!.id.split('/');
      const response = await getLessonTextRoute(new Request('http://localhost/'), {
        params: Promise.resolve({ module: moduleSlug!, lesson: lessonSlug! }),
      });
      texts.set(lesson, (await response.json()) as string[]);
    };
    const firstOf = (lesson: number) =>
      file.catalog.sections.findIndex((section) => section.lesson === lesson);
    const browserEngine = await loadSearchEngine(file.catalog, file.index, (position) => {
      const lesson = file.catalog.sections[position]!.lesson;
      return texts.get(lesson)?.[position - firstOf(lesson)];
    });

    for (const query of ['indexs', 'idempotancy', 'N+1', 'C#', 'OAuth 2.0', 'p99', 'cache']) {
      const server = searchCourse(query, { limit: 20 });
      const before = browserEngine.search(query, { limit: 20 });
      // Ranking, grouping and the real counts need no text; only the snippets wait for it.
      expect(before.total).toBe(server.total);
      expect(before.lessonTotal).toBe(server.lessonTotal);
      const hrefs = (results: SearchResults) => hitsOf(results).map((hit) => hit.href);
      expect(hrefs(before)).toEqual(hrefs(server));
      for (const group of before.groups) {
        const lesson = file.catalog.lessons.findIndex((entry) => entry.id === group.lessonId);
        if (!texts.has(lesson)) {
          for (const hit of group.hits) expect(hit.snippet).toEqual([]);
          await fetchText(lesson);
        }
      }
      expect(browserEngine.search(query, { limit: 20 })).toEqual(server);
    }
  });

  it('fetches the text of known lessons only', async () => {
    const response = await getLessonTextRoute(new Request('http://localhost/'), {
      params: Promise.resolve({ module: 'no-such-module', lesson: 'no-such-lesson' }),
    });
    expect(response.status).toBe(404);
  });

  it('indexes every lesson, leaving code out of the text', () => {
    const { lessons, sections } = getSearchDocuments();
    expect(new Set(sections.map((section) => section.lesson)).size).toBe(lessons.length);
    expect(lessons.length).toBeGreaterThanOrEqual(40);
    expect(sections.some((section) => section.text.includes('import express from'))).toBe(false);
  });
});

describe('describeSearchCount', () => {
  const results = (total: number, shown: number, lessonTotal: number): SearchResults => ({
    total,
    shown,
    lessonTotal,
    groups: [],
  });

  it('says the real count', () => {
    expect(describeSearchCount('x', results(0, 0, 0))).toBe('No results for “x”.');
    expect(describeSearchCount('x', results(1, 1, 1))).toBe('1 result in 1 lesson for “x”.');
    expect(describeSearchCount('x', results(3, 3, 2))).toBe('3 results in 2 lessons for “x”.');
    expect(describeSearchCount('x', results(57, 20, 12), 20)).toBe(
      'Showing 21–40 of 57 results (12 lessons) for “x”.',
    );
  });
});

describe('courseSearchSchema', () => {
  it('turns what the address holds into a query and a page, never an error', () => {
    expect(courseSearchSchema.parse({ q: '  N+1 ', page: '2' })).toEqual({ q: 'N+1', page: 2 });
    expect(courseSearchSchema.parse({ q: ['a', 'b'], page: 'x' })).toEqual({ q: '', page: 1 });
    expect(courseSearchSchema.parse({ q: 'y'.repeat(500) }).q).toHaveLength(200);
    expect(courseSearchSchema.parse({ page: '-3' }).page).toBe(1);
  });
});
