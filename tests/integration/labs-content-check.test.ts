// Runs the real `content:check` on a copy of the example lab (tests/fixtures/labs) with mistakes a
// lab author makes, and expects each reported as file:line: message.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonFrontmatter } from '../support/lesson-fixture';

const run = promisify(execFile);
const fixture = path.join(process.cwd(), 'tests/fixtures/labs/content');
let dir: string;

const prose = Array.from({ length: 760 }, (_, index) => `word${index}`).join(' ');
const lesson = (extra: string) => `${lessonFrontmatter(1)}
## Scenario

${prose}

${extra}

\`\`\`sql title="query.sql"
select 1;
\`\`\`

<Callout type="note">

A note.

</Callout>

## Key takeaways

- One.

## Further reading

- [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110) is the reference.
- [PostgreSQL](https://www.postgresql.org/docs/current/) is the manual.
`;

async function check() {
  try {
    const { stdout, stderr } = await run(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/content-check.ts'],
      { env: { ...process.env, CONTENT_DIR: dir } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const labFile = (lab: string, file: string) =>
  path.relative(process.cwd(), path.join(dir, 'shop/labs', lab, file));
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'labs-check-'));
  fs.cpSync(fixture, dir, { recursive: true });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run content:check on labs', () => {
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
    // A lesson that embeds a lab that does not exist.
    fs.writeFileSync(path.join(dir, 'shop/01-shop.mdx'), lesson('<SqlLab id="no-such-lab" />'));

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
      `${path.relative(process.cwd(), path.join(dir, 'shop/01-shop.mdx'))}:${lineOf(lesson('<SqlLab id="no-such-lab" />'), 'SqlLab')}: SqlLab id="no-such-lab": no lab`,
    );
    // Copies share the example lab's id only through their folder names: no duplicate-id report.
    expect(result.output).not.toContain('is also used by');
  }, 240_000);
});
