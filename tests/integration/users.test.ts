import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { createUser, setUserRoleByEmail, verifyCredentials } from '@/lib/dal/users';
import { AppError } from '@/lib/errors';
import { createTestUser } from '../support/factories';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

describe('users', () => {
  it('stores an argon2id hash with the OWASP parameters and never returns it', async () => {
    const user = await createTestUser();
    expect(Object.keys(user).sort()).toEqual(['email', 'id', 'name', 'password', 'role']);
    expect(user.role).toBe('learner');
    const db = await getDb();
    const [row] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.hash).not.toContain(user.password);
  });

  it('normalises the e-mail and refuses a second account for it, keeping one row', async () => {
    const user = await createTestUser();
    const upper = user.email.toUpperCase();
    await expect(
      createUser({ name: 'Again', email: ` ${upper} `, password: 'another password' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const db = await getDb();
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email));
    expect(rows).toHaveLength(1);
  });

  it('rejects invalid sign-up input with the field that is wrong, writing nothing', async () => {
    const email = `short-${Date.now()}@example.test`;
    await expect(createUser({ name: 'Shorty', email, password: 'short' })).rejects.toThrow(
      /at least 8 characters/,
    );
    await expect(createUser({ name: 'Longy', email, password: 'x'.repeat(129) })).rejects.toThrow(
      /at most 128/,
    );
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('verifies the exact password and treats unknown e-mails and wrong passwords alike', async () => {
    const user = await createTestUser({ password: 'ünïcödé passphrase with spaces ' });
    await expect(
      verifyCredentials(
        { email: user.email, password: 'ünïcödé passphrase with spaces ' },
        { ip: '203.0.113.7' },
      ),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      verifyCredentials(
        { email: user.email.toUpperCase(), password: user.password },
        { ip: '203.0.113.7' },
      ),
    ).resolves.toMatchObject({ id: user.id });
    // No trimming, no truncation.
    await expect(
      verifyCredentials(
        { email: user.email, password: 'ünïcödé passphrase with spaces' },
        { ip: '203.0.113.7' },
      ),
    ).resolves.toBeNull();
    await expect(
      verifyCredentials({ email: user.email, password: 'wrong password' }, { ip: '203.0.113.7' }),
    ).resolves.toBeNull();
    await expect(
      verifyCredentials(
        { email: 'nobody@example.test', password: 'wrong password' },
        { ip: '203.0.113.7' },
      ),
    ).resolves.toBeNull();
    await expect(
      verifyCredentials({ email: 'not an email', password: 'x' }, { ip: '203.0.113.7' }),
    ).resolves.toBeNull();
  });

  it('accepts a 128-character password and verifies all of it', async () => {
    const long = 'a'.repeat(127) + 'b';
    const user = await createTestUser({ password: long });
    await expect(
      verifyCredentials({ email: user.email, password: long }, { ip: '203.0.113.7' }),
    ).resolves.toMatchObject({
      id: user.id,
    });
    await expect(
      verifyCredentials({ email: user.email, password: 'a'.repeat(128) }, { ip: '203.0.113.7' }),
    ).resolves.toBeNull();
  });

  it('changes a role by e-mail (the user:role command) and reports unknown e-mails', async () => {
    const user = await createTestUser();
    await expect(
      setUserRoleByEmail({ email: user.email, role: 'instructor' }),
    ).resolves.toMatchObject({ role: 'instructor' });
    await expect(
      setUserRoleByEmail({ email: 'missing@example.test', role: 'admin' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(setUserRoleByEmail({ email: user.email, role: 'superuser' })).rejects.toThrow();
  });
});

describe('hash upgrades', () => {
  it('rehashes a weaker stored hash with the current parameters on the next sign-in', async () => {
    const { hash } = await import('@node-rs/argon2');
    const user = await createTestUser({ password: 'an older account password' });
    const db = await getDb();
    const weak = await hash('an older account password', {
      algorithm: 2,
      memoryCost: 4096,
      timeCost: 1,
      parallelism: 1,
    });
    await db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));

    await expect(
      verifyCredentials(
        { email: user.email, password: 'an older account password' },
        { ip: '203.0.113.8' },
      ),
    ).resolves.toMatchObject({
      id: user.id,
    });
    const [row] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(
      verifyCredentials(
        { email: user.email, password: 'an older account password' },
        { ip: '203.0.113.8' },
      ),
    ).resolves.not.toBeNull();
  });
});

describe('mass assignment', () => {
  it('ignores extra fields such as role or id at sign-up', async () => {
    const email = `mass-${Date.now()}@example.test`;
    const user = await createUser({
      name: 'Mallory',
      email,
      password: 'a long passphrase',
      role: 'admin',
      id: 'chosen-id',
      passwordHash: 'x',
    });
    expect(user.role).toBe('learner');
    expect(user.id).not.toBe('chosen-id');
    await expect(
      verifyCredentials({ email, password: 'a long passphrase' }, { ip: '203.0.113.9' }),
    ).resolves.toMatchObject({ role: 'learner' });
  });
});
