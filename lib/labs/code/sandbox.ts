// Grades a learner's JavaScript or TypeScript function against a lab's test cases inside a QuickJS
// WebAssembly sandbox, the same code in the browser's worker (Run tests) and on the server (Submit).
//
// Each submission gets a fresh QuickJS runtime and context, so nothing a learner does to
// `globalThis` survives into the next one, and the runtime carries the limits: a wall-time deadline
// checked by an interrupt handler, a memory limit, a stack limit. Learner code sees no host API:
// no fetch, require, process or module loader, only the helpers the harness defines
// (harness-source.ts).
//
// The helpers a test and the learner's code can use, as globals:
//   console.log / info / debug / warn / error   captured, cut after limits.outputChars
//   clock.now(), clock.advance(ms)              a fake clock starting at 2026-01-01T00:00:00Z;
//                                               Date.now() reads it too
//   sleep(ms), setTimeout(fn, ms, ...args), clearTimeout(id)
//                                               timers on the fake clock: when a test waits and
//                                               nothing else can run, the harness moves the clock
//                                               to the earliest timer and fires it
//   random()                                    deterministic from the seed; Math.random is it too
//   hmacSha256Hex(key, message)                 HMAC-SHA256 of two UTF-8 strings, lowercase hex
//   timingSafeEqual(a, b)                       string comparison that does not stop early
//   assert(cond, msg), assert.equal, assert.deepEqual, assert.throws(fn, text),
//   assert.rejects(promiseOrFn, text)           for script cases
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import { compileLearnerCode, type CodeLanguage } from '@/lib/labs/code/compile';
import { harnessFileName, harnessSource } from '@/lib/labs/code/harness-source';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One test case, as a lab author writes it in YAML. A `call` is a JavaScript expression run in the
 * sandbox after the learner's code, so it can call the entry function and any helper the lab's
 * `setup` defined; a promise it returns is awaited.
 *
 *   - name: returns the first success
 *     call: retryWithBackoff(async () => 'ok', { retries: 3 })
 *     expect: ok                     # the value, compared structurally (JSON: no undefined, NaN)
 *   - name: gives up after the last retry
 *     call: retryWithBackoff(failing(5), { retries: 3 })
 *     throws: gave up                # the call must throw; its message contains this text
 *   - name: waits 100 then 200 ms
 *     script: |                      # statements; may await; passes when it does not throw
 *       const started = clock.now();
 *       await retryWithBackoff(failing(2), { retries: 3, baseMs: 100 });
 *       assert.equal(clock.now() - started, 300);
 *
 * A `call` with neither `expect` nor `throws` passes when it does not throw.
 */
export type CodeTestCase =
  | { name: string; call: string; expect?: JsonValue; throws?: string }
  | { name: string; script: string };

export interface SandboxLimits {
  /** Wall time for the whole submission: loading the code and every case. */
  timeMs: number;
  memoryBytes: number;
  /** QuickJS's own stack; below what the host's native stack can hold under it. */
  stackBytes: number;
  /** Characters of console output kept for the whole submission. */
  outputChars: number;
  sourceChars: number;
}

export const defaultSandboxLimits: SandboxLimits = {
  timeMs: 1_000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 256 * 1024,
  outputChars: 20_000,
  sourceChars: 50_000,
};

export interface SandboxRequest {
  source: string;
  language: CodeLanguage;
  /** The function the lab asks for; the learner may export it or just declare it. */
  entry: string;
  tests: readonly CodeTestCase[];
  /** The lab's own script, run after the learner's code and before the cases (shared helpers). */
  setup?: string;
  limits?: Partial<SandboxLimits>;
  /** Seeds random(); the same seed replays the same numbers. */
  seed?: number;
}

export type SandboxErrorKind =
  | 'source-size'
  | 'syntax'
  | 'missing-entry'
  | 'thrown'
  | 'time'
  | 'memory'
  | 'stack'
  | 'never-settled'
  | 'not-run';

export interface SandboxError {
  kind: SandboxErrorKind;
  message: string;
  /** 1-based, in the learner's source. */
  line?: number;
  /** 1-based; only for syntax errors, as TypeScript's stripped types move later columns. */
  column?: number;
}

