import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const secret = 'session-token-test-secret-0123456789abcdef';
const plainName = 'authjs.session-token';
const secureName = '__Secure-authjs.session-token';

beforeAll(() => {
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', secret);
});
afterAll(() => vi.unstubAllEnvs());

const load = () => import('@/lib/auth/session-token');

/** A session cookie as Auth.js issues it (the salt is the cookie's name). */
async function issue(
  name: string,
  claims: Record<string, unknown>,
  options: { secret?: string; maxAge?: number } = {},
) {
  const value = await encode({
    token: claims,
    secret: options.secret ?? secret,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return new Headers({ cookie: `other=1; ${name}=${value}` });
}

describe('readSessionToken', () => {
  it('reads the user and sign-in time from a cookie Auth.js issued, plain or __Secure-', async () => {
    const { readSessionToken } = await load();
    const claims = { sub: 'user-1', authTime: 1_700_000_000_000 };
    expect(await readSessionToken(await issue(plainName, claims))).toMatchObject(claims);
    expect(await readSessionToken(await issue(secureName, claims))).toMatchObject(claims);
  });

  it('refuses a missing, tampered, expired or foreign cookie', async () => {
    const { readSessionToken } = await load();
    expect(await readSessionToken(new Headers())).toBeNull();
    const good = (await issue(plainName, { sub: 'user-1' })).get('cookie')!;
    // Flip one character in the ciphertext part of the JWE.
    const parts = good.split('=')[2]!.split('.');
    parts[3] = (parts[3]![0] === 'A' ? 'B' : 'A') + parts[3]!.slice(1);
    expect(
      await readSessionToken(new Headers({ cookie: `${plainName}=${parts.join('.')}` })),
    ).toBeNull();
    expect(
      await readSessionToken(await issue(plainName, { sub: 'user-1' }, { maxAge: -60 })),
    ).toBeNull();
    expect(
      await readSessionToken(
        await issue(
          plainName,
          { sub: 'user-1' },
          { secret: 'another-deployment-secret-000000000' },
        ),
      ),
    ).toBeNull();
    // A cookie encrypted for the other name (salt) does not pass as this one.
    const misnamed = (await issue(secureName, { sub: 'user-1' }))
      .get('cookie')!
      .replace(secureName, plainName);
    expect(await readSessionToken(new Headers({ cookie: misnamed }))).toBeNull();
  });
});
