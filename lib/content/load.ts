// Reads content/ from disk into a validated course: modules (module.yaml) and their lessons
// (NN-slug.mdx with YAML frontmatter). Every problem is collected with its file and line.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { ContentError, type ContentProblem } from './errors';
import {
  lessonFrontmatterSchema,
  moduleMetaSchema,
  slugSchema,
  type LessonFrontmatter,
  type ModuleMeta,
} from './schema';

export interface Heading {
  depth: 2 | 3;
  text: string;
  id: string;
}

export interface Lesson extends LessonFrontmatter {
  /** "<module>/<lesson>": the id stored with progress. */
  id: string;
  slug: string;
  moduleSlug: string;
  href: `/learn/${string}/${string}`;
  /** Path relative to the project root, for error messages. */
  file: string;
  /** A short hash of the file: changes whenever the lesson does. */
  contentHash: string;
  /** The MDX body with the frontmatter replaced by blank lines, so line numbers still match. */
  body: string;
  headings: Heading[];
}

export interface Module extends ModuleMeta {
  slug: string;
  file: string;
  lessons: Lesson[];
}

export interface Course {
  modules: Module[];
  lessons: Lesson[];
}

/** Sections every lesson ends with; they summarise rather than teach, so quiz questions point elsewhere. */
const closingSections = new Set(['key-takeaways', 'further-reading']);

const lessonFilePattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const frontmatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Parses YAML and validates it, reporting each issue at the line of the offending key. */
function parseYaml<S extends z.ZodType>(
  source: string,
  schema: S,
  file: string,
  firstLine: number,
  problems: ContentProblem[],
): z.infer<S> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = lineCounter.linePos(error.pos[0]).line;
      problems.push({ file, line: firstLine + line - 1, message: `YAML: ${error.message.split('\n')[0]}` });
    }
    return undefined;
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // Walk up the path until a node exists (a missing field is reported at its parent).
    let keys = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    let line = firstLine;
    while (keys.length >= 0) {
      const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
      if (isNode(node) && node.range) {
        line = firstLine + lineCounter.linePos(node.range[0]).line - 1;
        break;
      }
      if (keys.length === 0) break;
      keys = keys.slice(0, -1);
    }
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
        : issue.message;
    problems.push({ file, line, message: `${field}: ${message}` });
  }
  return undefined;
}

/** ## and ### headings outside code fences, with the ids rehype-slug gives them. */
export function extractHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fenceMatch?.[1]) {
      if (fence === null) fence = fenceMatch[1];
      else if (fenceMatch[1].startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const match = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    // Headings render as text: drop inline markdown so the table of contents matches the page.
    const text = match[2]
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/[`*_]/g, '')
      .trim();
    headings.push({ depth: match[1].length as 2 | 3, text, id: slugger.slug(text) });
  }
  return headings;
}

export interface LoadOptions {
  contentDir?: string;
  includeDrafts?: boolean;
}

/** Loads and validates the whole course; throws ContentError listing every problem. */
export function loadCourse({ contentDir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'content'), includeDrafts = true }: LoadOptions = {}): Course {
  const problems: ContentProblem[] = [];
  const root = /*turbopackIgnore: true*/ process.cwd();
  const rel = (file: string) => path.relative(root, file) || file;
  const modules: Module[] = [];

  const moduleDirs = fs
    .readdirSync(/*turbopackIgnore: true*/ contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  for (const moduleSlug of moduleDirs) {
    const moduleDir = path.join(/*turbopackIgnore: true*/ contentDir, moduleSlug);
    const metaFile = path.join(/*turbopackIgnore: true*/ moduleDir, 'module.yaml');
    if (!slugSchema.safeParse(moduleSlug).success) {
      problems.push({ file: rel(moduleDir), line: 1, message: 'module folder name must be lowercase words joined by hyphens' });
      continue;
    }
    if (!fs.existsSync(/*turbopackIgnore: true*/ metaFile)) {
      problems.push({ file: rel(metaFile), line: 1, message: 'missing module metadata (title, summary, order)' });
      continue;
    }
    const meta = parseYaml(fs.readFileSync(/*turbopackIgnore: true*/ metaFile, 'utf8'), moduleMetaSchema, rel(metaFile), 1, problems);

    const lessons: Lesson[] = [];
    for (const fileName of fs.readdirSync(/*turbopackIgnore: true*/ moduleDir).sort()) {
      if (fileName === 'module.yaml') continue;
      const file = path.join(/*turbopackIgnore: true*/ moduleDir, fileName);
      // A module's SQL labs live in labs/ (read by lib/labs/server/load.ts), not lessons.
      if (fileName === 'labs' && fs.statSync(/*turbopackIgnore: true*/ file).isDirectory()) continue;
      const match = lessonFilePattern.exec(fileName);
      if (!match?.[1] || !match[2]) {
        problems.push({ file: rel(file), line: 1, message: 'lesson files are named NN-slug.mdx (for example 01-the-unseen-layer.mdx)' });
        continue;
      }
      const source = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
      const fm = frontmatterPattern.exec(source);
      if (!fm || fm[1] === undefined) {
        problems.push({ file: rel(file), line: 1, message: 'missing YAML frontmatter (a block between --- lines at the top)' });
        continue;
      }
      const data = parseYaml(fm[1], lessonFrontmatterSchema, rel(file), 2, problems);
      if (!data) continue;
      const prefix = Number.parseInt(match[1], 10);
      if (prefix !== data.order) {
        problems.push({ file: rel(file), line: 2, message: `order: is ${data.order} but the file name starts with ${match[1]}` });
      }
      if (data.draft && !includeDrafts) continue;
      const frontmatterLines = fm[0].split('\n').length - 1;
      const body = '\n'.repeat(frontmatterLines) + source.slice(fm[0].length);
      const headings = extractHeadings(body);
      const sections = new Set(headings.filter((heading) => !closingSections.has(heading.id)).map((heading) => heading.id));
      data.quiz.forEach((question, index) => {
        if (sections.has(question.section)) return;
        const line = source.split('\n').findIndex((text) => text.trim() === `section: "${question.section}"`);
        problems.push({
          file: rel(file),
          line: line === -1 ? 2 : line + 1,
          message: `quiz.${index}.section: "${question.section}" is not a heading of this lesson (one of: ${[...sections].join(', ')})`,
        });
      });
      lessons.push({
        ...data,
        id: `${moduleSlug}/${match[2]}`,
        slug: match[2],
        moduleSlug,
        href: `/learn/${moduleSlug}/${match[2]}`,
        file: rel(file),
        contentHash: crypto.createHash('sha256').update(source).digest('hex').slice(0, 16),
        body,
        headings,
      });
    }
    lessons.sort((a, b) => a.order - b.order);
    for (let i = 1; i < lessons.length; i += 1) {
      const [previous, current] = [lessons[i - 1], lessons[i]];
      if (previous && current && previous.order === current.order) {
        problems.push({ file: current.file, line: 2, message: `order: ${current.order} is also used by ${previous.file}` });
      }
    }
    if (meta) modules.push({ ...meta, slug: moduleSlug, file: rel(metaFile), lessons });
  }

  modules.sort((a, b) => a.order - b.order);
  for (let i = 1; i < modules.length; i += 1) {
    const [previous, current] = [modules[i - 1], modules[i]];
    if (previous && current && previous.order === current.order) {
      problems.push({ file: current.file, line: 1, message: `order: ${current.order} is also used by ${previous.file}` });
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { modules, lessons: modules.flatMap((module) => module.lessons) };
}
