import { describe, expect, it } from 'vitest';
import { getSearchIndex, searchCourse } from '@/lib/content/search';

describe('course search', () => {
  it('finds a term in a section and links to its heading, with the match highlighted', () => {
    const [top] = searchCourse('write skew');
    expect(top?.href).toBe('/learn/databases/transactions-isolation-and-constraints#write-skew');
    expect(top?.snippet.some((part) => part.match && part.text.toLowerCase() === 'skew')).toBe(
      true,
    );
  });

  it('requires every term, ranks headings above passing mentions, and ignores case', () => {
    const hits = searchCourse('CIRCUIT Breaker');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.href).toContain('/learn/integrations/resilience#circuit-breaker');
    for (const hit of searchCourse('argon2id idempotency')) {
      const text = hit.snippet
        .map((part) => part.text)
        .join('')
        .toLowerCase();
      expect(text.length).toBeGreaterThan(0);
    }
    expect(searchCourse('zzzzqqq')).toEqual([]);
    expect(searchCourse('  ')).toEqual([]);
  });

  it('indexes every lesson, leaving code out of the text', () => {
    const index = getSearchIndex();
    expect(new Set(index.map((section) => section.lesson.id)).size).toBeGreaterThanOrEqual(40);
    expect(index.some((section) => section.text.includes('import express from'))).toBe(false);
  });
});
