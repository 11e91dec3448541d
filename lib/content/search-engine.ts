// The course search itself, shared by the server (/search, rendered without JavaScript) and the
// Ctrl/⌘+K dialog (which loads this module and the packed index only when it opens). Isomorphic:
// no Node.js imports. The documents come from lib/content/search.ts.
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import {
  maxQueryLength,
  type PackedSearchIndex,
  type SearchCatalog,
  type SearchDocuments,
  type SearchGroup,
  type SearchHit,
  type SearchResults,
} from './search-results';

export type {
  PackedSearchIndex,
  SearchCatalog,
  SearchDocuments,
  SearchGroup,
  SearchHit,
  SearchIndexFile,
  SearchResults,
} from './search-results';

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

const fields = ['title', 'heading', 'text'] as const;

/**
 * The index's options. `text` gives a section's text: needed to index documents, not to load a
 * packed index (whose fields are already tokenized).
 */
function indexOptions(
  { lessons, sections }: SearchCatalog,
  text: (position: number) => string = () => '',
): Options<number> {
  return {
    fields: [...fields],
    // Documents are the sections' positions; fields are read from the shared arrays, not copied.
    idField: 'id',
    extractField: (position, field) => {
      if (field === 'id') return position;
      const section = sections[position];
      if (!section) return '';
      if (field === 'title') return lessons[section.lesson]?.title ?? '';
      return field === 'heading' ? (section.heading ?? '') : text(position);
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
  };
}

/** A section's text, or undefined while it is not loaded (the dialog fetches it per lesson). */
export type SectionText = (position: number) => string | undefined;

function indexDocuments(documents: SearchDocuments): MiniSearch<number> {
  const index = new MiniSearch<number>(
    indexOptions(documents, (position) => documents.sections[position]?.text ?? ''),
  );
  index.addAll(documents.sections.map((_, position) => position));
  return index;
}

/** Builds the engine at once: on the server, where it is built once per process. */
export function createSearchEngine(documents: SearchDocuments): SearchEngine {
  return engineOver(
    documents,
    indexDocuments(documents),
    (position) => documents.sections[position]?.text,
  );
}

/** The index of these documents, packed for the dialog's download (see PackedSearchIndex). */
export function packSearchIndex(documents: SearchDocuments): PackedSearchIndex {
  const plain = indexDocuments(documents).toJSON();
  const terms: string[] = [];
  const postings: string[] = [];
  for (const [term, byField] of plain.index) {
    terms.push(term);
    const perField = fields.map((_, fieldId) => {
      let previous = 0;
      return Object.entries(byField[fieldId] ?? {})
        .map(([key, count]) => {
          const section = Number(key);
          const entry = (section - previous).toString(36) + (count > 1 ? `:${count.toString(36)}` : '');
          previous = section;
          return entry;
        })
        .join(',');
    });
    postings.push(perField.join(';').replace(/;+$/, ''));
  }
  return {
    averageFieldLength: plain.averageFieldLength,
    fieldLength: documents.sections.flatMap((_, position) => plain.fieldLength[position] ?? []),
    terms: terms.join(' '),
    postings: postings.join(' '),
  };
}

/** MiniSearch's own serialized form of a packed index. */
function unpackSearchIndex(catalog: SearchCatalog, packed: PackedSearchIndex): AsPlainObject {
  const count = catalog.sections.length;
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  for (let position = 0; position < count; position += 1) {
    documentIds[position] = position;
    fieldLength[position] = packed.fieldLength.slice(position * 3, position * 3 + 3);
  }
  const postings = packed.postings.split(' ');
  const index: AsPlainObject['index'] = packed.terms.split(' ').map((term, position) => {
    const byField: Record<string, Record<string, number>> = {};
    (postings[position] ?? '').split(';').forEach((list, fieldId) => {
      if (!list) return;
      const counts: Record<string, number> = {};
      let section = 0;
      for (const entry of list.split(',')) {
        const [distance = '0', times = '1'] = entry.split(':');
        section += parseInt(distance, 36);
        counts[section] = parseInt(times, 36);
      }
      byField[fieldId] = counts;
    });
    return [term, byField];
  });
  return {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds: Object.fromEntries(fields.map((field, fieldId) => [field, fieldId])),
    fieldLength,
    averageFieldLength: packed.averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

/**
 * The same engine from a packed index: in the browser, which downloads no text to index. Loaded
 * in small steps, so typing stays responsive meanwhile. Snippets come from `text`, which answers
 * undefined for a section whose text is not loaded yet (the hit's snippet is then empty).
 */
export async function loadSearchEngine(
  catalog: SearchCatalog,
  packed: PackedSearchIndex,
  text: SectionText,
): Promise<SearchEngine> {
  const index = await MiniSearch.loadJSAsync<number>(
    unpackSearchIndex(catalog, packed),
    indexOptions(catalog),
  );
  return engineOver(catalog, index, text);
}

function engineOver(
  { lessons, sections }: SearchCatalog,
  index: MiniSearch<number>,
  textOf: SectionText,
): SearchEngine {
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
          snippet: snippetFor(textOf(result.id as number), section.heading || lesson.title, result.terms),
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

/** The snippet of a section's text, its heading (or lesson title) when it has none; empty while not loaded. */
function snippetFor(
  text: string | undefined,
  fallback: string,
  terms: string[],
): SearchHit['snippet'] {
  if (text === undefined) return [];
  return snippetOf(text || fallback, terms);
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

