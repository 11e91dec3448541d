import { describe, expect, it } from 'vitest';
import { parseLab, toPublicLab } from '@/lib/labs/format';
import { evaluatePlan, listPlanNodes } from '@/lib/labs/plan';
import { splitStatements } from '@/lib/labs/statements';

const lab = (tasks: string) => `title: A lab
intro: |
  Some text.
tasks:
${tasks}`;

const task = `  - id: first-task
    title: First
    prompt: Do it.
    starter: SELECT 1;
    solution: SELECT 2;
    checks:
      - kind: result
    wrong:
      - SELECT 3;
`;

describe('parseLab', () => {
  it('reads a valid lab with the line of each task, check and wrong answer', () => {
    const parsed = parseLab(lab(task + task.replace('first-task', 'second-task')));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lab.tasks.map((t) => t.id)).toEqual(['first-task', 'second-task']);
    expect(parsed.lines.tasks[0]).toEqual({
      line: 5,
      starter: 8,
      solution: 9,
      checks: [11],
      wrong: [13],
    });
    expect(parsed.lines.tasks[1]?.line).toBe(14);
  });

  it('refuses unknown keys at their line (a typo must not disable a check)', () => {
    const parsed = parseLab(
      lab(task.replace('      - kind: result', '      - kind: result\n        orderd: true')),
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 12, message: 'tasks.0.checks.0: unknown field orderd' }],
    });
  });

  it('reports a task id used twice at its line', () => {
    const parsed = parseLab(lab(task + task));
    expect(parsed).toEqual({
      ok: false,
      problems: [{ line: 14, message: 'tasks.1.id: "first-task" is used by another task' }],
    });
  });

  it('reports missing fields and an empty wrong list', () => {
    const parsed = parseLab(
      lab(task.replace('    solution: SELECT 2;\n', '').replace('      - SELECT 3;\n', '') + task),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const messages = parsed.problems.map((problem) => `${problem.line}: ${problem.message}`);
    expect(messages).toContain('5: tasks.0.solution: is required');
    expect(messages.some((message) => message.startsWith('11: tasks.0.wrong: '))).toBe(true);
  });

  it('checks the shape of state and plan checks', () => {
    const state = (body: string) => parseLab(lab(task.replace('      - kind: result', body)));
    const problems = (body: string) => {
      const parsed = state(body);
      return parsed.ok ? [] : parsed.problems.map((problem) => problem.message);
    };
    expect(
      problems(
        "      - kind: state\n        statement: INSERT INTO t VALUES (1)\n        sqlstate: '23505'",
      ),
    ).toEqual([]);
    expect(
      problems(
        '      - kind: state\n        statement: INSERT INTO t VALUES (1)\n        sqlstate: 23505',
      )[0],
    ).toMatch(/sqlstate: must be a quoted/);
    expect(problems('      - kind: state\n        statement: INSERT INTO t VALUES (1)')).toEqual([
      'tasks.0.checks.0.statement: needs `sqlstate`: the error the statement must fail with',
    ]);
    expect(
      problems(
        "      - kind: state\n        query: SELECT 1\n        statement: SELECT 2\n        sqlstate: '23505'",
      )[0],
    ).toMatch(/either `query`/);
    expect(
      problems(
        '      - kind: state\n        statement: SELECT 2\n        sqlstate: "23505"\n        ordered: true',
      ),
    ).toEqual([
      'tasks.0.checks.0.ordered: compares rows: it goes with `query`, not with `statement`',
    ]);
    expect(problems('      - kind: plan')[0]).toMatch(/needs `contains` or `excludes`/);
    expect(problems('      - kind: plans')[0]).toMatch(/kind must be result, plan or state/);
  });

  it('leaves solutions and wrong answers out of the public lab', () => {
    const parsed = parseLab(lab(task));
    if (!parsed.ok) throw new Error('the lab should parse');
    const shipped = JSON.stringify(toPublicLab(parsed.lab));
    expect(shipped).toContain('SELECT 1;');
    expect(shipped).not.toContain('SELECT 2;');
    expect(shipped).not.toContain('SELECT 3;');
    expect(Object.keys(toPublicLab(parsed.lab).tasks[0] ?? {})).toEqual([
      'id',
      'title',
      'prompt',
      'starter',
      'checks',
    ]);
  });

  it('reports YAML syntax errors at their line', () => {
    const parsed = parseLab('title: A\nintro: [unclosed\ntasks: []\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/^YAML: /);
  });
});

describe('splitStatements', () => {
  it('splits at semicolons outside quotes, comments and dollar-quoted bodies', () => {
    const sql = [
      'SELECT \'a;b\', "x;y" FROM t; -- a comment; still a comment',
      "SELECT E'it\\'s; fine' /* a; /* nested; */ comment */;",
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;',
      'DO $$ BEGIN PERFORM 1; END $$;',
      'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;',
      ';;',
      'SELECT 3',
    ].join('\n');
    const statements = splitStatements(sql);
    expect(statements.map((statement) => statement.line)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(statements[1]?.text).toBe("SELECT E'it\\'s; fine' /* a; /* nested; */ comment */");
    expect(statements[2]?.text).toContain('$body$ SELECT 1; $body$');
    expect(statements[4]?.text).toContain('SELECT 2; END');
    expect(statements[5]).toEqual({ text: 'SELECT 3', start: sql.indexOf('SELECT 3'), line: 7 });
  });

  it('finds no statement in comments and blanks', () => {
    expect(splitStatements('-- nothing\n  /* here */ ;\n')).toEqual([]);
  });
});

describe('plan checks', () => {
  const plan = JSON.stringify([
    {
      Plan: {
        'Node Type': 'Hash Join',
        Plans: [
          { 'Node Type': 'Seq Scan', 'Relation Name': 'orders' },
          {
            'Node Type': 'Hash',
            Plans: [
              {
                'Node Type': 'Index Scan',
                'Index Name': 'customers_pkey',
                'Relation Name': 'customers',
              },
            ],
          },
        ],
      },
    },
  ]);

  it('walks every node of the tree', () => {
    expect(listPlanNodes(plan).map((node) => node.nodeType)).toEqual([
      'Hash Join',
      'Seq Scan',
      'Hash',
      'Index Scan',
    ]);
  });

  it('matches node types and index names, and names what is wrong', () => {
    const nodes = listPlanNodes(plan);
    expect(
      evaluatePlan(nodes, {
        contains: ['Index Scan', 'customers_pkey'],
        excludes: ['Bitmap Heap Scan'],
      }),
    ).toEqual([]);
    expect(evaluatePlan(nodes, { excludes: ['Seq Scan'] })).toEqual([
      'The plan still uses a Seq Scan on orders',
    ]);
    expect(
      evaluatePlan(nodes, { contains: ['Index Only Scan', 'orders_customer_id_idx'] }),
    ).toEqual([
      'The plan does not use an Index Only Scan',
      'The plan does not use the index orders_customer_id_idx',
    ]);
  });
});
