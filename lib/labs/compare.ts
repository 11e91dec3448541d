// Compares the rows a learner's SQL returned with the rows the solution returned, and says what
// differs in words a learner understands. Values are Postgres's text output (see sandbox.ts), read
// by column type: numbers compare as numbers (1.50 = 1.5, with an optional tolerance), json and
// jsonb compare by content, everything else by its text.
import { plural } from '@/lib/format';
import type { CompareOptions } from './format';
import type { SqlField, SqlValue } from './sandbox';

export interface RowSet {
  fields: SqlField[];
  rows: SqlValue[][];
}

export interface Comparison {
  equal: boolean;
  /** What differs, most useful first; empty when equal. */
  messages: string[];
}

export interface CompareContext {
  /** A hidden dataset: messages say how many rows differ, never which values. */
  hidden: boolean;
}

type Family = 'number' | 'text' | 'boolean' | 'date' | 'time' | 'json' | 'other';

// Type oids from pg_type (stable across PostgreSQL versions).
const families = new Map<number, Family>([
  [20, 'number'], // int8
  [21, 'number'], // int2
  [23, 'number'], // int4
  [26, 'number'], // oid
  [700, 'number'], // float4
  [701, 'number'], // float8
  [1700, 'number'], // numeric
  [16, 'boolean'],
  [25, 'text'],
  [1042, 'text'], // bpchar
  [1043, 'text'], // varchar
  [19, 'text'], // name
  [18, 'text'], // "char"
  [1082, 'date'],
  [1114, 'date'], // timestamp
  [1184, 'date'], // timestamptz
  [1083, 'time'],
  [1266, 'time'], // timetz
  [1186, 'time'], // interval
  [114, 'json'],
  [3802, 'json'], // jsonb
]);

const familyOf = (field: SqlField): Family => families.get(field.dataTypeID) ?? 'other';

const familyWords: Record<Family, string> = {
  number: 'a number',
  text: 'text',
  boolean: 'a boolean',
  date: 'a date or timestamp',
  time: 'a time or interval',
  json: 'JSON',
  other: 'another type',
};

function canonicalDecimal(text: string): string | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && !match[3])) return undefined;
  const integer = (match[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const digits = fraction ? `${integer}.${fraction}` : integer;
  return digits === '0' ? '0' : `${match[1] === '-' ? '-' : ''}${digits}`;
}

/** A numeric text as a canonical decimal ("01.50" -> "1.5", "-0" -> "0", "1e3" -> "1000"). */
function canonicalNumber(value: string): string {
  const text = value.trim();
  if (/^[+-]?(NaN|Infinity)$/i.test(text)) return text.replace(/^\+/, '').toLowerCase();
  const decimal = canonicalDecimal(text);
  if (decimal !== undefined) return decimal;
  // Exponent notation (float4/float8 print 1e+21, 1e-07): write it out when that is exact enough.
  const number = Number(text);
  if (!Number.isFinite(number)) return text;
  if (Math.abs(number) >= 1e21) return BigInt(number).toString();
  if (Math.abs(number) >= 1e-6) return canonicalDecimal(number.toFixed(20)) ?? text;
  return String(number);
}

/** JSON with object keys sorted, so {"b":1,"a":2} and {"a":2,"b":1} (json vs jsonb) compare equal. */
function canonicalJson(value: string): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, inner]) => [key, sort(inner)]),
      );
    }
    return item;
  };
  try {
    return JSON.stringify(sort(JSON.parse(value)));
  } catch {
    return value;
  }
}

function canonical(value: SqlValue, family: Family): string | null {
  if (value === null) return null;
  if (family === 'number') return canonicalNumber(value);
  if (family === 'json') return canonicalJson(value);
  return value;
}

interface PreparedRow {
  /** Canonical values, in the expected row's column order. */
  values: (string | null)[];
  /** Index of the row in its result. */
  index: number;
}

