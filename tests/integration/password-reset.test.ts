import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { passwordResetTokens } from '@/db/schema';
import { getDashboard } from '@/lib/dal/progress';
import {
  isResetTokenUsable,
  requestPasswordReset,
  resetPassword,
  type Defer,
} from '@/lib/dal/password-reset';
import type { MailMessage } from '@/lib/mail';
import { getSignUpLimit, resetAttemptLimit } from '@/lib/dal/throttle';
import { createUser, verifyCredentials } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const hashCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...original,
    hashPassword: (password: string) => {
      hashCalls.count += 1;
      return original.hashPassword(password);
    },
  };
});

const outbox: MailMessage[] = [];
vi.mock('@/lib/mail', () => ({
  sendMail: async (message: MailMessage) => {
    outbox.push(message);
  },
}));

let ipSequence = 0;
const freshIp = () => `203.0.113.${100 + (ipSequence += 1)}`;
const baseUrl = 'https://backend-path.example';

// What the action hands to Next.js's after(): run here when the test says so.
const queue: (() => Promise<void>)[] = [];
const defer: Defer = (task) => {
  queue.push(task);
};
const runDeferred = () => Promise.all(queue.splice(0).map((task) => task()));

/** Requests a reset, runs the work deferred past the response, and returns the e-mailed token. */
async function requestAndCaptureToken(email: string): Promise<string | null> {
  outbox.length = 0;
  await requestPasswordReset({ email }, { ip: freshIp(), baseUrl, defer });
  await runDeferred();
  return /\/reset-password\?token=([\w-]+)/.exec(outbox.at(-1)?.text ?? '')?.[1] ?? null;
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
    outbox.length = 0;
    await expect(
      requestPasswordReset(
        { email: 'nobody-at-all@example.test' },
        { ip: freshIp(), baseUrl, defer },
      ),
    ).resolves.toBeUndefined();
    await runDeferred();
    expect(outbox).toEqual([]);
  });

  it('answers before it looks the address up, for a known and an unknown address alike', async () => {
    const user = await createTestUser();
    outbox.length = 0;
    const db = await getDb();
    for (const email of ['nobody-here@example.test', user.email]) {
      await requestPasswordReset({ email }, { ip: freshIp(), baseUrl, defer });
      // The caller has its answer; nothing has been looked up, stored or sent yet.
      expect(queue).toHaveLength(1);
      expect(outbox).toEqual([]);
      expect(
        await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id)),
      ).toEqual([]);
      await runDeferred();
    }
    expect(outbox.map((message) => message.to)).toEqual([user.email]);
    expect(outbox[0]?.text).toContain(`${baseUrl}/reset-password?token=`);
  });

  it('sets the new password, ends other sessions, and works only once', async () => {
    const user = await createTestUser();
    const token = (await requestAndCaptureToken(user.email))!;
    signInAs(user.id, Date.now() - 60_000);
    await expect(isResetTokenUsable(token)).resolves.toBe(true);

    await expect(
      resetPassword({ token, newPassword: 'a reset passphrase here' }, { ip: freshIp() }),
    ).resolves.toEqual({ email: user.email });
    await expect(getDashboard()).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(
      verifyCredentials(
        { email: user.email, password: 'a reset passphrase here' },
        { ip: freshIp() },
      ),
    ).resolves.not.toBeNull();

    await expect(isResetTokenUsable(token)).resolves.toBe(false);
    await expect(
      resetPassword({ token, newPassword: 'a second reset passphrase' }, { ip: freshIp() }),
    ).rejects.toThrow(/expired or was already used/);
  });

  it('lets only one of two racing requests use a link', async () => {
    const user = await createTestUser();
    const token = (await requestAndCaptureToken(user.email))!;
    const results = await Promise.allSettled([
      resetPassword({ token, newPassword: 'racing passphrase one' }, { ip: freshIp() }),
      resetPassword({ token, newPassword: 'racing passphrase two' }, { ip: freshIp() }),
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
    await expect(
      resetPassword({ token, newPassword: 'too late passphrase' }, { ip: freshIp() }),
    ).rejects.toThrow(/expired/);
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip: freshIp() }),
    ).resolves.not.toBeNull();
  });

  it('checks the link before hashing the new password, and limits attempts per IP', async () => {
    const ip = freshIp();
    const before = hashCalls.count;
    const guess = 'x'.repeat(43);
    for (let attempt = 0; attempt < resetAttemptLimit.limit; attempt += 1) {
      await expect(
        resetPassword({ token: guess, newPassword: 'a guessed passphrase' }, { ip }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    // No hash was computed for a link that does not work: guessing costs the server a query.
    expect(hashCalls.count).toBe(before);
    await expect(
      resetPassword({ token: guess, newPassword: 'a guessed passphrase' }, { ip }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('throttles reset requests and sign-ups per IP', async () => {
    const ip = freshIp();
    for (let request = 0; request < 5; request += 1) {
      await requestPasswordReset({ email: 'whoever@example.test' }, { ip, baseUrl, defer });
    }
    await expect(
      requestPasswordReset({ email: 'whoever@example.test' }, { ip, baseUrl, defer }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    await runDeferred();

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
