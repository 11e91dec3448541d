// Full-text search over the course: lesson titles, headings and text, section by section, so a
// result can link straight to the heading it matched under. The index is built once per process
// from the content index (about 500 sections) and searched in memory.
import { createProcessor } from '@mdx-js/mdx';
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import { getCourse, type Lesson } from './index';

export interface SearchSection {
  lesson: Pick<Lesson, 'id' | 'title' | 'href' | 'moduleSlug'>;
  heading: string | null;
  anchor: string | null;
  text: string;
  /** Lowercased copies, searched without re-lowercasing on every query. */
  haystack: { title: string; heading: string; text: string };
}

export interface SearchHit {
  lessonTitle: string;
  heading: string | null;
  href: string;
  /** The snippet in parts; `match: true` parts are highlighted. */
  snippet: { text: string; match: boolean }[];
  score: number;
}

// Kept on globalThis so the copy warmed at server start (lib/startup.ts) is the one pages use:
// Next.js bundles instrumentation and pages separately.
const indexKey = Symbol.for('backend-path.search-index');
type GlobalWithIndex = typeof globalThis & { [indexKey]?: SearchSection[] };

/** Plain text of a node, leaving out code blocks (also inside tabs and callouts) and MDX expressions. */
function textOf(node: RootContent | Root): string {
  if (node.type === 'code' || node.type === 'mdxjsEsm' || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return '';
  if ('children' in node) return node.children.map((child) => textOf(child as RootContent)).join(' ');
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

function sectionsOf(lesson: Lesson): SearchSection[] {
  const tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(lesson.body) as Root;
  const slugger = new GithubSlugger();
  const sections: SearchSection[] = [];
  let current = { heading: null as string | null, anchor: null as string | null, parts: [] as string[] };
  const flush = () => {
    const text = current.parts.join(' ').replace(/\s+/g, ' ').trim();
    if (text || current.heading) {
      sections.push({
        lesson: { id: lesson.id, title: lesson.title, href: lesson.href, moduleSlug: lesson.moduleSlug },
        heading: current.heading,
        anchor: current.anchor,
        text,
        haystack: { title: lesson.title.toLowerCase(), heading: (current.heading ?? '').toLowerCase(), text: text.toLowerCase() },
      });
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
  // The summary and objectives are searchable too, under the lesson itself.
  sections.unshift({
    lesson: { id: lesson.id, title: lesson.title, href: lesson.href, moduleSlug: lesson.moduleSlug },
    heading: null,
    anchor: null,
    text: `${lesson.summary} ${lesson.objectives.join(' ')}`.replace(/`/g, ''),
    haystack: {
      title: lesson.title.toLowerCase(),
      heading: '',
      text: `${lesson.summary} ${lesson.objectives.join(' ')}`.replace(/`/g, '').toLowerCase(),
    },
  });
  return sections;
}

export function getSearchIndex(): SearchSection[] {
  const store = globalThis as GlobalWithIndex;
  store[indexKey] ??= getCourse().lessons.flatMap(sectionsOf);
  return store[indexKey];
}

const termsOf = (query: string) =>
  [...new Set(query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((term) => term.length >= 2))].slice(0, 8);

function countOccurrences(haystack: string, term: string): number {
  let count = 0;
  for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + term.length)) count += 1;
  return count;
}

function snippetOf(text: string, terms: string[]): SearchHit['snippet'] {
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((term) => lower.indexOf(term)).filter((at) => at >= 0), text.length);
  const start = Math.max(0, first - 80);
  const end = Math.min(text.length, start + 240);
  const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const pattern = new RegExp(`(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'gi');
  return excerpt
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: terms.includes(part.toLowerCase()) }));
}

/**
 * Sections matching every term of the query (in title, heading or text), best first: title and
 * heading matches weigh more than matches in the text. At most one hit per section, 20 in all.
 */
export function searchCourse(query: string, limit = 20): SearchHit[] {
  const terms = termsOf(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const section of getSearchIndex()) {
    let score = 0;
    let matchesAll = true;
    for (const term of terms) {
      const inTitle = section.haystack.title.includes(term);
      const inHeading = section.haystack.heading.includes(term);
      const inText = countOccurrences(section.haystack.text, term);
      if (!inTitle && !inHeading && inText === 0) {
        matchesAll = false;
        break;
      }
      score += (inTitle ? 3 : 0) + (inHeading ? 5 : 0) + Math.min(inText, 5);
    }
    if (!matchesAll) continue;
    hits.push({
      lessonTitle: section.lesson.title,
      heading: section.heading,
      href: section.anchor ? `${section.lesson.href}#${section.anchor}` : section.lesson.href,
      snippet: snippetOf(section.text || section.heading || section.lesson.title, terms),
      score,
    });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
