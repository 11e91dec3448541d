// The small JSON path a request file uses to take a value from an earlier response's body
// ({{create.response.body.$.items[0].id}}): keys and array indexes, nothing more.
import { plural } from '@/lib/format';

/** A key of an object, or an index of an array. */
export type JsonPathStep = string | number;

/** The steps from the body's root; [] is the whole body. Plain data, so it crosses postMessage. */
export type JsonPath = JsonPathStep[];

const bareKey = /^[^.[\]'"\s]+/;
const index = /^\[(\d+)\]/;
const quotedKey = /^\[(?:'([^']*)'|"([^"]*)")\]/;

/**
 * Reads `$.items[0].id`, `items[0].id`, `$['odd key']` or `$`; null when the text is not such a
 * path. The `$` is optional because REST Client writes it and most learners do not.
 */
export function parseJsonPath(text: string): JsonPath | null {
  let rest = text.startsWith('$') ? text.slice(1) : text;
  const path: JsonPath = [];
  // Without `$`, the path starts with a key written without its dot.
  if (rest === text && !rest.startsWith('[')) {
    const key = bareKey.exec(rest);
    if (!key) return null;
    path.push(key[0]);
    rest = rest.slice(key[0].length);
  }
  while (rest.length > 0) {
    if (rest.startsWith('.')) {
      const key = bareKey.exec(rest.slice(1));
      if (!key) return null;
      path.push(key[0]);
      rest = rest.slice(1 + key[0].length);
      continue;
    }
    const position = index.exec(rest);
    if (position) {
      path.push(Number(position[1]));
      rest = rest.slice(position[0].length);
      continue;
    }
    const quoted = quotedKey.exec(rest);
    if (quoted) {
      path.push(quoted[1] ?? quoted[2] ?? '');
      rest = rest.slice(quoted[0].length);
      continue;
    }
    return null;
  }
  return path;
}

/** The path as `$.items[0].id`, the form messages show whatever the learner wrote. */
export function formatJsonPath(path: readonly JsonPathStep[]): string {
  return (
    '$' +
    path
      .map((step) => {
        if (typeof step === 'number') return `[${step}]`;
        return /^[A-Za-z_$][\w$-]*$/.test(step) ? `.${step}` : `['${step}']`;
      })
      .join('')
  );
}

export type JsonPathResult =
  | { found: true; value: unknown }
  /** `reason` says what was there instead, so a learner sees why their path does not match. */
  | { found: false; reason: string };

/** Follows the path through a parsed JSON value. */
export function evaluateJsonPath(root: unknown, path: readonly JsonPathStep[]): JsonPathResult {
  let value = root;
  for (const [depth, step] of path.entries()) {
    const here = formatJsonPath(path.slice(0, depth));
    if (Array.isArray(value)) {
      if (typeof step !== 'number') {
        return { found: false, reason: `${here} is an array (use an index like ${here}[0])` };
      }
      if (step >= value.length) {
        return { found: false, reason: `${here} has ${plural(value.length, 'item')}` };
      }
      value = value[step];
    } else if (typeof value === 'object' && value !== null) {
      const key = String(step);
      if (!Object.hasOwn(value, key)) {
        const keys = Object.keys(value);
        return {
          found: false,
          reason:
            keys.length === 0 ? `${here} is an empty object` : `${here} has ${keys.join(', ')}`,
        };
      }
      value = (value as Record<string, unknown>)[key];
    } else {
      return { found: false, reason: `${here} is ${describe(value)}` };
    }
  }
  return { found: true, value };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return 'a boolean';
}
