import { describe, expect, it } from 'vitest';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';

describe('isDatabaseUnavailable', () => {
  it('recognises refused, dropped and timed-out connections, also when wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('bye'), { code: '57P01' }))).toBe(true);
  });

  it('leaves bugs and data errors alone', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new AppError('invalid', 'no'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