function valuesEqual(
  a: string | null,
  b: string | null,
  numeric: boolean,
  options: CompareOptions,
): boolean {
  if (a === null || b === null) return a === null && b === null && options.nullEqualsNull;
  if (a === b) return true;
  if (!numeric || options.tolerance === 0) return false;
  const difference = Math.abs(Number(a) - Number(b));
  // A little slack for binary floating point: 0.1 + 0.2 is within 0.3 +/- 0.
  return difference <= options.tolerance * (1 + 1e-9) + Number.EPSILON;
}

function rowsEqual(a: PreparedRow, b: PreparedRow, numeric: boolean[], options: CompareOptions) {
  return a.values.every((value, column) =>
    valuesEqual(value, b.values[column] ?? null, numeric[column] ?? false, options),
  );
}

/** A row for a message: (Ada, 120.5, NULL), each value cut at 40 characters. */
function showRow(row: SqlValue[]): string {
  const show = (value: SqlValue) =>
    value === null ? 'NULL' : value.length > 40 ? `${value.slice(0, 39)}…` : value;
  return `(${row.map(show).join(', ')})`;
}

/**
 * Matches expected rows with actual rows (each used once). With tolerance 0 and NULL = NULL this
 * is a multiset difference by canonical key; otherwise a greedy pairing, fine for lab-sized results.
 */
function matchRows(
  expected: PreparedRow[],
  actual: PreparedRow[],
  numeric: boolean[],
  options: CompareOptions,
): { missing: PreparedRow[]; extra: PreparedRow[] } {
  if (options.tolerance === 0 && options.nullEqualsNull) {
    const key = (row: PreparedRow) => JSON.stringify(row.values);
    const pool = new Map<string, PreparedRow[]>();
    for (const row of actual) {
      const list = pool.get(key(row));
      if (list) list.push(row);
      else pool.set(key(row), [row]);
    }
    const missing: PreparedRow[] = [];
    for (const row of expected) {
      const list = pool.get(key(row));
      if (list && list.length > 0) list.shift();
      else missing.push(row);
    }
    const extra = [...pool.values()].flat().sort((a, b) => a.index - b.index);
    return { missing, extra };
  }
  const remaining = [...actual];
  const missing: PreparedRow[] = [];
  for (const row of expected) {
    const found = remaining.findIndex((candidate) => rowsEqual(row, candidate, numeric, options));
    if (found === -1) missing.push(row);
    else remaining.splice(found, 1);
  }
  return { missing, extra: remaining };
}

const names = (fields: SqlField[]) => fields.map((field) => field.name).join(', ');

/** "An extra column: total", "2 extra columns: a, b". */
const extraColumns = (fields: SqlField[]) =>
  fields.length < 2
    ? `An extra column: ${names(fields)}`
    : `${plural(fields.length, 'extra column')}: ${names(fields)}`;

/** "A column is missing: revenue", "2 columns missing: a, b". */
const missingColumns = (fields: SqlField[]) =>
  fields.length < 2
    ? `A column is missing: ${names(fields)}`
    : `${plural(fields.length, 'column')} missing: ${names(fields)}`;

/**
 * Lines up the actual columns with the expected ones: by position, or by name. Returns the actual
 * column index for each expected column, or the messages that explain why they do not line up.
 */
function alignColumns(
  expected: SqlField[],
  actual: SqlField[],
  options: CompareOptions,
): { order: number[] } | { messages: string[] } {
  if (options.columns === 'positions') {
    if (actual.length > expected.length)
      return { messages: [extraColumns(actual.slice(expected.length))] };
    if (actual.length < expected.length)
      return { messages: [missingColumns(expected.slice(actual.length))] };
    return { order: expected.map((_, index) => index) };
  }

  const actualNames = actual.map((field) => field.name);
  const duplicates = new Set(
    actualNames.filter((name, index) => actualNames.indexOf(name) !== index),
  );
  const messages = [...duplicates].map(
    (name) => `Two columns are named ${name}: give each column its own name (AS …)`,
  );
  if (messages.length > 0) return { messages };
  const expectedNames = expected.map((field) => field.name);
  const missing = expected.filter((field) => !actualNames.includes(field.name));
  const extra = actual.filter((field) => !expectedNames.includes(field.name));
  if (missing.length === 0 && extra.length === 0) {
    return { order: expected.map((field) => actualNames.indexOf(field.name)) };
  }
  if (missing.length === extra.length) {
    // Same number of columns: the misnamed ones are most likely at the same positions.
    extra.forEach((field, index) => {
      const position = actual.indexOf(field) + 1;
      messages.push(
        `Column ${position} should be named ${missing[index]?.name} (it is named ${field.name})`,
      );
    });
    return { messages };
  }
  if (extra.length > 0) messages.push(extraColumns(extra));
  if (missing.length > 0) messages.push(missingColumns(missing));
  return { messages };
}