export interface CaseResult {
  name: string;
  passed: boolean;
  /** What the case wanted, as readable text (undefined, NaN, -0 shown as such). */
  expected?: string;
  /** What the learner's code returned or threw, as readable text. */
  actual?: string;
  /** Why the case did not complete: an error thrown, a limit, a promise that never settled. */
  error?: SandboxError;
  output: string;
}

export interface SandboxResult {
  /** The code loaded and every case passed. */
  passed: boolean;
  /** Why the code could not be tested at all (then every case is 'not-run'). */
  error?: SandboxError;
  cases: CaseResult[];
  /** What the code printed while its top level ran. */
  output: string;
  durationMs: number;
}

const clockStart = Date.UTC(2026, 0, 1);
const testFileName = 'tests.js';
const setupFileName = 'setup.js';
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Runs a submission to the end; synchronous, as the sync QuickJS variant is. Whatever the learner's
 * code does comes back in the result. It throws only for a lab's own mistake (an entry that is
 * not an identifier, a case with both expect and throws) or when the sandbox itself broke, e.g.
 * the host's native stack ran out beneath QuickJS: WebAssembly stopped mid-way leaves the module
 * unusable, so the caller should then end the worker or process that loaded it.
 */
export function runInSandbox(quickJs: QuickJSWASMModule, request: SandboxRequest): SandboxResult {
  const startedAt = Date.now();
  const limits = { ...defaultSandboxLimits, ...request.limits };
  checkRequest(request);
  const finish = (result: Omit<SandboxResult, 'durationMs'>): SandboxResult => ({
    ...result,
    durationMs: Date.now() - startedAt,
  });

  if (request.source.length > limits.sourceChars) {
    return finish(
      notLoaded(request.tests, {
        kind: 'source-size',
        message: `Your code is too long: ${request.source.length.toLocaleString('en')} characters (the limit is ${limits.sourceChars.toLocaleString('en')}).`,
      }),
    );
  }
  const compiled = compileLearnerCode(request.source, request.language);
  if (!compiled.ok) {
    return finish(
      notLoaded(request.tests, {
        kind: 'syntax',
        message: `Syntax error: ${compiled.message}`,
        line: compiled.line,
        column: compiled.column,
      }),
    );
  }

  const runtime = quickJs.newRuntime();
  try {
    const context = runtime.newContext();
    try {
      const session = new Session(runtime, context, request, limits);
      try {
        return finish(session.run(compiled.code));
      } finally {
        session.dispose();
      }
    } finally {
      context.dispose();
    }
  } finally {
    runtime.dispose();
  }
}

function checkRequest(request: SandboxRequest): void {
  if (!identifier.test(request.entry)) {
    throw new TypeError(`The lab's entry "${request.entry}" is not a JavaScript identifier`);
  }
  for (const testCase of request.tests) {
    if ('call' in testCase && testCase.expect !== undefined && testCase.throws !== undefined) {
      throw new TypeError(`Test case "${testCase.name}" sets both expect and throws`);
    }
  }
}

function notLoaded(
  tests: readonly CodeTestCase[],
  error: SandboxError,
  output = '',
): Omit<SandboxResult, 'durationMs'> {
  const cases = tests.map((testCase) => notRun(testCase, 'your code did not load.'));
  return { passed: false, error, cases, output };
}

function notRun(testCase: CodeTestCase, reason: string): CaseResult {
  return {
    name: testCase.name,
    passed: false,
    error: { kind: 'not-run', message: `Not run: ${reason}` },
    output: '',
  };
}

export function hmacSha256Hex(key: string, message: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(message)));
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** Console output for the whole submission, cut once at the limit with a note. */
class OutputBuffer {
  private lines: string[] = [];
  private used = 0;
  private cut = false;

  constructor(private readonly limit: number) {}

  /** Returns whether there is room for more. */
  write(line: string): boolean {
    if (this.cut) return false;
    const room = this.limit - this.used;
    if (line.length + 1 > room) {
      this.lines.push(
        `${line.slice(0, Math.max(0, room))}\n… output cut: your code printed more than ${this.limit.toLocaleString('en')} characters`,
      );
      this.cut = true;
      return false;
    }
    this.lines.push(line);
    this.used += line.length + 1;
    return true;
  }

