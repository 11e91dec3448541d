import { describe, expect, it } from 'vitest';
import { compareRows, type RowSet } from '@/lib/labs/compare';
import { compareOptionsOf, type CompareOptions } from '@/lib/labs/format';
import type { SqlValue } from '@/lib/labs/sandbox';

const oid = {
  int4: 23,
  int8: 20,
  numeric: 1700,
  float8: 701,
  text: 25,
  json: 114,
  jsonb: 3802,
  date: 1082,
};

function rows(columns: [string, number][], ...values: SqlValue[][]): RowSet {
  return { fields: columns.map(([name, dataTypeID]) => ({ name, dataTypeID })), rows: values };
}

const nameRevenue: [string, number][] = [
  ['name', oid.text],
  ['revenue', oid.numeric],
];
const visible = { hidden: false };
const hidden = { hidden: true };
const options = (overrides: Partial<CompareOptions> = {}) => compareOptionsOf(overrides);

describe('compareRows: order', () => {
  const expected = rows(nameRevenue, ['Ada', '10'], ['Grace', '20'], ['Linus', '30']);
  const shuffled = rows(nameRevenue, ['Linus', '30'], ['Ada', '10'], ['Grace', '20']);

  it('ignores order by default', () => {
    expect(compareRows(expected, shuffled, options(), visible)).toEqual({
      equal: true,
      messages: [],
    });
  });

  it('says "Right rows in the wrong order" when order matters', () => {
    const result = compareRows(expected, shuffled, options({ ordered: true }), visible);
    expect(result.equal).toBe(false);
    expect(result.messages).toEqual(['Right rows in the wrong order (from row 1)']);
    expect(compareRows(expected, expected, options({ ordered: true }), visible).equal).toBe(true);
  });
});

describe('compareRows: duplicates', () => {
  it('counts each row: a duplicate cannot stand in for a missing row', () => {
    const expected = rows(nameRevenue, ['Ada', '10'], ['Ada', '10'], ['Grace', '20']);
    const actual = rows(nameRevenue, ['Ada', '10'], ['Grace', '20'], ['Grace', '20']);
    const result = compareRows(expected, actual, options(), visible);
    expect(result.equal).toBe(false);
    expect(result.messages).toEqual([
      '1 row missing',
      '1 extra row',
      'Missing: (Ada, 10)',
      'Not expected: (Grace, 20)',
    ]);
  });

  it('reports missing and extra rows by count', () => {
    const expected = rows(nameRevenue, ['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']);
    const actual = rows(nameRevenue, ['a', '1']);
    expect(compareRows(expected, actual, options(), visible).messages[0]).toBe('3 rows missing');
    expect(compareRows(actual, expected, options(), visible).messages[0]).toBe('3 extra rows');
  });
});

describe('compareRows: NULL', () => {
  const withNull = rows(nameRevenue, ['Ada', null]);

  it('treats NULL as equal to NULL by default', () => {
    expect(compareRows(withNull, rows(nameRevenue, ['Ada', null]), options(), visible).equal).toBe(
      true,
    );
  });

  it('treats NULL as different from NULL when nullEqualsNull is false', () => {
    const result = compareRows(withNull, withNull, options({ nullEqualsNull: false }), visible);
    expect(result.equal).toBe(false);
    expect(result.messages).toContain('This check treats NULL as different from NULL');
  });

  it('never takes NULL for 0 or an empty string', () => {
    expect(compareRows(withNull, rows(nameRevenue, ['Ada', '0']), options(), visible).equal).toBe(
      false,
    );
    expect(compareRows(withNull, rows(nameRevenue, ['Ada', '']), options(), visible).equal).toBe(
      false,
    );
  });
});

describe('compareRows: columns', () => {
  const expected = rows(nameRevenue, ['Ada', '10']);

  it('matches by position by default, whatever the names', () => {
    const renamed = rows(
      [
        ['customer', oid.text],
        ['total', oid.numeric],
      ],
      ['Ada', '10'],
    );
    expect(compareRows(expected, renamed, options(), visible).equal).toBe(true);
  });

  it('names an extra or missing column', () => {
    const extra = rows([...nameRevenue, ['total', oid.int4]], ['Ada', '10', '1']);
    expect(compareRows(expected, extra, options(), visible).messages).toEqual([
      'An extra column: total',
    ]);
    const missing = rows([['name', oid.text]], ['Ada']);
    expect(compareRows(expected, missing, options(), visible).messages).toEqual([
      'A column is missing: revenue',
    ]);
  });

  it('by name: order is free, names must match', () => {
    const swapped = rows(
      [
        ['revenue', oid.numeric],
        ['name', oid.text],
      ],
      ['10', 'Ada'],
    );
    expect(compareRows(expected, swapped, options({ columns: 'names' }), visible).equal).toBe(true);
    const misnamed = rows(
      [
        ['name', oid.text],
        ['total', oid.numeric],
      ],
      ['Ada', '10'],
    );
    expect(
      compareRows(expected, misnamed, options({ columns: 'names' }), visible).messages,
    ).toEqual(['Column 2 should be named revenue (it is named total)']);
    const twice = rows(
      [
        ['name', oid.text],
        ['name', oid.numeric],
      ],
      ['Ada', '10'],
    );
    expect(
      compareRows(expected, twice, options({ columns: 'names' }), visible).messages[0],
    ).toMatch(/^Two columns are named name/);
  });

  it('says when a column has another kind of type', () => {
    const asText = rows(
      [
        ['name', oid.text],
        ['revenue', oid.text],
      ],
      ['Ada', '10.00'],
    );
    expect(compareRows(expected, asText, options(), visible).messages).toContain(
      'Column 2 (revenue) is text; the expected column is a number',
    );
  });
});