/** "On a hidden dataset: 2 rows missing" for a hidden dataset, the message itself otherwise. */
export function onDataset(hidden: boolean, message: string): string {
  return hidden
    ? `On a hidden dataset: ${message.charAt(0).toLowerCase()}${message.slice(1)}`
    : message;
}

/** Compares actual rows with expected rows under a check's options. */
export function compareRows(
  expected: RowSet,
  actual: RowSet,
  options: CompareOptions,
  { hidden }: CompareContext,
): Comparison {
  const aligned = alignColumns(expected.fields, actual.fields, options);
  if ('messages' in aligned) return { equal: false, messages: aligned.messages };
  const { order } = aligned;

  const expectedFamilies = expected.fields.map(familyOf);
  const actualFamilies = order.map((index) => familyOf(actual.fields[index] as SqlField));
  const numeric = expectedFamilies.map(
    (family, column) => family === 'number' && actualFamilies[column] === 'number',
  );
  const prepare = (rows: SqlValue[][], families: Family[], columns: number[]) =>
    rows.map((row, index) => ({
      index,
      values: columns.map((column, position) =>
        canonical(row[column] ?? null, families[position] ?? 'other'),
      ),
    }));
  const expectedRows = prepare(
    expected.rows,
    expectedFamilies,
    expected.fields.map((_, index) => index),
  );
  const actualRows = prepare(actual.rows, actualFamilies, order);

  const { missing, extra } = matchRows(expectedRows, actualRows, numeric, options);
  const messages: string[] = [];
  if (missing.length > 0 || extra.length > 0) {
    if (missing.length > 0)
      messages.push(onDataset(hidden, `${plural(missing.length, 'row')} missing`));
    if (extra.length > 0) messages.push(onDataset(hidden, plural(extra.length, 'extra row')));
    if (!hidden) {
      const show = (rows: PreparedRow[], source: SqlValue[][], columns: number[]) =>
        rows
          .slice(0, 3)
          .map((row) => showRow(columns.map((column) => source[row.index]?.[column] ?? null)));
      const expectedColumns = expected.fields.map((_, index) => index);
      for (const row of show(missing, expected.rows, expectedColumns))
        messages.push(`Missing: ${row}`);
      for (const row of show(extra, actual.rows, order)) messages.push(`Not expected: ${row}`);
    }
    expectedFamilies.forEach((family, column) => {
      const actualFamily = actualFamilies[column] ?? 'other';
      if (family !== actualFamily && family !== 'other' && actualFamily !== 'other') {
        const field = actual.fields[order[column] ?? column];
        messages.push(
          `Column ${(order[column] ?? column) + 1} (${field?.name}) is ${familyWords[actualFamily]}; the expected column is ${familyWords[family]}`,
        );
      }
    });
    if (!options.nullEqualsNull && expected.rows.some((row) => row.includes(null))) {
      messages.push('This check treats NULL as different from NULL');
    }
    return { equal: false, messages };
  }
  if (options.ordered) {
    const firstOut = expectedRows.findIndex(
      (row, index) => !rowsEqual(row, actualRows[index] as PreparedRow, numeric, options),
    );
    if (firstOut !== -1) {
      return {
        equal: false,
        messages: [onDataset(hidden, `Right rows in the wrong order (from row ${firstOut + 1})`)],
      };
    }
  }
  return { equal: true, messages: [] };
}
