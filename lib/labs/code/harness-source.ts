// The JavaScript that runs inside the QuickJS sandbox before the learner's code: the helpers a lab
// can use (console, clock, sleep, setTimeout, random, hmacSha256Hex, timingSafeEqual, assert) and
// the hidden functions the host calls to drive and judge a test case.
//
// It is evaluated as its own file (harness.js), so the learner's line numbers are untouched. It
// takes the built-ins the judging leans on (JSON, Object.keys, Object.is, Reflect.apply...) before
// the learner's code runs, and hands its private functions to the host as a returned object, never
// as globals, so replacing `JSON.stringify` or `Object.keys` cannot turn a failing case into a pass.
//
// The host calls the evaluated function with (hostWrite, hostHmac, seed, clockStart).

export const harnessFileName = 'harness.js';

export const harnessSource = String.raw`(function (hostWrite, hostHmac, seed, clockStart) {
  'use strict';
  const global = globalThis;
  const jsonParse = JSON.parse;
  const jsonStringify = JSON.stringify;
  const objectKeys = Object.keys;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const objectIs = Object.is;
  const isArray = Array.isArray;
  const apply = Reflect.apply;
  const ErrorType = Error;
  const TypeErrorType = TypeError;
  const PromiseType = Promise;
  const MapType = Map;
  const SetType = Set;
  const DateType = Date;
  const objectPrototype = Object.prototype;
  const mapEntries = Map.prototype.entries;
  const setValues = Set.prototype.values;
  const dateToIso = Date.prototype.toISOString;
  const charCodeAt = String.prototype.charCodeAt;
  const stringIncludes = String.prototype.includes;
  const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const regExpTest = RegExp.prototype.test;

  // Values are shown to learners as text; long ones are cut so one huge array cannot flood a report.
  const maxDescriptionLength = 2000;
  const maxItems = 50;
  const maxDepth = 6;

  function describe(value) {
    const text = describeValue(value, 0, []);
    return text.length > maxDescriptionLength ? text.slice(0, maxDescriptionLength) + '…' : text;
  }

  function describeValue(value, depth, seen) {
    switch (typeof value) {
      case 'undefined':
        return 'undefined';
      case 'number':
        return objectIs(value, -0) ? '-0' : '' + value;
      case 'bigint':
        return value + 'n';
      case 'string':
        return jsonStringify(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'symbol':
        return 'Symbol(' + (value.description ?? '') + ')';
      case 'function':
        return '[Function' + (value.name ? ' ' + value.name : '') + ']';
    }
    if (value === null) return 'null';
    if (seen.indexOf(value) !== -1) return '[Circular]';
    if (depth >= maxDepth) return isArray(value) ? '[…]' : '{…}';
    if (value instanceof ErrorType) return value.name + ': ' + value.message;
    if (value instanceof PromiseType) return 'Promise {…}';
    if (value instanceof DateType) {
      try {
        return 'Date(' + apply(dateToIso, value, []) + ')';
      } catch {
        return 'Date(Invalid Date)';
      }
    }
    const inner = seen.concat([value]);
    const describeItem = (item) => describeValue(item, depth + 1, inner);
    if (isArray(value)) {
      return '[' + joinLimited(value.length, (i) => describeItem(value[i])) + ']';
    }
    if (value instanceof MapType) {
      const entries = collect(apply(mapEntries, value, []));
      return 'Map(' + entries.length + ') {' + spaced(joinLimited(entries.length, (i) =>
        describeItem(entries[i][0]) + ' => ' + describeItem(entries[i][1]))) + '}';
    }
    if (value instanceof SetType) {
      const items = collect(apply(setValues, value, []));
      return 'Set(' + items.length + ') {' + spaced(joinLimited(items.length, (i) => describeItem(items[i]))) + '}';
    }
    const keys = objectKeys(value);
    const prototype = getPrototypeOf(value);
    const className =
      prototype === null || prototype === objectPrototype ? '' : (prototype.constructor?.name ?? '') + ' ';
    const body = joinLimited(keys.length, (i) => {
      const key = keys[i];
      const shownKey = apply(regExpTest, identifier, [key]) ? key : jsonStringify(key);
      return shownKey + ': ' + describeItem(value[key]);
    });
    return className + '{' + spaced(body) + '}';
  }

  function collect(iterator) {
    const items = [];
    for (let step = iterator.next(); !step.done && items.length <= maxItems; step = iterator.next()) {
      items[items.length] = step.value;
    }
    return items;
  }

  function joinLimited(count, describeAt) {
    let text = '';
    const shown = count < maxItems ? count : maxItems;
    for (let i = 0; i < shown; i++) text += (i === 0 ? '' : ', ') + describeAt(i);
    if (count > shown) text += ', … ' + (count - shown) + ' more';
    return text;
  }

  function spaced(body) {
    return body === '' ? '' : ' ' + body + ' ';
  }

  // Structural equality as a test author means it: 0 equals -0, NaN equals NaN, arrays by
  // position, objects by their own enumerable keys (a key holding undefined counts as absent,
  // as in JSON), class instances and plain objects alike.
  function deepEqual(actual, expected, seen) {
    if (actual === expected || (actual !== actual && expected !== expected)) return true;
    if (typeof actual !== 'object' || typeof expected !== 'object') return false;
    if (actual === null || expected === null) return false;
    if (seen.indexOf(actual) !== -1) return true;
    const inner = seen.concat([actual]);
    if (isArray(expected) || isArray(actual)) {
      if (!isArray(expected) || !isArray(actual) || actual.length !== expected.length) return false;
      for (let i = 0; i < expected.length; i++) {
        if (!deepEqual(actual[i], expected[i], inner)) return false;
      }
      return true;
    }
    const expectedKeys = definedKeys(expected);
    const actualKeys = definedKeys(actual);
    if (expectedKeys.length !== actualKeys.length) return false;
    for (let i = 0; i < expectedKeys.length; i++) {
      const key = expectedKeys[i];
      if (actualKeys.indexOf(key) === -1 || !deepEqual(actual[key], expected[key], inner)) return false;
    }
    return true;
  }

  function definedKeys(object) {
    const keys = objectKeys(object);
    const defined = [];
    for (let i = 0; i < keys.length; i++) {
      if (object[keys[i]] !== undefined) defined[defined.length] = keys[i];
    }
    return defined;
  }

  function errorMessage(error) {
    return error instanceof ErrorType ? '' + error.message : describe(error);
  }

  // console: one line per call, written to the host's bounded buffer. Once the host says the
  // buffer is full, lines are not even formatted: a loop printing forever stays cheap.
  let outputFull = false;
  function writeLine(prefix, args) {
    if (outputFull) return;
    let line = prefix;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      line += (i === 0 ? '' : ' ') + (typeof arg === 'string' ? arg : describe(arg));
    }
    outputFull = !hostWrite(line);
  }
  const console = {
    log: (...args) => writeLine('', args),
    info: (...args) => writeLine('', args),
    debug: (...args) => writeLine('', args),
    warn: (...args) => writeLine('warn: ', args),
    error: (...args) => writeLine('error: ', args),
  };

  // The fake clock: time moves only when code calls clock.advance(ms), or when the host finds
  // every job done while a test still waits and fires the earliest timer. So sleep(30_000) takes
  // no real time, and a retry-with-backoff exercise sees exactly the delays it asked for.
  let now = clockStart;
  let timers = [];
  let timerCount = 0;

  function schedule(ms, callback) {
    const delay = typeof ms === 'number' && ms > 0 ? ms : 0;
    timerCount += 1;
    timers[timers.length] = { id: timerCount, at: now + delay, callback };
    return timerCount;
  }

  function cancel(id) {
    const kept = [];
    for (let i = 0; i < timers.length; i++) {
      if (timers[i].id !== id) kept[kept.length] = timers[i];
    }
    timers = kept;
  }

  // Fires the earliest timer due at or before \`limit\` (ties in the order they were set).
  function fireNextTimer(limit) {
    let next;
    for (let i = 0; i < timers.length; i++) {
      const timer = timers[i];
      if (timer.at <= limit && (next === undefined || timer.at < next.at)) next = timer;
    }
    if (next === undefined) return false;
    cancel(next.id);
    if (next.at > now) now = next.at;
    next.callback();
    return true;
  }

  const clock = {
    now: () => now,
    advance(ms) {
      if (typeof ms !== 'number' || !(ms >= 0)) throw new TypeErrorType('clock.advance(ms) takes a number of milliseconds, 0 or more');
      const target = now + ms;
      while (fireNextTimer(target));
      now = target;
    },
  };

  const sleep = (ms) => new PromiseType((resolve) => schedule(ms, resolve));
  const setTimeout = (callback, ms, ...args) => {
    if (typeof callback !== 'function') throw new TypeErrorType('setTimeout(callback, ms) takes a function');
    return schedule(ms, () => apply(callback, undefined, args));
  };
  const clearTimeout = (id) => cancel(id);

  // mulberry32: a small generator whose whole state is one 32-bit number, so a seed replays it.
  let state = seed >>> 0;
  function random() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function hmacSha256Hex(key, message) {
    if (typeof key !== 'string' || typeof message !== 'string') {
      throw new TypeErrorType('hmacSha256Hex(key, message) takes two strings');
    }
    return hostHmac(key, message);
  }

  // Compares every character whatever the first difference, so the time taken does not tell an
  // attacker how much of a signature was right.
  function timingSafeEqual(a, b) {
    if (typeof a !== 'string' || typeof b !== 'string') {
      throw new TypeErrorType('timingSafeEqual(a, b) takes two strings');
    }
    let difference = a.length ^ b.length;
    for (let i = 0; i < a.length; i++) {
      difference |= apply(charCodeAt, a, [i]) ^ apply(charCodeAt, b, [i % (b.length || 1)]);
    }
    return difference === 0;
  }

  function fail(message) {
    const error = new ErrorType(message);
    error.name = 'AssertionError';
    throw error;
  }

  function assert(condition, message) {
    if (!condition) fail(message ?? 'assertion failed');
  }
  assert.equal = (actual, expected, message) => {
    if (!objectIs(actual, expected) && actual !== expected) {
      fail(message ?? 'expected ' + describe(expected) + ', got ' + describe(actual));
    }
  };
  assert.deepEqual = (actual, expected, message) => {
    if (!deepEqual(actual, expected, [])) {
      fail(message ?? 'expected ' + describe(expected) + ', got ' + describe(actual));
    }
  };
  assert.throws = (fn, text) => {
    try {
      fn();
    } catch (error) {
      checkThrown(error, text);
      return;
    }
    fail('expected an error' + (text === undefined ? '' : ' containing ' + jsonStringify(text)));
  };
  assert.rejects = async (promiseOrFn, text) => {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (error) {
      checkThrown(error, text);
      return;
    }
    fail('expected a rejection' + (text === undefined ? '' : ' containing ' + jsonStringify(text)));
  };
  function checkThrown(error, text) {
    const message = errorMessage(error);
    if (text !== undefined && !apply(stringIncludes, message, [text])) {
      fail('expected an error containing ' + jsonStringify(text) + ', got ' + jsonStringify(message));
    }
  }

  const exports = {};
  const globals = {
    console, clock, sleep, setTimeout, clearTimeout, random, hmacSha256Hex, timingSafeEqual, assert, exports,
  };
  const names = objectKeys(globals);
  for (let i = 0; i < names.length; i++) {
    defineProperty(global, names[i], { value: globals[names[i]], writable: true, configurable: true });
  }
  Math.random = random;
  Date.now = clock.now;

  // What the host reads of a thrown value: Error or not, its message and its stack.
  function describeError(error) {
    if (error instanceof ErrorType) {
      return { isError: true, name: '' + error.name, message: '' + error.message, stack: '' + (error.stack ?? '') };
    }
    return { isError: false, name: '', message: describe(error), stack: '' };
  }

  return {
    describe,
    describeError,
    exported: (name) => exports[name],
    fireNextTimer: () => fireNextTimer(Infinity),
    // Judges a settled test call. The host passes what the author wrote: an expected value as
    // JSON text, a message substring the call must throw, or neither (the call must not throw).
    judge(settled, outcome, expectedJson, throwsText) {
      const result = { passed: false, expected: undefined, actual: undefined };
      if (throwsText !== undefined) {
        result.expected = 'an error whose message contains ' + jsonStringify(throwsText);
        if (settled === 'fulfilled') {
          result.actual = 'returned ' + describe(outcome);
        } else {
          const message = errorMessage(outcome);
          result.actual = 'threw ' + jsonStringify(message);
          result.passed = apply(stringIncludes, message, [throwsText]);
        }
        return result;
      }
      if (settled === 'rejected') return result;
      result.actual = describe(outcome);
      if (expectedJson === undefined) {
        result.passed = true;
        return result;
      }
      const expected = jsonParse(expectedJson);
      result.expected = describe(expected);
      result.passed = deepEqual(outcome, expected, []);
      return result;
    },
  };
})`;
