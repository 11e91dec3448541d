import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { getDashboard } from '@/lib/dal/progress';
import { changePassword, verifyCredentials } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const ip = '192.0.2.10';

describe('changing the password', () => {
  it('checks the current password, stores a new hash and ends every session that began before', async () => {
    const user = await createTestUser();
    const otherDevice = Date.now() - 60_000;
    signInAs(user.id, otherDevice);
    await expect(getDashboard()).resolves.toBeDefined();

    signInAs(user.id);
    await expect(
      changePassword({ currentPassword: user.password, newPassword: 'a brand new passphrase' }),
    ).resolves.toEqual({
      email: user.email,
    });
    // The session from the other device is refused on its next request...
    signInAs(user.id, otherDevice);
    await expect(getDashboard()).rejects.toMatchObject({ code: 'unauthenticated' });
    // ...and a session that starts now works, with the new password only.
    signInAs(user.id, Date.now() + 1);
    await expect(getDashboard()).resolves.toBeDefined();
    await expect(
      verifyCredentials({ email: user.email, password: 'a brand new passphrase' }, { ip }),
    ).resolves.not.toBeNull();
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).resolves.toBeNull();
  });

  it('refuses a wrong current password, a common or unchanged new one, and no session, changing nothing', async () => {
    const user = await createTestUser();
    const db = await getDb();
    const hashBefore = (
      await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id))
    )[0]?.hash;

    signInAs(user.id);
    await expect(
      changePassword({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' }),
    ).rejects.toMatchObject({
      code: 'invalid',
    });
    await expect(
      changePassword({ currentPassword: user.password, newPassword: 'password123' }),
    ).rejects.toThrow(/most common/);
    await expect(
      changePassword({ currentPassword: user.password, newPassword: user.password }),
    ).rejects.toThrow(/different/);
    signInAs(null);
    await expect(
      changePassword({ currentPassword: user.password, newPassword: 'a brand new passphrase' }),
    ).rejects.toMatchObject({
      code: 'unauthenticated',
    });

    const [after] = await db
      .select({ hash: users.passwordHash, validAfter: users.sessionsValidAfter })
      .from(users)
      .where(eq(users.id, user.id));
    expect(after?.hash).toBe(hashBefore);
    expect(after?.validAfter).toBeNull();
  });

  it('refuses a session whose user no longer exists', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, user.id));
    await expect(getDashboard()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
