// The course search itself, shared by the server (/search, rendered without JavaScript) and the
// Ctrl/⌘+K dialog (which loads this module and the documents only when it opens). Isomorphic:
// no Node.js imports. The documents come from lib/content/search.ts.
import MiniSearch from 'minisearch';
import {
  maxQueryLength,
  type SearchDocuments,
  type SearchGroup,
  type SearchHit,
  type SearchResults,
} from './search-results';

export type { SearchDocuments, SearchGroup, SearchHit, SearchResults } from './search-results';

export interface SearchEngine {
  search(query: string, page?: { offset?: number; limit?: number }): SearchResults;
}

const maxQueryTerms = 8;

// Words, plus what backend writing needs kept whole: N+1, C#, C++ (a trailing + or #, or one
// joining two words) and version numbers such as 2.0 or p99.9. "Node.js" and "read-only" still
// split, so "node" and "only" find them.
const tokenPattern = /[\p{L}\p{N}]+(?:\.\p{N}+)*(?:[+#]+[\p{L}\p{N}]*)*/gu;
const isWord = /^\p{L}+$/u;
const compound = /[.+#]/;

/** A term as indexed and searched: lowercased; single letters and digits alone are noise. */
function normalizeTerm(token: string): string | null {
  const term = token.toLowerCase();
  return term.length >= 2 ? term : null;
}

/**
 * Index side: a compound token is also indexed by its parts, so "go+postgres" is found by
 * "postgres" (the query side keeps "N+1" whole, so it does not match every "n" and "1").
 */
function indexTerms(token: string): string | string[] | null {
  const whole = normalizeTerm(token);
  if (!whole || !compound.test(whole)) return whole;
  const parts = whole.split(/[.+#]+/).filter((part) => part.length >= 2);
  return [whole, ...parts];
}

const tokenize = (text: string) => text.match(tokenPattern) ?? [];

function createIndex({ lessons, sections }: SearchDocuments): MiniSearch<number> {
  return new MiniSearch<number>({
    fields: ['title', 'heading', 'text'],
    // Documents are the sections' positions; fields are read from the shared arrays, not copied.
    idField: 'id',
    extractField: (position, field) => {
      if (field === 'id') return position;
      const section = sections[position];
      if (!section) return '';
      if (field === 'title') return lessons[section.lesson]?.title ?? '';
      return field === 'heading' ? (section.heading ?? '') : section.text;
    },
    tokenize,
    processTerm: indexTerms,
    searchOptions: {
      tokenize: (query) => tokenize(query).slice(0, maxQueryTerms),
      processTerm: normalizeTerm,
      // A section matches when it has every term, as a search box is expected to work.
      combineWith: 'AND',
      boost: { heading: 3, title: 2 },
      // "index" finds "indexes"; a term being typed finds its completions.
      prefix: (term) => term.length >= 3,
      // One typo in 5 letters ("indexs"), two in 10 ("idempotancy"); never in numbers or symbols
      // (p99 is not p95, C# is not C++).
      fuzzy: (term) => (term.length >= 4 && isWord.test(term) ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
}

/** Builds the engine at once: on the server, where it is built once per process. */
export function createSearchEngine(documents: SearchDocuments): SearchEngine {
  const index = createIndex(documents);
  index.addAll(documents.sections.map((_, position) => position));
  return engineOver(documents, index);
}

/** The same engine, indexed in small chunks: in the browser, so typing stays responsive meanwhile. */
export async function loadSearchEngine(documents: SearchDocuments): Promise<SearchEngine> {
  const index = createIndex(documents);
  await index.addAllAsync(
    documents.sections.map((_, position) => position),
    { chunkSize: 20 },
  );
  return engineOver(documents, index);
}

function engineOver({ lessons, sections }: SearchDocuments, index: MiniSearch<number>): SearchEngine {
  return {
    search(query, { offset = 0, limit = 20 } = {}) {
      const results = index.search(query.slice(0, maxQueryLength));
      const lessonTotal = new Set(results.map((result) => sections[result.id as number]?.lesson))
        .size;
      const groups: SearchGroup[] = [];
      for (const result of results.slice(offset, offset + limit)) {
        const section = sections[result.id as number];
        const lesson = section && lessons[section.lesson];
        if (!section || !lesson) continue;
        let group = groups.find((candidate) => candidate.lessonId === lesson.id);
        if (!group) {
          group = {
            lessonId: lesson.id,
            lessonTitle: lesson.title,
            moduleTitle: lesson.moduleTitle,
            href: lesson.href,
            hits: [],
          };
          groups.push(group);
        }
        group.hits.push({
          lessonId: lesson.id,
          heading: section.heading,
          href: section.anchor ? `${lesson.href}#${section.anchor}` : lesson.href,
          snippet: snippetOf(section.text || section.heading || lesson.title, result.terms),
        });
      }
      return {
        total: results.length,
        lessonTotal,
        groups,
        shown: groups.reduce((sum, group) => sum + group.hits.length, 0),
      };
    },
  };
}

/**
 * About 240 characters of the text with every matched term marked, starting a little before the
 * first match of the longest matched term (the telling one, rather than an "and").
 */
function snippetOf(text: string, matchedTerms: string[]): SearchHit['snippet'] {
  const terms = new Set(matchedTerms);
  const matches: { start: number; end: number; length: number }[] = [];
  for (const token of text.matchAll(tokenPattern)) {
    const found = [indexTerms(token[0]) ?? []].flat().filter((term) => terms.has(term));
    if (found.length > 0) {
      matches.push({
        start: token.index,
        end: token.index + token[0].length,
        length: Math.max(...found.map((term) => term.length)),
      });
    }
  }
  const anchor = matches.reduce<(typeof matches)[number] | undefined>(
    (best, match) => (!best || match.length > best.length ? match : best),
    undefined,
  );
  const start = Math.max(0, (anchor?.start ?? 0) - 80);
  const end = Math.min(text.length, start + 240);
  const parts: SearchHit['snippet'] = start > 0 ? [{ text: '…', match: false }] : [];
  let at = start;
  for (const match of matches) {
    if (match.start < at || match.end > end) continue;
    if (match.start > at) parts.push({ text: text.slice(at, match.start), match: false });
    parts.push({ text: text.slice(match.start, match.end), match: true });
    at = match.end;
  }
  if (end > at) parts.push({ text: text.slice(at, end), match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}

