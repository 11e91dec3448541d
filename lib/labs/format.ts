// The lab.yaml format (issue 14, /work/lab-format-spec.md): a strict zod schema (an unknown key is
// an error, so a typo cannot silently disable a check) and a parser that reports every problem at
// the line of the offending key.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const labIdPattern = kebabCase;

const stringError = {
  error: (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is required' : 'must be text',
};
const text = z.string(stringError).trim().min(1, 'is required');
const sql = z.string(stringError).trim().min(1, 'needs SQL');

/** Options shared by `result` checks and `state` checks with a `query` (all optional; see compareOptionsOf). */
const compareFields = {
  ordered: z.boolean().optional(),
  columns: z.enum(['positions', 'names']).optional(),
  tolerance: z.number().nonnegative('must be 0 or more').optional(),
  nullEqualsNull: z.boolean().optional(),
};

const resultCheckSchema = z.strictObject({ kind: z.literal('result'), ...compareFields });

const planCheckSchema = z
  .strictObject({
    kind: z.literal('plan'),
    query: sql.optional(),
    contains: z.array(text).optional(),
    excludes: z.array(text).optional(),
  })
  .superRefine((check, ctx) => {
    if ((check.contains?.length ?? 0) + (check.excludes?.length ?? 0) === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['contains'],
        message: 'a plan check needs `contains` or `excludes` (node types or index names)',
      });
    }
  });

const stateCheckSchema = z
  .strictObject({
    kind: z.literal('state'),
    query: sql.optional(),
    statement: sql.optional(),
    sqlstate: z
      .string("must be a quoted five-character code, such as '23505'")
      .regex(/^[0-9A-Z]{5}$/, "must be a five-character SQLSTATE, such as '23505'")
      .optional(),
    ...compareFields,
  })
  .superRefine((check, ctx) => {
    const add = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if ((check.query === undefined) === (check.statement === undefined)) {
      add(
        'kind',
        'a state check has either `query` (compared with the solution) or `statement` + `sqlstate`',
      );
      return;
    }
    if (check.statement !== undefined && check.sqlstate === undefined) {
      add('statement', 'needs `sqlstate`: the error the statement must fail with');
    }
    if (check.query !== undefined && check.sqlstate !== undefined) {
      add('sqlstate', 'goes with `statement`, not with `query`');
    }
    if (check.statement !== undefined) {
      for (const key of ['ordered', 'columns', 'tolerance', 'nullEqualsNull'] as const) {
        if (check[key] !== undefined)
          add(key, 'compares rows: it goes with `query`, not with `statement`');
      }
    }
  });

export const labCheckSchema = z.discriminatedUnion(
  'kind',
  [resultCheckSchema, planCheckSchema, stateCheckSchema],
  { error: 'kind must be result, plan or state' },
);

export const labTaskSchema = z.strictObject({
  id: z.string().regex(kebabCase, 'must be lowercase words joined by hyphens'),
  title: text,
  prompt: text,
  hint: text.optional(),
  starter: z.string(stringError),
  solution: sql,
  checks: z.array(labCheckSchema).min(1, 'needs at least one check'),
  wrong: z.array(sql).min(1, 'needs at least one plausible wrong answer'),
});

export const labSchema = z
  .strictObject({
    // HTTP and code labs (issue 15) will add their kinds; a SQL lab may say so.
    kind: z.literal('sql').optional(),
    title: text,
    intro: text,
    tasks: z.array(labTaskSchema).min(1, 'needs at least one task'),
  })
  .superRefine((lab, ctx) => {
    const seen = new Set<string>();
    lab.tasks.forEach((task, index) => {
      if (seen.has(task.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', index, 'id'],
          message: `"${task.id}" is used by another task`,
        });
      }
      seen.add(task.id);
    });
  });

export type Lab = z.infer<typeof labSchema>;
export type LabTask = z.infer<typeof labTaskSchema>;
export type LabCheck = z.infer<typeof labCheckSchema>;
export type ResultCheck = z.infer<typeof resultCheckSchema>;
export type PlanCheck = z.infer<typeof planCheckSchema>;
export type StateCheck = z.infer<typeof stateCheckSchema>;

/** A task as the browser may see it: no solution, no wrong answers. */
export type PublicLabTask = Pick<
  LabTask,
  'id' | 'title' | 'prompt' | 'hint' | 'starter' | 'checks'
>;

export interface PublicLab {
  title: string;
  intro: string;
  tasks: PublicLabTask[];
}

/** What may reach the browser, field by field (a field added to the format is not shipped by default). */
export function toPublicLab(lab: Lab): PublicLab {
  return {
    title: lab.title,
    intro: lab.intro,
    tasks: lab.tasks.map(({ id, title, prompt, hint, starter, checks }) => ({
      id,
      title,
      prompt,
      ...(hint === undefined ? {} : { hint }),
      starter,
      checks,
    })),
  };
}

export interface CompareOptions {
  /** Compare rows in order (default false: as multisets, duplicates counted). */
  ordered: boolean;
  /** Match columns by position (default) or by name (then order is free). */
  columns: 'positions' | 'names';
  /** Absolute tolerance for numeric columns (default 0). */
  tolerance: number;
  /** NULL equals NULL (default true). */
  nullEqualsNull: boolean;
}

/** A check's comparison options with the defaults filled in. */
export function compareOptionsOf(check: Partial<CompareOptions>): CompareOptions {
  return {
    ordered: check.ordered ?? false,
    columns: check.columns ?? 'positions',
    tolerance: check.tolerance ?? 0,
    nullEqualsNull: check.nullEqualsNull ?? true,
  };
}

/** Where each part of a lab.yaml is, for messages about a task, its checks and its wrong answers. */
export interface LabLines {
  tasks: {
    line: number;
    starter: number;
    solution: number;
    checks: number[];
    wrong: number[];
  }[];
}

export interface LabProblem {
  line: number;
  message: string;
}

export type ParsedLab =
  { ok: true; lab: Lab; lines: LabLines } | { ok: false; problems: LabProblem[] };

function lineOf(doc: Document, lineCounter: LineCounter, path: (string | number)[]): number {
  // Walk up the path until a node exists (a missing field is reported at its parent).
  for (let keys = path; ; keys = keys.slice(0, -1)) {
    const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    if (keys.length === 0) return 1;
  }
}

/** Parses and validates a lab.yaml; problems carry the line of the offending key (1-based). */
export function parseLab(source: string): ParsedLab {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        line: lineCounter.linePos(error.pos[0]).line,
        message: `YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const result = labSchema.safeParse(doc.toJS());
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
      const field = path.length > 0 ? path.join('.') : '(lab)';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
          : issue.message;
      // An unknown key is reported at its own line, not at the start of its map.
      const at = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
      return { line: lineOf(doc, lineCounter, at), message: `${field}: ${message}` };
    });
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  }
  const lab = result.data;
  const at = (...path: (string | number)[]) => lineOf(doc, lineCounter, path);
  // A task's line is the line of its first key (`- id: ...`), not of the map's first character.
  const lines: LabLines = {
    tasks: lab.tasks.map((task, index) => ({
      line: at('tasks', index),
      starter: at('tasks', index, 'starter'),
      solution: at('tasks', index, 'solution'),
      checks: task.checks.map((_, check) => at('tasks', index, 'checks', check)),
      wrong: task.wrong.map((_, wrong) => at('tasks', index, 'wrong', wrong)),
    })),
  };
  return { ok: true, lab, lines };
}
