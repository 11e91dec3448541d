import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

beforeAll(() => {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', 'trusted-device-test-secret-0123456789abcdef');
});
afterAll(() => vi.unstubAllEnvs());

const load = () => import('@/lib/auth/trusted-device');
const header = (name: string, value: string) => `theme=dark; ${name}=${value}; other=1`;

describe('trusted device cookie', () => {
  it('is accepted for the account it was issued to, and only that one', async () => {
    const { issueTrustedDeviceCookie, isTrustedDevice } = await load();
    const cookie = issueTrustedDeviceCookie('ada@example.test');
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(isTrustedDevice(header(cookie.name, cookie.value), 'ada@example.test')).toBe(true);
    expect(isTrustedDevice(header(cookie.name, cookie.value), 'bob@example.test')).toBe(false);
    expect(isTrustedDevice(null, 'ada@example.test')).toBe(false);
  });

  it('refuses a forged, tampered or expired value', async () => {
    const { issueTrustedDeviceCookie, isTrustedDevice } = await load();
    const cookie = issueTrustedDeviceCookie('ada@example.test');
    const [issuedAt, mac] = cookie.value.split('.') as [string, string];
    const flipped = `${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect(isTrustedDevice(header(cookie.name, `${issuedAt}.${flipped}`), 'ada@example.test')).toBe(
      false,
    );
    expect(
      isTrustedDevice(header(cookie.name, `${Number(issuedAt) + 1}.${mac}`), 'ada@example.test'),
    ).toBe(false);
    const old = issueTrustedDeviceCookie('ada@example.test', Date.now() - 400 * 86_400_000);
    expect(isTrustedDevice(header(old.name, old.value), 'ada@example.test')).toBe(false);
    expect(isTrustedDevice(header(cookie.name, 'anything'), 'ada@example.test')).toBe(false);
  });
});
