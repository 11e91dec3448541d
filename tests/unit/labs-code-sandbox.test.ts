// The code labs' QuickJS sandbox and harness: grading, error reporting with the learner's lines,
// the limits, isolation between submissions, and the helpers exercises rely on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { compileLearnerCode } from '@/lib/labs/code/compile';
import {
  hmacSha256Hex,
  runInSandbox,
  type CodeTestCase,
  type SandboxRequest,
} from '@/lib/labs/code/sandbox';
import { loadNodeQuickJs } from '@/lib/labs/server/code-sandbox';

let quickJs: QuickJSWASMModule;

beforeAll(async () => {
  quickJs = await loadNodeQuickJs();
});

function run(request: Partial<SandboxRequest> & Pick<SandboxRequest, 'source'>) {
  return runInSandbox(quickJs, {
    language: 'javascript',
    entry: 'add',
    tests: [],
    ...request,
  });
}

const addTests: CodeTestCase[] = [
  { name: 'small numbers', call: 'add(1, 2)', expect: 3 },
  { name: 'negative numbers', call: 'add(-5, 2)', expect: -3 },
];

describe('grading', () => {
  it('passes a right answer, exported or only declared', () => {
    for (const source of [
      'export function add(a, b) {\n  return a + b;\n}\n',
      'function add(a, b) {\n  return a + b;\n}\n',
      'export const add = (a, b) => a + b;\n',
      'const sum = (a, b) => a + b;\nexport { sum as add };\n',
    ]) {
      const result = run({ source, tests: addTests });
      expect(result.error, source).toBeUndefined();
      expect(result.cases.map((c) => c.passed)).toEqual([true, true]);
      expect(result.passed).toBe(true);
    }
  });

  it('fails a wrong answer with each case expected and actual', () => {
    const result = run({ source: 'function add(a, b) {\n  return a - b;\n}\n', tests: addTests });
    expect(result.passed).toBe(false);
    expect(result.cases).toMatchObject([
      { name: 'small numbers', passed: false, expected: '3', actual: '-1' },
      { name: 'negative numbers', passed: false, expected: '-3', actual: '-7' },
    ]);
  });

  it('shows undefined, NaN, Infinity, -0 and nested values as readable text', () => {
    const source = 'function add(kind) {\n  return kind;\n}\n';
    const result = run({
      source,
      tests: [
        { name: 'undefined', call: 'add(undefined)', expect: 1 },
        { name: 'NaN', call: 'add(NaN)', expect: 1 },
        { name: 'Infinity', call: 'add(-Infinity)', expect: 1 },
        { name: '-0', call: 'add(-0)', expect: 1 },
        { name: 'object', call: "add({ a: [1, 'x', null], 'b-c': undefined })", expect: 1 },
        { name: 'map', call: "add(new Map([['k', new Set([1])]]))", expect: 1 },
      ],
    });
    expect(result.cases.map((c) => c.actual)).toEqual([
      'undefined',
      'NaN',
      '-Infinity',
      '-0',
      '{ a: [1, "x", null], "b-c": undefined }',
      'Map(1) { "k" => Set(1) { 1 } }',
    ]);
  });

  it('compares objects structurally, ignoring key order', () => {
    const source = 'function add(a, b) {\n  return { sum: a + b, parts: [a, b] };\n}\n';
    const right = { name: 'object', call: 'add(1, 2)', expect: { parts: [1, 2], sum: 3 } };
    const wrong = { name: 'object', call: 'add(1, 2)', expect: { parts: [2, 1], sum: 3 } };
    expect(run({ source, tests: [right] }).passed).toBe(true);
    expect(run({ source, tests: [wrong] }).cases[0]).toMatchObject({
      passed: false,
      expected: '{ parts: [2, 1], sum: 3 }',
      actual: '{ sum: 3, parts: [1, 2] }',
    });
  });

  it('checks an expected error by a substring of its message', () => {
    const source =
      'function add(a, b) {\n  if (typeof a !== "number") throw new TypeError("a must be a number");\n  return a + b;\n}\n';
    const result = run({
      source,
      tests: [
        { name: 'throws', call: 'add("1", 2)', throws: 'must be a number' },
        { name: 'wrong message', call: 'add("1", 2)', throws: 'must be positive' },
        { name: 'does not throw', call: 'add(1, 2)', throws: 'must be a number' },
      ],
    });
    expect(result.cases).toMatchObject([
      { passed: true },
      { passed: false, actual: 'threw "a must be a number"' },
      { passed: false, actual: 'returned 3' },
    ]);
  });

  it('runs script cases with asserts and the lab setup', () => {
    const source = 'function add(a, b) {\n  return a + b;\n}\n';
    const result = run({
      source,
      setup: 'function twice(x) { return add(x, x); }',
      tests: [
        {
          name: 'passes',
          script: 'assert.equal(twice(2), 4);\nassert.deepEqual([add(1, 1)], [2]);',
        },
        { name: 'fails', script: 'assert.equal(twice(2), 5);' },
      ],
    });
    expect(result.cases[0]).toMatchObject({ passed: true });
    expect(result.cases[1]).toMatchObject({ passed: false });
    expect(result.cases[1]?.error?.message).toBe('AssertionError: expected 5, got 4');
  });
});