  /** The output since the last call, so each case gets what it printed. */
  take(): string {
    const text = this.lines.join('\n');
    this.lines = [];
    return text;
  }
}

type Settled =
  | { type: 'fulfilled'; value: QuickJSHandle }
  | { type: 'rejected'; error: QuickJSHandle }
  | { type: 'never-settled' }
  | { type: 'failed'; failure: SandboxError };

interface ErrorDescription {
  isError: boolean;
  name: string;
  message: string;
  stack: string;
}

interface Judgement {
  passed: boolean;
  expected?: string;
  actual?: string;
}

/** One submission's runtime, context and harness; `run` drives it, `dispose` frees its handles. */
class Session {
  private readonly output: OutputBuffer;
  private readonly deadline: number;
  private readonly learnerFileName: string;
  private readonly harness: QuickJSHandle;
  private timedOut = false;
  /** A limit that ends the submission: the runtime cannot be trusted to run more code. */
  private fatal: SandboxError | undefined;

  constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    private readonly request: SandboxRequest,
    private readonly limits: SandboxLimits,
  ) {
    this.output = new OutputBuffer(limits.outputChars);
    this.learnerFileName = request.language === 'typescript' ? 'solution.ts' : 'solution.js';
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    this.deadline = Date.now() + limits.timeMs;
    runtime.setInterruptHandler(() => this.pastDeadline());
    this.harness = this.startHarness();
  }

  dispose(): void {
    this.harness.dispose();
  }

  run(code: string): Omit<SandboxResult, 'durationMs'> {
    const { tests } = this.request;
    const loaded = this.context.evalCode(code, this.learnerFileName);
    if (loaded.error) {
      const error = this.failureOf(loaded.error, 'load');
      loaded.error.dispose();
      return notLoaded(tests, error, this.output.take());
    }
    loaded.value.dispose();

    const missing = this.findEntry();
    if (missing) return notLoaded(tests, missing, this.output.take());

    if (this.request.setup !== undefined) {
      const setup = this.context.evalCode(this.request.setup, setupFileName);
      if (setup.error) {
        const failure = this.failureOf(setup.error, 'runtime');
        setup.error.dispose();
        const error = this.fatal ?? {
          ...failure,
          message: `The lab's setup failed: ${failure.message}`,
        };
        return notLoaded(tests, error, this.output.take());
      }
      setup.value.dispose();
    }

    const output = this.output.take();
    const cases = tests.map((testCase) =>
      this.fatal ? notRun(testCase, this.fatal.message) : this.runCase(testCase),
    );
    return { passed: cases.every((result) => result.passed), cases, output };
  }

  private pastDeadline(): boolean {
    if (Date.now() > this.deadline) this.timedOut = true;
    return this.timedOut;
  }

  /** Defines the helpers in the fresh context and keeps the harness's private functions. */
  private startHarness(): QuickJSHandle {
    const { context } = this;
    const made = context.unwrapResult(context.evalCode(harnessSource, harnessFileName));
    const args = [
      context.newFunction('write', (line) =>
        this.output.write(context.getString(line)) ? context.true : context.false,
      ),
      context.newFunction('hmacSha256Hex', (key, message) =>
        context.newString(hmacSha256Hex(context.getString(key), context.getString(message))),
      ),
      context.newNumber(this.request.seed ?? 1),
      context.newNumber(clockStart),
    ];
    try {
      return context.unwrapResult(context.callFunction(made, context.undefined, args));
    } finally {
      for (const arg of args) arg.dispose();
      made.dispose();
    }
  }

  /** The entry may be a global declaration or only exported (export { impl as entry }). */
  private findEntry(): SandboxError | undefined {
    const { context } = this;
    const { entry } = this.request;
    const typeOf = this.context.evalCode(`typeof ${entry}`, harnessFileName);
    if (typeOf.error) {
      const failure = this.failureOf(typeOf.error, 'runtime');
      typeOf.error.dispose();
      return failure;
    }
    const kind = context.getString(typeOf.value);
    typeOf.value.dispose();
    if (kind === 'function') return undefined;
    const exported = this.callHarness('exported', [context.newString(entry)]);
    if (exported.ok) {
      try {
        if (context.typeof(exported.value) === 'function') {
          context.setProp(context.global, entry, exported.value);
          return undefined;
        }
      } finally {
        exported.value.dispose();
      }
    }
    if (this.fatal) return this.fatal;
    if (kind === 'undefined') {
      return { kind: 'missing-entry', message: `Your code does not define ${entry}.` };
    }
    return {
      kind: 'missing-entry',
      message: `Your code defines ${entry}, but as a value of type ${kind}, not a function.`,
    };
  }

  private runCase(testCase: CodeTestCase): CaseResult {
    // The test's own code starts on line 1 of tests.js; a trailing line comment cannot swallow
    // the closing brackets, which are on a line of their own.
    const code =
      'call' in testCase
        ? `(async () => (${testCase.call}\n))()`
        : `(async () => {${testCase.script}\n})()`;
    const started = this.context.evalCode(code, testFileName);
    let settled: Settled;
    if (started.error) {
      settled = { type: 'rejected', error: started.error };
    } else {
      settled = this.settle(started.value);
      started.value.dispose();
    }
    const result = this.judge(testCase, settled);
    return { ...result, name: testCase.name, output: this.output.take() };
  }

  /** Runs jobs and fires fake-clock timers until the promise settles or nothing is left to run. */
  private settle(promise: QuickJSHandle): Settled {
    const { context, runtime } = this;
    for (;;) {
      const state = context.getPromiseState(promise);
      if (state.type === 'fulfilled') return { type: 'fulfilled', value: state.value };
      if (state.type === 'rejected') return { type: 'rejected', error: state.error };
      if (this.pastDeadline()) return { type: 'failed', failure: this.limitFailure() };
      if (runtime.hasPendingJob()) {
        const jobs = runtime.executePendingJobs();
        if (jobs.error) {
          const failure = this.failureOf(jobs.error, 'runtime');
          jobs.error.dispose();
          return { type: 'failed', failure };
        }
        continue;
      }
      const fired = this.callHarness('fireNextTimer', []);
      if (!fired.ok) return { type: 'failed', failure: fired.failure };
      const anyTimer = context.dump(fired.value) === true;
      fired.value.dispose();
      if (!anyTimer) return { type: 'never-settled' };
    }
  }

  private judge(testCase: CodeTestCase, settled: Settled): Omit<CaseResult, 'name' | 'output'> {
    if (settled.type === 'failed') return { passed: false, error: settled.failure };
    if (settled.type === 'never-settled') {
      return {
        passed: false,
        error: {
          kind: 'never-settled',
          message:
            'The promise never settled: nothing resolved or rejected it, and no timer was left to fire.',
        },
      };
    }
    const outcome = settled.type === 'fulfilled' ? settled.value : settled.error;
    try {
      const error = settled.type === 'rejected' ? this.failureOf(outcome, 'runtime') : undefined;
      if (this.fatal) return { passed: false, error: this.fatal };
      // A script case's asserts are its judgement: it passes when it completes.
      if (!('call' in testCase)) return error ? { passed: false, error } : { passed: true };
      const judged = this.judgeOutcome(testCase, settled.type, outcome);
      if (!judged.ok) return { passed: false, error: judged.failure };
      const { passed, expected, actual } = judged.judgement;
      return { passed, expected, actual, ...(error && !passed ? { error } : {}) };
    } finally {
      outcome.dispose();
    }
  }

  private judgeOutcome(
    testCase: Extract<CodeTestCase, { call: string }>,
    type: 'fulfilled' | 'rejected',
    outcome: QuickJSHandle,
  ): { ok: true; judgement: Judgement } | { ok: false; failure: SandboxError } {
    const { context } = this;
    const optionalString = (text: string | undefined) =>
      text === undefined ? context.undefined : context.newString(text);
    const expectedJson =
      testCase.expect === undefined ? undefined : JSON.stringify(testCase.expect);
    const result = this.callHarness('judge', [
      context.newString(type),
      outcome.dup(),
      optionalString(expectedJson),
      optionalString(testCase.throws),
    ]);
    if (!result.ok) return result;
    const judgement = context.dump(result.value) as Judgement;
    result.value.dispose();
    return { ok: true, judgement };
  }

  /** Calls one of the harness's private functions; takes ownership of `args`. */
  private callHarness(
    name: string,
    args: QuickJSHandle[],
  ): { ok: true; value: QuickJSHandle } | { ok: false; failure: SandboxError } {
    const { context } = this;
    const fn = context.getProp(this.harness, name);
    try {
      const result = context.callFunction(fn, this.harness, args);
      if (result.error) {
        const failure = this.failureOf(result.error, 'runtime');
        result.error.dispose();
        return { ok: false, failure };
      }
      return { ok: true, value: result.value };
    } finally {
      fn.dispose();
      for (const arg of args) arg.dispose();
    }
  }

  private limitFailure(): SandboxError {
    this.fatal ??= {
      kind: 'time',
      message: `Stopped after ${formatSeconds(this.limits.timeMs)}: your code ran too long (an endless loop?)`,
    };
    return this.fatal;
  }

  /** Classifies a thrown value and finds the learner's line in its stack. Does not dispose it. */
  private failureOf(thrown: QuickJSHandle, phase: 'load' | 'runtime'): SandboxError {
    if (this.timedOut) return this.limitFailure();
    const described = this.describeError(thrown);
    if (this.timedOut) return this.limitFailure();
    const { name, message, stack, isError } = described;
    const { line, column } = this.learnerPosition(stack);
    if (name === 'InternalError' && message === 'out of memory') {
      this.fatal ??= {
        kind: 'memory',
        message: `Stopped: your code ran out of memory (the limit is ${Math.round(this.limits.memoryBytes / (1024 * 1024))} MB).`,
        line,
      };
      return this.fatal;
    }
    if (name === 'InternalError' && message === 'stack overflow') {
      return {
        kind: 'stack',
        message:
          'Stopped: too much recursion, the call stack overflowed (a recursive call that never reaches its base case?)',
        line,
      };
    }
    if (name === 'SyntaxError' && phase === 'load') {
      // Stripped TypeScript types shift columns; lines stay exact.
      const exactColumn = this.request.language === 'javascript' ? column : undefined;
      return { kind: 'syntax', message: `Syntax error: ${message}`, line, column: exactColumn };
    }
    if (!isError) {
      return {
        kind: 'thrown',
        message: `Your code threw ${message}, which is not an Error (throw new Error("…") gives a message and a line).`,
        line,
      };
    }
    return { kind: 'thrown', message: name ? `${name}: ${message}` : message, line };
  }

  private describeError(thrown: QuickJSHandle): ErrorDescription {
    const fn = this.context.getProp(this.harness, 'describeError');
    try {
      const result = this.context.callFunction(fn, this.harness, thrown);
      if (result.error) {
        result.error.dispose();
        return this.readErrorDirectly(thrown);
      }
      const described = this.context.dump(result.value) as ErrorDescription;
      result.value.dispose();
      return described;
    } finally {
      fn.dispose();
    }
  }

  /**
   * For when the harness cannot run, e.g. a runtime still full after running out of memory:
   * reading two properties needs next to no memory and runs no JavaScript of the learner's
   * unless they made `name` or `message` a getter.
   */
  private readErrorDirectly(thrown: QuickJSHandle): ErrorDescription {
    const { context } = this;
    const read = (key: string): string | undefined => {
      if (context.typeof(thrown) !== 'object') return undefined;
      const value = context.getProp(thrown, key);
      try {
        return context.typeof(value) === 'string' ? context.getString(value) : undefined;
      } finally {
        value.dispose();
      }
    };
    const name = read('name');
    const message = read('message');
    if (message === undefined) {
      return { isError: false, name: '', message: 'a value the sandbox could not read', stack: '' };
    }
    return { isError: true, name: name ?? 'Error', message, stack: read('stack') ?? '' };
  }

  /** QuickJS stack frames read "at f (solution.js:3:11)"; the first one in the learner's file. */
  private learnerPosition(stack: string): { line?: number; column?: number } {
    const escaped = this.learnerFileName.replace('.', '\\.');
    const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
    if (!match) return {};
    return { line: Number(match[1]), column: Number(match[2]) };
  }
}
