// Runs the real `content:check` on a copy of the example lab (tests/fixtures/labs) with mistakes a
// lab author makes, including a lab embedded by no lesson of its module, and expects each reported
// as file:line: message.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonBody, lessonFrontmatter } from '../support/lesson-fixture';

const run = promisify(execFile);
const fixture = path.join(process.cwd(), 'tests/fixtures/labs/content');
let dir: string;

const lesson = (extra: string) => lessonFrontmatter(1) + lessonBody(extra);

async function check(...files: string[]) {
  try {
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/content-check.ts', ...files],
      { env: { ...process.env, CONTENT_DIR: dir } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const rel = (file: string) => path.relative(process.cwd(), path.join(dir, file));
const labFile = (lab: string, file: string) => rel(path.join('shop/labs', lab, file));
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

// The example lab's lesson: every lab is embedded by a lesson of its own module.
const shopLesson = lesson('<SqlLab id="example-shop" />');

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-check-'));
  fs.cpSync(fixture, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'shop/01-shop.mdx'), shopLesson);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run content:check on labs', () => {
  it('requires each lab to be embedded by a lesson of its own module', async () => {
    // The shop lesson loses its lab, and a lesson of another module embeds it instead.
    fs.writeFileSync(path.join(dir, 'shop/01-shop.mdx'), lesson(''));
    fs.mkdirSync(path.join(dir, 'other'));
    fs.writeFileSync(
      path.join(dir, 'other/module.yaml'),
      'title: "Other"\nsummary: "Another module."\norder: 2\n',
    );
    const otherLesson = lesson('<SqlLab id="example-shop" />');
    fs.writeFileSync(path.join(dir, 'other/01-other.mdx'), otherLesson);

    // Checking only the lessons reports the lab of their module that none of them embeds.
    const result = await check(rel('shop/01-shop.mdx'), rel('other/01-other.mdx'));
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `${labFile('example-shop', 'lab.yaml')}:1: the lab is not embedded by any lesson of module shop (add <SqlLab id="example-shop" /> to one)`,
    );
    expect(result.output).toContain(
      `${rel('other/01-other.mdx')}:${lineOf(otherLesson, 'SqlLab')}: SqlLab id="example-shop": the lab belongs to module shop (${path.dirname(labFile('example-shop', 'lab.yaml'))}/); a lesson embeds only labs of its own module`,
    );

    fs.rmSync(path.join(dir, 'other'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'shop/01-shop.mdx'), shopLesson);
  }, 120_000);

  it('passes the example lab and reports each broken lab at its file and line', async () => {
    const labs = path.join(dir, 'shop/labs');
    const passing = await check();
    expect(passing.output).toMatch(/1 labs \(3 tasks\) checked in [\d.]+ s, no problems/);
    expect(passing.code).toBe(0);

    // A wrong answer that is the solution in other words: no check tells them apart.
    const yamlPath = path.join(labs, 'example-shop/lab.yaml');
    const yaml = fs.readFileSync(yamlPath, 'utf8');
    const vacuous = yaml.replace('COUNT(o.id) AS revenue', 'COALESCE(SUM(o.total), 0) AS revenue');
    fs.writeFileSync(yamlPath, vacuous);
    // A typo in a check's option, in a copy of the lab.
    fs.cpSync(path.join(labs, 'example-shop'), path.join(labs, 'typo-lab'), { recursive: true });
    const typo = yaml.replace('        columns: names', '        column: names');
    fs.writeFileSync(path.join(labs, 'typo-lab/lab.yaml'), typo);
    // A seed that does not load, in another copy.
    fs.cpSync(path.join(labs, 'example-shop'), path.join(labs, 'broken-seed'), { recursive: true });
    const seed = fs.readFileSync(path.join(labs, 'broken-seed/seed.sql'), 'utf8');
    fs.writeFileSync(path.join(labs, 'broken-seed/seed.sql'), seed.replace('(2, ', '(1, '));
    // The lesson also embeds a lab that does not exist.
    const brokenLesson = lesson('<SqlLab id="example-shop" />\n\n<SqlLab id="no-such-lab" />');
    fs.writeFileSync(path.join(dir, 'shop/01-shop.mdx'), brokenLesson);

    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `${labFile('example-shop', 'lab.yaml')}:${lineOf(vacuous, 'id: revenue-per-customer')}: task revenue-per-customer: wrong answer 2 passes every check on 2 datasets`,
    );
    expect(result.output).toContain(
      `${labFile('typo-lab', 'lab.yaml')}:${lineOf(typo, 'column: names')}: tasks.0.checks.0: unknown field column`,
    );
    expect(result.output).toContain(
      `${labFile('broken-seed', 'seed.sql')}:1: duplicate key value violates unique constraint "customers_pkey"`,
    );
    expect(result.output).toContain(
      `${rel('shop/01-shop.mdx')}:${lineOf(brokenLesson, 'no-such-lab')}: SqlLab id="no-such-lab": no lab`,
    );
    // The copies are embedded by no lesson; the example lab is.
    expect(result.output).toContain(
      `${labFile('typo-lab', 'lab.yaml')}:1: the lab is not embedded by any lesson of module shop (add <SqlLab id="typo-lab" /> to one)`,
    );
    expect(result.output).not.toContain(`${labFile('example-shop', 'lab.yaml')}:1: the lab is not`);
    // Copies share the example lab's id only through their folder names: no duplicate-id report.
    expect(result.output).not.toContain('is also used by');
  }, 240_000);
});
