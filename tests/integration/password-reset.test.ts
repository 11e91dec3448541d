import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { passwordResetTokens } from '@/db/schema';
import { getDashboard } from '@/lib/dal/progress';
import { isResetTokenUsable, requestPasswordReset, resetPassword } from '@/lib/dal/password-reset';
import { getSignUpLimit } from '@/lib/dal/throttle';
import { createUser, verifyCredentials } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

let ipSequence = 0;
const freshIp = () => `203.0.113.${100 + (ipSequence += 1)}`;
const baseUrl = 'https://backend-path.example';

/** Requests a reset and returns the token from the printed e-mail (no SMTP_URL in tests). */
async function requestAndCaptureToken(email: string): Promise<string | null> {
  const info = vi.spyOn(console, 'info').mockImplementation(() => {});
  try {
    await requestPasswordReset({ email }, { ip: freshIp(), baseUrl });
    const printed = info.mock.calls.map((call) => String(call[0])).join('\n');
    return /\/reset-password\?token=([\w-]+)/.exec(printed)?.[1] ?? null;
  } finally {
    info.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('password reset', () => {
  it('e-mails a single-use link for a known address and stores only the token hash', async () => {
    const user = await createTestUser();
    const token = await requestAndCaptureToken(user.email);
    expect(token).toMatch(/^[\w-]{40,}$/);
    const db = await getDb();
    const rows = await db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toContain(token!);
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const minutes = (rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30.1);
  });

  it('says nothing and sends nothing for an unknown address', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    await expect(
      requestPasswordReset({ email: 'nobody-at-all@example.test' }, { ip: freshIp(), baseUrl }),
    ).resolves.toBeUndefined();
    expect(info).not.toHaveBeenCalled();
  });

  it('sets the new password, ends other sessions, and works only once', async () => {
    const user = await createTestUser();
    const token = (await requestAndCaptureToken(user.email))!;
    signInAs(user.id, Date.now() - 60_000);
    await expect(isResetTokenUsable(token)).resolves.toBe(true);

    await expect(resetPassword({ token, newPassword: 'a reset passphrase here' })).resolves.toEqual(
      { email: user.email },
    );
    await expect(getDashboard()).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      verifyCredentials(
        { email: user.email, password: 'a reset passphrase here' },
        { ip: freshIp() },
      ),
    ).resolves.not.toBeNull();

    await expect(isResetTokenUsable(token)).resolves.toBe(false);
    await expect(
      resetPassword({ token, newPassword: 'a second reset passphrase' }),
    ).rejects.toThrow(/expired or was already used/);
  });

  it('lets only one of two racing requests use a link', async () => {
    const user = await createTestUser();
    const token = (await requestAndCaptureToken(user.email))!;
    const results = await Promise.allSettled([
      resetPassword({ token, newPassword: 'racing passphrase one' }),
      resetPassword({ token, newPassword: 'racing passphrase two' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const user = await createTestUser();
    const token = (await requestAndCaptureToken(user.email))!;
    const db = await getDb();
    await db
      .update(passwordResetTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(passwordResetTokens.userId, user.id));
    await expect(isResetTokenUsable(token)).resolves.toBe(false);
    await expect(resetPassword({ token, newPassword: 'too late passphrase' })).rejects.toThrow(
      /expired/,
    );
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip: freshIp() }),
    ).resolves.not.toBeNull();
  });

  it('throttles reset requests and sign-ups per IP', async () => {
    const ip = freshIp();
    vi.spyOn(console, 'info').mockImplementation(() => {});
    for (let request = 0; request < 5; request += 1) {
      await requestPasswordReset({ email: 'whoever@example.test' }, { ip, baseUrl });
    }
    await expect(
      requestPasswordReset({ email: 'whoever@example.test' }, { ip, baseUrl }),
    ).rejects.toMatchObject({ code: 'rate_limited' });

    const signUpIp = freshIp();
    for (let signUp = 0; signUp < getSignUpLimit().limit; signUp += 1) {
      await createUser(
        {
          name: 'Signup',
          email: `signup-${signUp}-${Date.now()}@example.test`,
          password: 'sign up passphrase',
        },
        { ip: signUpIp },
      );
    }
    await expect(
      createUser(
        {
          name: 'Signup',
          email: `signup-x-${Date.now()}@example.test`,
          password: 'sign up passphrase',
        },
        { ip: signUpIp },
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
