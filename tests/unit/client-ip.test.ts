import { describe, expect, it } from 'vitest';
import { getClientIp } from '@/lib/auth/client-ip';

const withForwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('getClientIp', () => {
  it('takes the address the one trusted proxy appended, not a forged first entry', () => {
    expect(getClientIp(withForwardedFor('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('skips as many entries as there are trusted proxies', () => {
    expect(getClientIp(withForwardedFor('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('uses the single entry a proxy like Vercel writes, even when more hops are configured', () => {
    expect(getClientIp(withForwardedFor('203.0.113.9'), 3)).toBe('203.0.113.9');
  });

  it('falls back to X-Real-IP, then to "unknown", and caps the length', () => {
    expect(getClientIp(new Headers({ 'x-real-ip': '198.51.100.4' }), 1)).toBe('198.51.100.4');
    expect(getClientIp(new Headers(), 1)).toBe('unknown');
    expect(getClientIp(withForwardedFor('x'.repeat(200)), 1)).toHaveLength(64);
  });
});