describe('compareRows: numbers', () => {
  const expected = rows([['avg', oid.numeric]], ['3.3333333333333333'], ['1.50']);

  it('compares numeric text as numbers: 1.50 = 1.5, integer 2 = numeric 2.00', () => {
    expect(
      compareRows(
        rows([['n', oid.numeric]], ['1.50']),
        rows([['n', oid.numeric]], ['1.5']),
        options(),
        visible,
      ).equal,
    ).toBe(true);
    expect(
      compareRows(
        rows([['n', oid.numeric]], ['2.00']),
        rows([['n', oid.int8]], ['2']),
        options(),
        visible,
      ).equal,
    ).toBe(true);
    expect(
      compareRows(
        rows([['n', oid.numeric]], ['-0.0']),
        rows([['n', oid.float8]], ['0']),
        options(),
        visible,
      ).equal,
    ).toBe(true);
    expect(
      compareRows(
        rows([['n', oid.float8]], ['1e+21']),
        rows([['n', oid.numeric]], ['1000000000000000000000']),
        options(),
        visible,
      ).equal,
    ).toBe(true);
  });

  it('keeps big integers exact', () => {
    const big = rows([['n', oid.int8]], ['9007199254740993']);
    expect(
      compareRows(big, rows([['n', oid.int8]], ['9007199254740992']), options(), visible).equal,
    ).toBe(false);
  });

  it('applies the tolerance to numbers only', () => {
    const rounded = rows([['avg', oid.numeric]], ['3.33'], ['1.5']);
    expect(compareRows(expected, rounded, options(), visible).equal).toBe(false);
    expect(compareRows(expected, rounded, options({ tolerance: 0.01 }), visible).equal).toBe(true);
    expect(
      compareRows(
        expected,
        rows([['avg', oid.numeric]], ['3.35'], ['1.5']),
        options({ tolerance: 0.01 }),
        visible,
      ).equal,
    ).toBe(false);
    const texts = rows([['t', oid.text]], ['3.33']);
    expect(
      compareRows(texts, rows([['t', oid.text]], ['3.330']), options({ tolerance: 1 }), visible)
        .equal,
    ).toBe(false);
  });
});

describe('compareRows: other types', () => {
  it('compares json and jsonb by content, not key order or spacing', () => {
    const json = rows([['doc', oid.json]], ['{"b": [1, 2], "a": {"y": 1, "x": 2}}']);
    const jsonb = rows([['doc', oid.jsonb]], ['{"a": {"x": 2, "y": 1}, "b": [1, 2]}']);
    expect(compareRows(json, jsonb, options(), visible).equal).toBe(true);
    const other = rows([['doc', oid.jsonb]], ['{"a": {"x": 2, "y": 1}, "b": [2, 1]}']);
    expect(compareRows(json, other, options(), visible).equal).toBe(false);
  });

  it('compares dates and booleans by their Postgres text', () => {
    const day = rows([['d', oid.date]], ['2026-01-02']);
    expect(
      compareRows(day, rows([['d', oid.date]], ['2026-01-02']), options(), visible).equal,
    ).toBe(true);
    expect(
      compareRows(day, rows([['d', oid.date]], ['2026-01-03']), options(), visible).equal,
    ).toBe(false);
  });
});

describe('compareRows on a hidden dataset', () => {
  it('says how many rows differ and never which values', () => {
    const expected = rows(nameRevenue, ['Secret-Name', '12.34'], ['Ada', '1']);
    const actual = rows(nameRevenue, ['Ada', '1'], ['Other-Secret', '56.78'], ['More', '1']);
    const result = compareRows(expected, actual, options(), hidden);
    expect(result.messages).toEqual([
      'On a hidden dataset: 1 row missing',
      'On a hidden dataset: 2 extra rows',
    ]);
    expect(result.messages.join(' ')).not.toMatch(/Secret|12\.34|56\.78|More/);
    const ordered = compareRows(
      expected,
      rows(nameRevenue, ['Ada', '1'], ['Secret-Name', '12.34']),
      options({ ordered: true }),
      hidden,
    );
    expect(ordered.messages).toEqual([
      'On a hidden dataset: right rows in the wrong order (from row 1)',
    ]);
  });
});
