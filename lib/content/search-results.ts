// What the course search works on and returns, and how a result count is said: shared by the
// engine (search-engine.ts), /search and the dialog, which uses these before it loads the engine.

import { plural } from '@/lib/format';
import { textLimits } from '@/lib/validations/limits';

export interface SearchDocuments {
  lessons: { id: string; title: string; moduleTitle: string; href: string }[];
  /** One per heading (and one for the lesson's summary and objectives), in course order. */
  sections: { lesson: number; heading: string | null; anchor: string | null; text: string }[];
}

/** The documents without their text: what results are made of, besides snippets. */
export interface SearchCatalog {
  lessons: SearchDocuments['lessons'];
  sections: Omit<SearchDocuments['sections'][number], 'text'>[];
}

/**
 * The engine's index, built on the server and packed for the dialog's download, which then needs
 * neither the text nor the time to index it. Terms keep the index's own order (so the browser's
 * index is the server's, ties and all); sections are numbered by position.
 */
export interface PackedSearchIndex {
  /** MiniSearch's average field lengths (title, heading, text). */
  averageFieldLength: number[];
  /** Per section, its three field lengths, one after the other. */
  fieldLength: number[];
  /** The index's terms, separated by spaces (a term never holds one). */
  terms: string;
  /**
   * Per term (space-separated, in the order of `terms`): per field (separated by ';'), the
   * sections that hold it, each as the distance from the previous one in base 36, followed by
   * ':' and the term's count there when above 1 (separated by ',').
   */
  postings: string;
}

/** What the search dialog downloads first (GET /search/index.json). */
export interface SearchIndexFile {
  catalog: SearchCatalog;
  index: PackedSearchIndex;
}

export interface SearchHit {
  lessonId: string;
  heading: string | null;
  href: string;
  /** The snippet in parts; `match: true` parts are highlighted. */
  snippet: { text: string; match: boolean }[];
}

export interface SearchGroup {
  lessonId: string;
  lessonTitle: string;
  moduleTitle: string;
  href: string;
  hits: SearchHit[];
}

export interface SearchResults {
  /** Every matching section, not only the ones shown. */
  total: number;
  /** The lessons those sections belong to. */
  lessonTotal: number;
  /** The shown sections (`offset` to `offset + limit` by rank), grouped by lesson, best first. */
  groups: SearchGroup[];
  shown: number;
}

/** The longest query searched: longer input is cut here (the inputs' maxLength says the same). */
export const maxQueryLength = textLimits.searchQuery;

/** "3 results in 2 lessons for “q”.", "Showing 20 of 57 results (12 lessons) for “q”.": the real count. */
export function describeSearchCount(query: string, results: SearchResults, offset = 0): string {
  const { total, lessonTotal, shown } = results;
  const quoted = `for “${query}”`;
  if (total === 0) return `No results ${quoted}.`;
  const lessons = plural(lessonTotal, 'lesson');
  if (shown === total) return `${plural(total, 'result')} in ${lessons} ${quoted}.`;
  if (shown === 0) return `${plural(total, 'result')} ${quoted}; this page is past the last one.`;
  const range = offset === 0 ? `${shown}` : `${offset + 1}–${offset + shown}`;
  return `Showing ${range} of ${plural(total, 'result')} (${lessons}) ${quoted}.`;
}
