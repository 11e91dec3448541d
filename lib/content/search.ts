// The course as search documents: lesson titles, headings and text, section by section, so a
// result can link straight to the heading it matched under. Built once per process from the
// content index (about 600 sections); the engine (search-engine.ts) searches them in memory here
// and, from the same index packed at build time, in the browser's search dialog, which fetches
// a lesson's text only for the snippets of its results.
import { createProcessor } from '@mdx-js/mdx';
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import { getCourse, type Lesson } from './index';
import {
  createSearchEngine,
  packSearchIndex,
  type SearchDocuments,
  type SearchEngine,
  type SearchIndexFile,
} from './search-engine';

export type {
  SearchDocuments,
  SearchGroup,
  SearchHit,
  SearchIndexFile,
  SearchResults,
} from './search-engine';

// Kept on globalThis so the copy warmed at server start (instrumentation.ts) is the one pages
// use: Next.js bundles instrumentation and pages separately.
const indexKey = Symbol.for('backend-path.search-index');
type GlobalWithIndex = typeof globalThis & {
  [indexKey]?: { documents: SearchDocuments; engine: SearchEngine };
};

type Section = SearchDocuments['sections'][number];

/** Plain text of a node, leaving out code blocks (also inside tabs and callouts) and MDX expressions. */
function textOf(node: RootContent | Root): string {
  if (
    node.type === 'code' ||
    node.type === 'mdxjsEsm' ||
    node.type === 'mdxFlowExpression' ||
    node.type === 'mdxTextExpression'
  )
    return '';
  if ('children' in node) return node.children.map((child) => textOf(child as RootContent)).join(' ');
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function sectionsOf(lesson: Lesson, position: number): Section[] {
  const tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(lesson.body) as Root;
  const slugger = new GithubSlugger();
  // The summary and objectives are searchable too, under the lesson itself.
  const sections: Section[] = [
    {
      lesson: position,
      heading: null,
      anchor: null,
      text: collapse(`${lesson.summary} ${lesson.objectives.join(' ')}`.replace(/`/g, '')),
    },
  ];
  let current = { heading: null as string | null, anchor: null as string | null, parts: [] as string[] };
  const flush = () => {
    const text = collapse(current.parts.join(' '));
    if (text || current.heading) {
      sections.push({ lesson: position, heading: current.heading, anchor: current.anchor, text });
    }
  };
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      flush();
      const heading = toString(node);
      current = { heading, anchor: slugger.slug(heading), parts: [] };
    } else {
      current.parts.push(textOf(node));
    }
  }
  flush();
  return sections;
}

function buildDocuments(): SearchDocuments {
  const { modules } = getCourse();
  const lessons = modules.flatMap((module) =>
    module.lessons.map((lesson) => ({ lesson, moduleTitle: module.title })),
  );
  return {
    lessons: lessons.map(({ lesson, moduleTitle }) => ({
      id: lesson.id,
      title: lesson.title,
      moduleTitle,
      href: lesson.href,
    })),
    sections: lessons.flatMap(({ lesson }, position) => sectionsOf(lesson, position)),
  };
}

function getSearch() {
  const store = globalThis as GlobalWithIndex;
  if (!store[indexKey]) {
    const documents = buildDocuments();
    store[indexKey] = { documents, engine: createSearchEngine(documents) };
  }
  return store[indexKey];
}

/** The documents: lessons, and each section's heading, anchor and text. */
export function getSearchDocuments(): SearchDocuments {
  return getSearch().documents;
}

/**
 * What the search dialog downloads when it first opens (app/(learn)/search/index.json): the
 * documents without their text, and the index packed. Built at build time, like the lessons.
 */
export function getSearchIndexFile(): SearchIndexFile {
  const documents = getSearchDocuments();
  return {
    catalog: {
      lessons: documents.lessons,
      sections: documents.sections.map(({ lesson, heading, anchor }) => ({
        lesson,
        heading,
        anchor,
      })),
    },
    index: packSearchIndex(documents),
  };
}

/**
 * The text of one lesson's sections, in order, for the dialog's snippets
 * (app/(learn)/search/text/[module]/[lesson]); undefined for an unknown lesson.
 */
export function getLessonSearchText(lessonId: string): string[] | undefined {
  const { lessons, sections } = getSearchDocuments();
  const position = lessons.findIndex((lesson) => lesson.id === lessonId);
  if (position === -1) return undefined;
  return sections.filter((section) => section.lesson === position).map((section) => section.text);
}

/** The course's search engine, built on first use (instrumentation.ts warms it at start). */
export function getSearchIndex(): SearchEngine {
  return getSearch().engine;
}

/**
 * Sections matching every term of the query (allowing typos and unfinished words), best first,
 * `limit` of them from `offset` grouped by lesson, with the total count of matches.
 */
export function searchCourse(query: string, page?: { offset?: number; limit?: number }) {
  return getSearchIndex().search(query, page);
}
