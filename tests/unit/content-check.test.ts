import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonBody, lessonFrontmatter, lessonProse } from '../support/lesson-fixture';

// Runs the real `content:check` command on a small course written to a temporary folder.
const run = promisify(execFile);
let dir: string;

const frontmatter = lessonFrontmatter;
const prose = lessonProse;
const body = lessonBody;

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

async function check(...files: string[]) {
  try {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/content-check.ts', ...files],
      {
        env: { ...process.env, CONTENT_DIR: dir },
      },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const rel = (file: string) => path.relative(process.cwd(), path.join(dir, file));

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-check-'));
  write('basics/module.yaml', 'title: "Basics"\nsummary: "The basics."\norder: 1\n');
  write(
    'basics/01-good.mdx',
    frontmatter(1) +
      body(
        'See [the opening](/learn/basics/good#scenario) and [the quiz](#check-your-understanding).',
      ),
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run content:check', () => {
  it('passes a complete lesson', async () => {
    const result = await check();
    expect(result.output).toContain('no problems');
    expect(result.code).toBe(0);
  }, 60_000);

  it('fails on a quiz answer that is not among the choices, at its line', async () => {
    write('basics/02-linking.mdx', frontmatter(2, 'c') + body());
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `${rel('basics/02-linking.mdx')}:18: quiz.1.answer: must be one of the choices (got "c")`,
    );
    fs.rmSync(path.join(dir, 'basics/02-linking.mdx'));
  }, 60_000);

  it('fails on bad frontmatter with the file, line and field', async () => {
    write('basics/02-linking.mdx', frontmatter(2).replace('minutes: 8', 'minutes: eight'));
    const result = await check();
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      new RegExp(`${rel('basics/02-linking.mdx').replace(/[.]/g, '\\.')}:4: minutes: `),
    );
    fs.rmSync(path.join(dir, 'basics/02-linking.mdx'));
  }, 60_000);

  it('fails on dead internal links and anchors, malformed URLs, empty sections and missing parts', async () => {
    const broken =
      frontmatter(2) +
      body(
        [
          'A [dead lesson](/learn/basics/missing) and a [dead anchor](/learn/basics/good#nowhere).',
          '',
          'A [bad url](htps//example) and [a page](/pricing).',
          '',
          '## Empty section',
          '',
          '## Next section',
          '',
          'Text.',
        ].join('\n'),
      ).replace('## Key takeaways\n\n- One.\n', '');
    write('basics/02-linking.mdx', broken);
    const result = await check(path.join(dir, 'basics/02-linking.mdx'));
    const file = rel('basics/02-linking.mdx');
    const lineOf = (text: string) =>
      broken.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `${file}:${lineOf('dead lesson')}: link to /learn/basics/missing: no such lesson`,
    );
    expect(result.output).toContain(
      `${file}:${lineOf('dead anchor')}: link to /learn/basics/good#nowhere:`,
    );
    expect(result.output).toContain(
      `${file}:${lineOf('bad url')}: link "htps//example" is neither an absolute URL`,
    );
    expect(result.output).toContain(`${file}:${lineOf('bad url')}: link to /pricing: no such page`);
    expect(result.output).toContain(
      `${file}:${lineOf('## Empty section')}: section "Empty section" is empty`,
    );
    expect(result.output).toContain(`${file}:1: missing a "## Key takeaways" section`);
    fs.rmSync(path.join(dir, 'basics/02-linking.mdx'));
  }, 60_000);

  it('fails on MDX that does not compile and on lessons that are too short', async () => {
    write('basics/02-linking.mdx', frontmatter(2, 'b', 'short') + '\n## Short\n\nA <broken tag.\n');
    const result = await check();
    const file = rel('basics/02-linking.mdx');
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}:30: MDX: `));
    write('basics/02-linking.mdx', frontmatter(2) + body().replace(prose(760), prose(200)));
    expect((await check()).output).toMatch(/has \d+ words of prose; lessons have 700 to 1800/);
    fs.rmSync(path.join(dir, 'basics/02-linking.mdx'));
  }, 60_000);
});