describe('TypeScript', () => {
  const tsSource = [
    'interface Options {',
    '  retries: number;',
    '}',
    '',
    'export function add(a: number, b: number, options?: Options): number {',
    '  if (a < 0) {',
    "    throw new RangeError('a must not be negative');",
    '  }',
    '  return a + b;',
    '}',
    '',
  ].join('\n');

  it('keeps every line where it was', () => {
    const compiled = compileLearnerCode(tsSource, 'typescript');
    if (!compiled.ok) throw new Error(compiled.message);
    const lines = compiled.code.split('\n');
    expect(lines).toHaveLength(tsSource.split('\n').length);
    expect(lines[6]).toContain("throw new RangeError('a must not be negative')");
    expect(lines[8]).toContain('return a + b');
  });

  it('runs typed code and reports a thrown error at its TypeScript line', () => {
    const result = run({
      source: tsSource,
      language: 'typescript',
      tests: [...addTests, { name: 'negative a', call: 'add(-1, 2)', expect: 1 }],
    });
    expect(result.cases.map((c) => c.passed)).toEqual([true, false, false]);
    expect(result.cases[2]?.error).toEqual({
      kind: 'thrown',
      message: 'RangeError: a must not be negative',
      line: 7,
    });
  });

  it('reports a TypeScript syntax error at its line and column', () => {
    const result = run({
      source: 'export function add(a: number, b: number) {\n  return a +* b;\n}\n',
      language: 'typescript',
      tests: addTests,
    });
    expect(result.error).toMatchObject({ kind: 'syntax', line: 2, column: 14 });
    expect(result.cases.every((c) => c.error?.kind === 'not-run')).toBe(true);
  });
});

describe('errors in the learner code', () => {
  it('gives the message and the learner line of an error thrown deep in the code', () => {
    const source = [
      '// helper first',
      'function check(value) {',
      '  if (value > 10) {',
      '    throw new Error(`too big: ${value}`);',
      '  }',
      '}',
      'function add(a, b) {',
      '  check(a + b);',
      '  return a + b;',
      '}',
    ].join('\n');
    const result = run({ source, tests: [{ name: 'big', call: 'add(10, 5)', expect: 15 }] });
    expect(result.cases[0]).toMatchObject({
      passed: false,
      error: { kind: 'thrown', message: 'Error: too big: 15', line: 4 },
    });
  });

  it('says when a non-Error is thrown', () => {
    const result = run({
      source: 'function add(a, b) {\n  throw { code: 42 };\n}\n',
      tests: [{ name: 'throws', call: 'add(1, 2)', expect: 3 }],
    });
    expect(result.cases[0]?.error?.message).toBe(
      'Your code threw { code: 42 }, which is not an Error (throw new Error("…") gives a message and a line).',
    );
    // A thrown non-Error carries no stack, so there is no line to give.
    expect(result.cases[0]?.error?.kind).toBe('thrown');
  });

  it('reports a syntax error QuickJS finds with its line and column', () => {
    // sucrase accepts a duplicate lexical declaration; QuickJS does not.
    const result = run({ source: 'function add(a, b) {\n  let x = 1;\n  let x = 2;\n}\n' });
    expect(result.error).toMatchObject({ kind: 'syntax', line: 3 });
    expect(result.error?.message).toMatch(/^Syntax error: /);
    expect(result.error?.column).toBeGreaterThan(0);
  });

  it('says when the entry function is missing or not a function', () => {
    const missing = run({
      source: 'function sum(a, b) {\n  return a + b;\n}\n',
      entry: 'retryWithBackoff',
    });
    expect(missing.error).toEqual({
      kind: 'missing-entry',
      message: 'Your code does not define retryWithBackoff.',
    });
    const notFunction = run({ source: 'export const add = 42;\n' });
    expect(notFunction.error?.message).toBe(
      'Your code defines add, but as a value of type number, not a function.',
    );
  });

  it('reports an error thrown by the top level of the code', () => {
    const result = run({ source: 'function add() {}\nnull.boom;\n', tests: addTests });
    expect(result.error).toMatchObject({ kind: 'thrown', line: 2 });
    expect(result.passed).toBe(false);
  });
});

