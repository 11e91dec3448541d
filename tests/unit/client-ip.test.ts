import { describe, expect, it } from 'vitest';
import { clientIpHeader, getClientIp } from '@/lib/auth/client-ip';
import { parseEnv } from '@/lib/env';
import { parseTrustedProxies, resolveClientAddress } from '@/lib/http/client-address';

describe('resolveClientAddress (the front layer, where the socket is known)', () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies('10.0.0.0/8, 192.0.2.7 2001:db8::/32');

  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    expect(resolveClientAddress('203.0.113.9', '6.6.6.6', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:203.0.113.9', '6.6.6.6, 7.7.7.7', none)).toBe(
      '203.0.113.9',
    );
    // A forged header from an untrusted peer changes nothing, even when it names a trusted proxy.
    expect(resolveClientAddress('203.0.113.9', '10.1.2.3', proxies)).toBe('203.0.113.9');
  });

  it('behind trusted proxies, takes the nearest address that is not one of them', () => {
    expect(resolveClientAddress('10.0.0.5', '6.6.6.6, 203.0.113.9', proxies)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.0.0.5', '6.6.6.6, 203.0.113.9, 192.0.2.7', proxies)).toBe(
      '203.0.113.9',
    );
    expect(resolveClientAddress('2001:db8::1', '2001:db8::2, 2001:db9::5', proxies)).toBe(
      '2001:db9::5',
    );
    expect(resolveClientAddress('10.0.0.5', ['6.6.6.6', '198.51.100.1'], proxies)).toBe(
      '198.51.100.1',
    );
  });

  it('stops at an entry that is not an IP address, and at a proxy without a header', () => {
    expect(resolveClientAddress('10.0.0.5', 'x"><script>, 10.0.0.6', proxies)).toBe('10.0.0.6');
    expect(resolveClientAddress('10.0.0.5', undefined, proxies)).toBe('10.0.0.5');
    expect(resolveClientAddress(undefined, '6.6.6.6', proxies)).toBe('unknown');
  });

  it('refuses a TRUSTED_PROXIES entry that is not an address or a range, at startup', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies('proxy.internal')).toThrow(/not an IP address/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '1.2.3.4/x' })).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies(' 127.0.0.1 ,::1 ').entries).toEqual(['127.0.0.1', '::1']);
  });
});

describe('getClientIp (inside Next.js)', () => {
  const production = parseEnv({ NODE_ENV: 'production' });

  it("takes the front layer's address and nothing a client can write", () => {
    const headers = new Headers({
      [clientIpHeader]: '203.0.113.9',
      'x-forwarded-for': '6.6.6.6',
      'x-real-ip': '7.7.7.7',
    });
    expect(getClientIp(headers, production)).toBe('203.0.113.9');
    expect(getClientIp(new Headers({ 'x-forwarded-for': '6.6.6.6' }), production)).toBe('unknown');
    expect(getClientIp(new Headers({ [clientIpHeader]: 'not an ip' }), production)).toBe('unknown');
  });

  it('on Vercel, trusts the X-Real-IP the platform sets', () => {
    const vercel = parseEnv({ NODE_ENV: 'production', VERCEL: '1' });
    expect(getClientIp(new Headers({ 'x-real-ip': '198.51.100.4' }), vercel)).toBe('198.51.100.4');
    expect(getClientIp(new Headers({ 'x-real-ip': 'forged' }), vercel)).toBe('unknown');
  });

  it('under next dev, uses the address Next.js appended', () => {
    const development = parseEnv({ NODE_ENV: 'development' });
    expect(getClientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, ::1' }), development)).toBe(
      '::1',
    );
  });
});
