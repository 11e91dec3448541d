// Guesses of the current password (change password, delete account) are counted per account.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { changePasswordAction } from '@/app/(auth)/actions';
import { getDb } from '@/db/client';
import { authThrottles, users } from '@/db/schema';
import { passwordCheckLimits } from '@/lib/dal/throttle';
import { changePassword } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const newPassword = 'a brand new passphrase';
const wrongGuess = (attempt: number) => `wrong guess number ${attempt}`;

async function passwordHashOf(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  return row?.hash;
}

/** Moves the account's counting window into the past, as if its 15 minutes had gone by. */
async function endWindow(userId: string) {
  const db = await getDb();
  await db
    .update(authThrottles)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(authThrottles.key, `password-check:${userId}`));
}

describe('guessing the current password on the change-password form', () => {
  it(`refuses after ${passwordCheckLimits.attempts} wrong guesses, even the right password, with the minutes to wait`, async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const hashBefore = await passwordHashOf(user.id);
    signInAs(user.id);
    for (let attempt = 1; attempt <= passwordCheckLimits.attempts; attempt += 1) {
      await expect(
        changePassword({ currentPassword: wrongGuess(attempt), newPassword }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(
      changePassword({ currentPassword: user.password, newPassword }),
    ).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Too many wrong passwords\. Wait 15 minutes and try again/),
    });
    // A new session of the same account (another browser, a new IP) gets no fresh guesses.
    signInAs(user.id, Date.now() + 1);
    await expect(
      changePassword({ currentPassword: user.password, newPassword }),
    ).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await passwordHashOf(user.id)).toBe(hashBefore);

    // Another account is not affected.
    signInAs(other.id);
    await expect(changePassword({ currentPassword: other.password, newPassword })).resolves.toEqual(
      { email: other.email },
    );

    // Once the window is over, the right password works again.
    await endWindow(user.id);
    signInAs(user.id, Date.now() + 2);
    await expect(changePassword({ currentPassword: user.password, newPassword })).resolves.toEqual({
      email: user.email,
    });
  });

  it('forgets the wrong guesses after the right password', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    for (let attempt = 1; attempt < passwordCheckLimits.attempts; attempt += 1) {
      await expect(
        changePassword({ currentPassword: wrongGuess(attempt), newPassword }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(changePassword({ currentPassword: user.password, newPassword })).resolves.toEqual({
      email: user.email,
    });
    signInAs(user.id, Date.now() + 1);
    for (let attempt = 1; attempt < passwordCheckLimits.attempts; attempt += 1) {
      await expect(
        changePassword({ currentPassword: wrongGuess(attempt), newPassword: 'yet another phrase' }),
      ).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(
      changePassword({ currentPassword: newPassword, newPassword: 'yet another phrase' }),
    ).resolves.toEqual({ email: user.email });
  });

  it('counts concurrent guesses exactly: no more than the limit are ever checked', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const results = await Promise.allSettled(
      Array.from({ length: passwordCheckLimits.attempts * 2 }, (_, attempt) =>
        changePassword({ currentPassword: wrongGuess(attempt), newPassword }),
      ),
    );
    const codes = results.map((result) =>
      result.status === 'rejected' ? (result.reason as { code?: string }).code : 'changed',
    );
    expect(codes.filter((code) => code === 'invalid')).toHaveLength(passwordCheckLimits.attempts);
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(
      passwordCheckLimits.attempts,
    );
  });

  it('shows the wait as a form message, and a wrong guess on the current-password field', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const form = (currentPassword: string) => {
      const data = new FormData();
      data.set('currentPassword', currentPassword);
      data.set('newPassword', newPassword);
      return data;
    };
    for (let attempt = 1; attempt <= passwordCheckLimits.attempts; attempt += 1) {
      expect(await changePasswordAction({ status: 'idle' }, form(wrongGuess(attempt)))).toEqual({
        status: 'invalid',
        // The field says what is wrong; the form's status line points at it.
        message: 'Please correct the highlighted fields.',
        fieldErrors: { currentPassword: ['Your current password is not correct.'] },
      });
    }
    expect(await changePasswordAction({ status: 'idle' }, form(user.password))).toMatchObject({
      status: 'error',
      code: 'rate_limited',
      message: expect.stringMatching(/Wait 15 minutes/),
    });
  });
});