describe('limits', () => {
  it('stops an endless loop and the next submission in the process still works', () => {
    const started = Date.now();
    const looping = run({
      source: 'function add(a, b) {\n  while (true) {}\n}\n',
      tests: [...addTests, { name: 'third', call: 'add(0, 0)', expect: 0 }],
      limits: { timeMs: 300 },
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(looping.cases[0]?.error).toEqual({
      kind: 'time',
      message: 'Stopped after 0.3 s: your code ran too long (an endless loop?)',
    });
    expect(looping.cases[1]?.error?.kind).toBe('not-run');
    expect(looping.passed).toBe(false);

    const next = run({ source: 'function add(a, b) {\n  return a + b;\n}\n', tests: addTests });
    expect(next.passed).toBe(true);
  });

  it('stops an endless loop at the top level with the default 1 s message', () => {
    const result = run({ source: 'while (true) {}\nfunction add() {}\n', tests: addTests });
    expect(result.error?.message).toBe(
      'Stopped after 1 s: your code ran too long (an endless loop?)',
    );
  });

  it('stops a memory bomb with a clear message', () => {
    const result = run({
      source:
        'function add() {\n  const a = [];\n  while (true) a.push(new Array(1e6).fill(1));\n}\n',
      tests: addTests,
    });
    expect(result.cases[0]?.error).toMatchObject({
      kind: 'memory',
      message: 'Stopped: your code ran out of memory (the limit is 32 MB).',
    });
    expect(result.cases[1]?.error?.kind).toBe('not-run');

    const next = run({ source: 'function add(a, b) {\n  return a + b;\n}\n', tests: addTests });
    expect(next.passed).toBe(true);
  });

  it('stops many small allocations that add up past the limit', () => {
    const result = run({
      source:
        'const kept = [];\nfunction add() {\n  while (true) kept.push("x".repeat(64 * 1024) + kept.length);\n}\n',
      tests: addTests,
    });
    expect(result.cases[0]?.error?.kind).toBe('memory');
  });

  it('stops a memory bomb at the top level', () => {
    const result = run({
      source: 'const a = [];\nwhile (true) a.push(new Array(1e6).fill(1));\nfunction add() {}\n',
      tests: addTests,
    });
    expect(result.error?.kind).toBe('memory');
  });

  it('stops endless recursion with a clear message and goes on with the next case', () => {
    const source = 'function add(a, b) {\n  if (a === 0) return b;\n  return add(a, b) + 1;\n}\n';
    const result = run({
      source,
      tests: [
        { name: 'recurses', call: 'add(1, 2)', expect: 3 },
        { name: 'base case', call: 'add(0, 2)', expect: 2 },
      ],
    });
    expect(result.cases[0]?.error).toMatchObject({ kind: 'stack', line: 3 });
    expect(result.cases[0]?.error?.message).toMatch(/too much recursion/);
    expect(result.cases[1]?.passed).toBe(true);
  });

  it('cuts huge console output with a note', () => {
    const result = run({
      source: 'function add() {\n  for (let i = 0; i < 20000; i++) console.log("line", i);\n}\n',
      tests: [{ name: 'prints', call: 'add()' }],
      limits: { outputChars: 1_000 },
    });
    const output = result.cases[0]?.output ?? '';
    expect(output.length).toBeLessThan(1_200);
    expect(output).toMatch(/^line 0\nline 1\n/);
    expect(output).toMatch(/… output cut: your code printed more than 1,000 characters$/);
    expect(result.cases[0]?.passed).toBe(true);
  });

  it('refuses code over the size limit', () => {
    const result = run({
      source: `// ${'x'.repeat(200)}\nfunction add() {}`,
      limits: { sourceChars: 100 },
    });
    expect(result.error?.kind).toBe('source-size');
  });
});

describe('async code', () => {
  it('awaits a returned promise', () => {
    const result = run({
      source: 'export async function add(a, b) {\n  await null;\n  return a + b;\n}\n',
      tests: addTests,
    });
    expect(result.passed).toBe(true);
  });

  it('reports a promise that never settles without hanging', () => {
    const result = run({
      source: 'function add() {\n  return new Promise(() => {});\n}\n',
      tests: [{ name: 'waits forever', call: 'add()', expect: 1 }],
    });
    expect(result.cases[0]?.error?.kind).toBe('never-settled');
    expect(result.durationMs).toBeLessThan(1_000);
  });

  it('reports a rejection with the learner line', () => {
    const result = run({
      source: 'async function add() {\n  await sleep(10);\n  throw new Error("nope");\n}\n',
      tests: [{ name: 'rejects', call: 'add()', expect: 1 }],
    });
    expect(result.cases[0]?.error).toEqual({ kind: 'thrown', message: 'Error: nope', line: 3 });
  });

  it('runs retry with backoff on the fake clock, deterministically and instantly', () => {
    const source = [
      'export async function retryWithBackoff(operation, retries, baseMs) {',
      '  for (let attempt = 0; ; attempt++) {',
      '    try {',
      '      return await operation();',
      '    } catch (error) {',
      '      if (attempt >= retries) throw new Error(`gave up: ${error.message}`);',
      '      await sleep(baseMs * 2 ** attempt);',
      '    }',
      '  }',
      '}',
    ].join('\n');
    const setup = [
      'function failing(times) {',
      '  const calls = [];',
      '  const op = async () => {',
      '    calls.push(clock.now());',
      '    if (calls.length <= times) throw new Error("down");',
      '    return "up";',
      '  };',
      '  op.calls = calls;',
      '  return op;',
      '}',
    ].join('\n');
    const started = Date.now();
    const result = run({
      source,
      entry: 'retryWithBackoff',
      setup,
      tests: [
        { name: 'first try', call: 'retryWithBackoff(failing(0), 3, 1000)', expect: 'up' },
        {
          name: 'gives up',
          call: 'retryWithBackoff(failing(9), 2, 1000)',
          throws: 'gave up: down',
        },
        {
          name: 'doubles the delay',
          script: [
            'const op = failing(3);',
            'const t0 = clock.now();',
            'assert.equal(await retryWithBackoff(op, 5, 100), "up");',
            'assert.deepEqual(op.calls.map((t) => t - t0), [0, 100, 300, 700]);',
            'assert.equal(Date.now(), clock.now());',
          ].join('\n'),
        },
        {
          name: 'timers fire on advance',
          script: [
            'const fired = [];',
            'setTimeout(() => fired.push("b"), 20);',
            'setTimeout(() => fired.push("a"), 10);',
            'const dropped = setTimeout(() => fired.push("never"), 15);',
            'clearTimeout(dropped);',
            'clock.advance(25);',
            'assert.deepEqual(fired, ["a", "b"]);',
          ].join('\n'),
        },
      ],
    });
    expect(result.cases.map((c) => [c.name, c.passed, c.error?.message])).toEqual([
      ['first try', true, undefined],
      ['gives up', true, undefined],
      ['doubles the delay', true, undefined],
      ['timers fire on advance', true, undefined],
    ]);
    // The backoff slept 100 + 200 + 400 ms and 3 s in the other cases, all on the fake clock.
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('isolation', () => {
  it('has no fetch, process, require, timers of the host or module loading', () => {
    const result = run({
      source: 'function add() {}\n',
      tests: [
        {
          name: 'globals',
          call: '[typeof fetch, typeof process, typeof require, typeof XMLHttpRequest, typeof WebAssembly]',
          expect: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
        },
        { name: 'dynamic import', call: "import('node:fs')", throws: 'node:fs' },
      ],
    });
    expect(result.cases.map((c) => [c.name, c.passed, c.actual])).toEqual([
      ['globals', true, '["undefined", "undefined", "undefined", "undefined", "undefined"]'],
      ['dynamic import', true, `threw "could not load module 'node:fs'"`],
    ]);
  });

  it('fails a static import of a host module', () => {
    const result = run({ source: "import fs from 'node:fs';\nfunction add() {}\n" });
    expect(result.error).toMatchObject({ kind: 'thrown', line: 1 });
    expect(result.error?.message).toMatch(/require/);
  });

  it('does not carry changes to globalThis into the next submission', () => {
    const vandal = run({
      source:
        'globalThis.Array = null;\nglobalThis.leaked = "yes";\nObject.prototype.polluted = 1;\nfunction add() {}\n',
      tests: [{ name: 'sees its own change', call: 'typeof leaked', expect: 'string' }],
    });
    expect(vandal.passed).toBe(true);

    const next = run({
      source: 'function add() {\n  return [typeof leaked, Array.isArray([]), ({}).polluted];\n}\n',
      tests: [{ name: 'clean', call: 'add()', expect: ['undefined', true, null] }],
    });
    expect(next.cases[0]?.actual).toBe('["undefined", true, undefined]');
  });

  it('judges correctly even when the code replaces JSON and Object.keys', () => {
    const result = run({
      source:
        'JSON.stringify = () => "3";\nJSON.parse = () => 3;\nObject.keys = () => [];\nfunction add(a, b) {\n  return a - b;\n}\n',
      tests: addTests,
    });
    expect(result.cases.map((c) => c.passed)).toEqual([false, false]);
  });
});

describe('helpers', () => {
  it('random() is deterministic from the seed', () => {
    const source = 'function add() {\n  return [random(), random(), Math.random()];\n}\n';
    const draw = (seed: number) =>
      run({ source, seed, tests: [{ name: 'draw', call: 'add()' }] }).cases[0]?.actual;
    expect(draw(7)).toBe(draw(7));
    expect(draw(7)).not.toBe(draw(8));
    const numbers = JSON.parse(draw(7) ?? '[]') as number[];
    expect(numbers).toHaveLength(3);
    expect(new Set(numbers).size).toBe(3);
    for (const n of numbers) expect(n >= 0 && n < 1).toBe(true);
  });

  it('hmacSha256Hex matches RFC 4231 test case 2, on the host and in the sandbox', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(expected);
    const result = run({
      source: 'function add(key, message) {\n  return hmacSha256Hex(key, message);\n}\n',
      tests: [
        { name: 'rfc 4231', call: "add('Jefe', 'what do ya want for nothing?')", expect: expected },
        { name: 'not strings', call: 'add(1, 2)', throws: 'takes two strings' },
      ],
    });
    expect(result.cases.map((c) => c.passed)).toEqual([true, true]);
  });

  it('timingSafeEqual compares whole strings', () => {
    const result = run({
      source: 'function add(a, b) {\n  return timingSafeEqual(a, b);\n}\n',
      tests: [
        { name: 'same', call: "add('abc', 'abc')", expect: true },
        { name: 'different', call: "add('abc', 'abd')", expect: false },
        { name: 'prefix', call: "add('abc', 'ab')", expect: false },
        { name: 'empty', call: "add('', 'a')", expect: false },
      ],
    });
    expect(result.cases.map((c) => c.passed)).toEqual([true, true, true, true]);
  });

  it('captures console output per case and for the top level', () => {
    const result = run({
      source:
        'console.log("loading", { ok: true });\nfunction add(a, b) {\n  console.warn("adding", a, b);\n  return a + b;\n}\n',
      tests: addTests,
    });
    expect(result.output).toBe('loading { ok: true }');
    expect(result.cases.map((c) => c.output)).toEqual(['warn: adding 1 2', 'warn: adding -5 2']);
  });
});
