// The editorial checks behind `npm run content:check`: beyond the frontmatter schema (load.ts),
// each lesson must compile, link only to pages and headings that exist, have no empty sections,
// stay within the word range, and carry the parts every lesson has (callout, worked example,
// key takeaways, 2-4 further-reading links).
import fs from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import type { Heading as MdastHeading, Link, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { compileMdx } from './compile';
import type { ContentProblem } from './errors';
import type { Course, Lesson } from './load';

export const wordRange = { min: 700, max: 1800 } as const;
export const furtherReadingRange = { min: 2, max: 4 } as const;

/** Site pages a lesson may link to besides other lessons. */
const knownPages = new Set(['/', '/learn', '/dashboard', '/authoring', '/sign-in', '/sign-up']);
const quizAnchor = 'check-your-understanding';

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

function parse(lesson: Lesson): Root {
  return createProcessor({ remarkPlugins: [remarkGfm] }).parse({ value: lesson.body, path: lesson.file }) as Root;
}

/** Words of prose: everything but code blocks, counting inline code as words. */
export function countProseWords(tree: Root): number {
  let words = 0;
  visit(tree, (node) => {
    if (node.type === 'code') return 'skip';
    if (node.type === 'text' || node.type === 'inlineCode') {
      words += node.value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
    }
    return undefined;
  });
  return words;
}

function checkLinks(tree: Root, lesson: Lesson, course: Course, problems: ContentProblem[]) {
  const ownAnchors = new Set([...lesson.headings.map((heading) => heading.id), quizAnchor]);
  // Returns nothing: a number returned from a visitor would tell unist-util-visit where to go next.
  const report = (node: Nodes, message: string): void => {
    problems.push({ file: lesson.file, line: lineOf(node), message });
  };

  visit(tree, 'link', (node: Link) => {
    const url = node.url;
    if (url.startsWith('#')) {
      if (!ownAnchors.has(decodeURIComponent(url.slice(1)))) report(node, `link to #${url.slice(1)}: no heading with that id in this lesson`);
      return;
    }
    if (url.startsWith('/')) {
      const [pathname = '', anchor] = url.split('#');
      const match = /^\/learn\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
      if (match) {
        const target = course.lessons.find((candidate) => candidate.id === `${match[1]}/${match[2]}`);
        if (!target) return report(node, `link to ${pathname}: no such lesson`);
        const anchors = new Set([...target.headings.map((heading) => heading.id), quizAnchor]);
        if (anchor && !anchors.has(decodeURIComponent(anchor))) report(node, `link to ${url}: ${target.file} has no heading with id "${anchor}"`);
        return;
      }
      if (!knownPages.has(pathname.replace(/\/$/, '') || '/')) report(node, `link to ${pathname}: no such page`);
      return;
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return report(node, `link "${url}" is neither an absolute URL nor a site path (/learn/<module>/<lesson>)`);
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return report(node, `link "${url}": only http(s) links are allowed`);
    if (!parsed.hostname.includes('.')) report(node, `link "${url}": the host name looks incomplete`);
    if (parsed.protocol === 'http:') report(node, `link "${url}": use https`);
  });

  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'Figure') return;
    const src = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src')?.value;
    if (typeof src !== 'string' || !src.startsWith('/')) return report(node, 'Figure needs src="/path/in/public.svg"');
    if (!fs.existsSync(path.join(/*turbopackIgnore: true*/ process.cwd(), 'public', src))) report(node, `Figure src ${src}: no such file in public/`);
  });
}

function checkStructure(tree: Root, lesson: Lesson, problems: ContentProblem[]) {
  const report = (line: number, message: string): void => {
    problems.push({ file: lesson.file, line, message });
  };
  const children = tree.children;

  // A heading followed directly by a heading of the same or a higher level (or nothing) is empty.
  children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const next = children.slice(index + 1).find((candidate) => candidate.type !== 'mdxjsEsm');
    if (!next || (next.type === 'heading' && next.depth <= node.depth)) {
      report(lineOf(node), `section "${toString(node)}" is empty`);
    }
  });

  const h2s = children.filter((node): node is MdastHeading => node.type === 'heading' && node.depth === 2);
  const titled = (title: string) => h2s.find((heading) => toString(heading).trim().toLowerCase() === title);
  if (!titled('key takeaways')) report(1, 'missing a "## Key takeaways" section');
  const reading = titled('further reading');
  if (!reading) {
    report(1, 'missing a "## Further reading" section');
  } else {
    if (h2s.at(-1) !== reading) report(lineOf(reading), '"Further reading" must be the last section');
    const start = children.indexOf(reading);
    const end = children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= 2);
    let links = 0;
    for (const node of children.slice(start + 1, end === -1 ? undefined : end)) {
      visit(node, 'link', (link: Link) => {
        if (/^https?:\/\//.test(link.url)) links += 1;
      });
    }
    if (links < furtherReadingRange.min || links > furtherReadingRange.max) {
      report(lineOf(reading), `"Further reading" has ${links} external links; use ${furtherReadingRange.min} to ${furtherReadingRange.max} primary sources`);
    }
  }

  let callouts = 0;
  let examples = 0;
  visit(tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Callout') callouts += 1;
    if (node.type === 'code' || (node.type === 'mdxJsxFlowElement' && node.name === 'Figure')) examples += 1;
  });
  if (callouts === 0) report(1, 'needs at least one <Callout> (a pitfall, a security note or "in production")');
  if (examples === 0) report(1, 'needs at least one worked example (a code block or a <Figure>)');

  const words = countProseWords(tree);
  if (words < wordRange.min || words > wordRange.max) {
    report(1, `has ${words} words of prose; lessons have ${wordRange.min} to ${wordRange.max}`);
  }
}

export interface LessonStats {
  file: string;
  words: number;
  codeTabs: string[];
}

/** Prose words and the languages shown in tabs, for the `--stats` report. */
export function getLessonStats(lesson: Lesson): LessonStats {
  const tree = parse(lesson);
  const languages = new Set<string>();
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name !== 'CodeTabs') return;
    for (const child of node.children) {
      const title = child.type === 'code' ? /title="([^"]+)"/.exec(child.meta ?? '')?.[1] : undefined;
      if (title) languages.add(title);
    }
  });
  return { file: lesson.file, words: countProseWords(tree), codeTabs: [...languages] };
}

export interface SqlLabReference {
  /** The `id` attribute, when it is a plain string. */
  id: string | undefined;
  line: number;
}

/** The `<SqlLab id="…" />` elements of a lesson, with their lines. */
export function listSqlLabReferences(lesson: Lesson): SqlLabReference[] {
  const references: SqlLabReference[] = [];
  let tree: Root;
  try {
    tree = parse(lesson);
  } catch {
    // MDX that does not parse is reported by checkLesson.
    return references;
  }
  visit(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'SqlLab') return;
    const id = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value;
    references.push({ id: typeof id === 'string' ? id : undefined, line: lineOf(node) });
  });
  return references;
}

/** Every problem in one lesson, as file:line messages. */
export async function checkLesson(lesson: Lesson, course: Course): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  try {
    await compileMdx(lesson.body, lesson.file);
  } catch (error) {
    const place = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    const line = place.line ?? place.place?.start?.line ?? place.place?.line ?? 1;
    problems.push({ file: lesson.file, line, message: `MDX: ${place.reason ?? place.message}` });
    return problems;
  }
  const tree = parse(lesson);
  checkLinks(tree, lesson, course, problems);
  checkStructure(tree, lesson, problems);
  return problems.sort((a, b) => a.line - b.line);
}

