import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { extractHeadings, loadCourse } from '@/lib/content/load';
import { lessonFrontmatter } from '../support/lesson-fixture';

const validFrontmatter = lessonFrontmatter(1, 'b', 'hello');
const validLesson = `${validFrontmatter}\n## Hello\n\nText.\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function makeCourse(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const moduleYaml = 'title: Basics\nsummary: The basics.\norder: 1\n';

function problemsOf(dir: string): string[] {
  try {
    loadCourse({ contentDir: dir });
  } catch (error) {
    if (error instanceof ContentError) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}

describe('the content index', () => {
  it('loads the real course: modules and lessons in order, each with a unique id and headings', () => {
    const course = loadCourse();
    expect(course.modules.length).toBeGreaterThan(0);
    expect(course.modules[0]?.slug).toBe('the-role');
    const ids = course.lessons.map((lesson) => lesson.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const courseModule of course.modules) {
      const orders = courseModule.lessons.map((lesson) => lesson.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    for (const lesson of course.lessons) {
      expect(lesson.href).toBe(`/learn/${lesson.moduleSlug}/${lesson.slug}`);
      expect(lesson.headings.length).toBeGreaterThan(0);
      for (const question of lesson.quiz) expect(question.choices).toContain(question.answer);
    }
  });

  it('builds a lesson from a valid file, keeping line numbers in the body', () => {
    const source = validLesson;
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': source,
    });
    const course = loadCourse({ contentDir: dir });
    const lesson = course.lessons[0];
    expect(lesson).toMatchObject({
      id: 'basics/first-steps',
      slug: 'first-steps',
      title: 'Lesson 1',
      draft: false,
    });
    const line = source.split('\n').indexOf('## Hello');
    expect(line).toBeGreaterThan(20);
    expect(lesson?.body.split('\n').indexOf('## Hello')).toBe(line);
    expect(lesson?.headings).toEqual([{ depth: 2, text: 'Hello', id: 'hello' }]);
  });

  it('reports a missing field and a wrong type with the file, line and field', () => {
    const broken = validFrontmatter
      .replace('title: "Lesson 1"\n', '')
      .replace('minutes: 8', 'minutes: "ten"');
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': broken,
    });
    const problems = problemsOf(dir);
    const file = path.relative(process.cwd(), path.join(dir, 'basics/01-first-steps.mdx'));
    expect(problems).toContain(
      `${file}:2: title: Invalid input: expected string, received undefined`,
    );
    expect(problems.some((line) => line.startsWith(`${file}:3: minutes:`))).toBe(true);
  });

  it('reports a quiz answer that is not among the choices at its line', () => {
    const broken = validFrontmatter.replace('answer: "b"', 'answer: "c"');
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': broken,
    });
    const file = path.relative(process.cwd(), path.join(dir, 'basics/01-first-steps.mdx'));
    expect(problemsOf(dir)).toEqual([
      `${file}:18: quiz.1.answer: must be one of the choices (got "c")`,
    ]);
  });

  it('reports a quiz question whose section is not a heading of the lesson, at its line', () => {
    const source = validLesson.replace('section: "hello"', 'section: "goodbye"');
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': source,
    });
    const file = path.relative(process.cwd(), path.join(dir, 'basics/01-first-steps.mdx'));
    const line = source.split('\n').indexOf('    section: "goodbye"') + 1;
    expect(problemsOf(dir)).toEqual([
      `${file}:${line}: quiz.0.section: "goodbye" is not a heading of this lesson (one of: hello)`,
    ]);
  });

  it('reports unknown fields, bad file names, order mismatches and missing module metadata', () => {
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': validLesson.replace('order: 1', 'order: 1\nauthor: "me"'),
      'basics/02-second.mdx': validLesson,
      'basics/third.mdx': validLesson,
      'extras/01-x.mdx': validLesson,
    });
    const problems = problemsOf(dir).join('\n');
    expect(problems).toMatch(/01-first-steps\.mdx:2: \(frontmatter\): unknown field author/);
    expect(problems).toMatch(/02-second\.mdx:2: order: is 1 but the file name starts with 02/);
    expect(problems).toMatch(/third\.mdx:1: lesson files are named NN-slug\.mdx/);
    expect(problems).toMatch(/extras\/module\.yaml:1: missing module metadata/);
  });

  it('reports YAML syntax errors with their line', () => {
    const broken = validFrontmatter.replace('minutes: 8', 'minutes: [8');
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': broken,
    });
    expect(problemsOf(dir)[0]).toMatch(/01-first-steps\.mdx:\d+: YAML: /);
  });

  it('leaves drafts out when asked to', () => {
    const dir = makeCourse({
      'basics/module.yaml': moduleYaml,
      'basics/01-first-steps.mdx': validLesson.replace('order: 1', 'order: 1\ndraft: true'),
    });
    expect(loadCourse({ contentDir: dir, includeDrafts: true }).lessons).toHaveLength(1);
    expect(loadCourse({ contentDir: dir, includeDrafts: false }).lessons).toHaveLength(0);
  });
});

describe('extractHeadings', () => {
  it('takes h2 and h3 outside code fences, with GitHub-style unique ids', () => {
    const body = [
      '## Why `DNS` matters',
      '```bash',
      '## not a heading',
      '```',
      '### Why DNS matters',
      '## Why DNS matters',
      '#### too deep',
    ].join('\n');
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: 'Why DNS matters', id: 'why-dns-matters' },
      { depth: 3, text: 'Why DNS matters', id: 'why-dns-matters-1' },
      { depth: 2, text: 'Why DNS matters', id: 'why-dns-matters-2' },
    ]);
  });
});
