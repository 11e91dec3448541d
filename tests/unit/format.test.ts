import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDay, plural } from '@/lib/format';

describe('wording helpers', () => {
  it('pluralise counts, regular and irregular', () => {
    expect(plural(1, 'lesson')).toBe('1 lesson');
    expect(plural(0, 'lesson')).toBe('0 lessons');
    expect(plural(2, 'activity', 'activities')).toBe('2 activities');
    expect(plural(1, 'person', 'people')).toBe('1 person');
  });

  it('name the year of every date, read in UTC', () => {
    expect(formatDay('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDay('2026-01-31T23:59:59.000Z')).toBe('31 Jan 2026');
    expect(formatDay(new Date('2025-06-01T00:00:00Z'))).toBe('1 Jun 2025');
  });
});

/** Every .ts and .tsx file under these folders. */
function sourceFiles(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => path.join(folder, file)),
  );
}

describe('counts in the interface', () => {
  it('are worded by plural(), never by a hand-written "=== 1 ?" or "s" suffix', () => {
    const handWritten = /[!=]== 1 \?|\}s\b|1 \? '' : 's'/;
    const offenders = sourceFiles('app', 'components', 'lib')
      .filter((file) => file !== path.join('lib', 'format.ts'))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          .filter(({ line }) => handWritten.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
