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
