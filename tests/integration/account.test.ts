import { eq, like, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { deleteAccountAction } from '@/app/(auth)/actions';
import { getDb } from '@/db/client';
import { accounts, auditLog, authThrottles, lessonProgress, users } from '@/db/schema';
import { listLessons } from '@/lib/content';
import {
  deleteMyAccount,
  exportMyData,
  FreshSignInRequired,
  freshSignInMinutes,
  getAccountDeletionCheck,
} from '@/lib/dal/account';
import { changeUserRole } from '@/lib/dal/admin';
import { passwordCheckLimits } from '@/lib/dal/throttle';
import { setLessonCompletion } from '@/lib/dal/progress';
import { changePassword, setUserRoleByEmail, verifyCredentials } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const [lessonA, lessonB] = listLessons();

describe('download my data', () => {
  it("contains the user's profile and progress and nobody else's", async () => {
    const alice = await createTestUser({ name: 'Alice Export' });
    const bob = await createTestUser({ name: 'Bob Other' });
    signInAs(bob.id);
    await setLessonCompletion({ lessonId: lessonB!.id, completed: true });
    signInAs(alice.id);
    await setLessonCompletion({ lessonId: lessonA!.id, completed: true });

    const data = await exportMyData();
    expect(data.profile).toMatchObject({
      id: alice.id,
      email: alice.email,
      name: 'Alice Export',
      role: 'learner',
    });
    expect(data.progress).toEqual([
      expect.objectContaining({ lessonId: lessonA!.id, status: 'completed' }),
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain(bob.email);
    expect(text).not.toContain(bob.id);
    expect(text).not.toMatch(/argon2|passwordHash|password_hash/);

    signInAs(null);
    await expect(exportMyData()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('delete my account', () => {
  it('removes every row of the user in one transaction and keeps an audit entry without personal data', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const db = await getDb();
    signInAs(user.id);
    await setLessonCompletion({ lessonId: lessonA!.id, completed: true });
    await verifyCredentials(
      { email: user.email, password: 'wrong password' },
      { ip: '192.0.2.99' },
    );
    await db.insert(accounts).values({
      userId: user.id,
      type: 'oauth',
      provider: 'github',
      providerAccountId: `gh-${user.id}`,
    });
    await db
      .insert(auditLog)
      .values({ action: 'role.changed', actorId: other.id, targetId: user.id });
    signInAs(other.id);
    await setLessonCompletion({ lessonId: lessonA!.id, completed: true });

    signInAs(user.id);
    await deleteMyAccount({ password: user.password });

    // Every table with a column pointing at users, found from the catalog so new tables are
    // checked too: no row mentions the deleted user.
    const columns = await db.execute(sql`
      select kcu.table_name, kcu.column_name
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = rc.unique_constraint_name
      where ccu.table_name = 'users' and kcu.table_schema = current_schema()`);
    const references = (
      columns as unknown as { rows: { table_name: string; column_name: string }[] }
    ).rows;
    expect(references.map((ref) => ref.table_name)).toEqual(
      expect.arrayContaining(['lesson_progress', 'notifications', 'cohort_members', 'audit_log']),
    );
    for (const ref of references) {
      const left = await db.execute(
        sql`select count(*)::int as count from ${sql.identifier(ref.table_name)} where ${sql.identifier(ref.column_name)} = ${user.id}`,
      );
      expect(
        (left as unknown as { rows: { count: number }[] }).rows[0]?.count,
        `${ref.table_name}.${ref.column_name}`,
      ).toBe(0);
    }
    // Table by table: nothing of the user is left.
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(0);
    expect(
      await db.select().from(lessonProgress).where(eq(lessonProgress.userId, user.id)),
    ).toHaveLength(0);
    expect(await db.select().from(accounts).where(eq(accounts.userId, user.id))).toHaveLength(0);
    expect(
      await db
        .select()
        .from(authThrottles)
        .where(like(authThrottles.key, `%${user.email}%`)),
    ).toHaveLength(0);
    const mentions = await db.execute(
      sql`select count(*)::int as count from audit_log where actor_id = ${user.id} or target_id = ${user.id} or details::text like ${`%${user.email}%`}`,
    );
    expect((mentions as unknown as { rows: { count: number }[] }).rows[0]?.count).toBe(0);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'account.deleted'))
      .orderBy(sql`${auditLog.id} desc`)
      .limit(1);
    expect(entry).toMatchObject({ actorId: null, targetId: null, ip: null });
    // The other user is untouched.
    expect(
      await db.select().from(lessonProgress).where(eq(lessonProgress.userId, other.id)),
    ).toHaveLength(1);
    // And the deleted user's session is refused from now on.
    await expect(exportMyData()).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('asks for the password: refuses none, a wrong one or no session, deleting nothing', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, value);
      return data;
    };
    // The e-mail alone is no longer enough.
    expect(
      await deleteAccountAction({ status: 'idle' }, form({ confirmEmail: user.email })),
    ).toEqual({
      status: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: { password: ['Enter your password to confirm.'] },
      values: { confirmEmail: user.email },
    });
    expect(
      await deleteAccountAction({ status: 'idle' }, form({ password: 'not my password' })),
    ).toMatchObject({
      status: 'invalid',
      fieldErrors: { password: ['Your current password is not correct.'] },
    });
    expect(
      JSON.stringify(
        await deleteAccountAction({ status: 'idle' }, form({ password: 'not my password' })),
      ),
    ).not.toContain('not my password');
    signInAs(null);
    expect(
      await deleteAccountAction({ status: 'idle' }, form({ password: user.password })),
    ).toMatchObject({ status: 'error', code: 'unauthenticated' });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  it('checks the password with the same per-account throttle as the change-password form', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    for (let attempt = 1; attempt <= passwordCheckLimits.attempts; attempt += 1) {
      const guess =
        attempt % 2
          ? deleteMyAccount({ password: `guess ${attempt}` })
          : changePassword({
              currentPassword: `guess ${attempt}`,
              newPassword: 'a brand new passphrase',
            });
      await expect(guess).rejects.toMatchObject({ code: 'invalid' });
    }
    await expect(deleteMyAccount({ password: user.password })).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Wait 15 minutes/),
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });

  it('lets an account without a password (GitHub only) delete itself only soon after signing in', async () => {
    const db = await getDb();
    const email = `github-${Date.now()}@example.test`;
    const [user] = await db
      .insert(users)
      .values({ name: 'GitHub Only', email })
      .returning({ id: users.id });
    const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

    signInAs(user!.id, minutesAgo(freshSignInMinutes + 1));
    expect(await getAccountDeletionCheck()).toEqual({ confirmWith: 'sign-in-again' });
    await expect(deleteMyAccount({ confirmEmail: email })).rejects.toBeInstanceOf(
      FreshSignInRequired,
    );
    const form = new FormData();
    form.set('confirmEmail', email);
    expect(await deleteAccountAction({ status: 'idle' }, form)).toMatchObject({
      status: 'sign-in-again',
    });
    expect(await db.select().from(users).where(eq(users.id, user!.id))).toHaveLength(1);

    signInAs(user!.id, minutesAgo(freshSignInMinutes - 1));
    expect(await getAccountDeletionCheck()).toEqual({ confirmWith: 'email', email });
    form.set('confirmEmail', 'someone-else@example.test');
    expect(await deleteAccountAction({ status: 'idle' }, form)).toEqual({
      status: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: { confirmEmail: ['That is not the e-mail address of this account.'] },
      values: { confirmEmail: 'someone-else@example.test' },
    });
    await deleteMyAccount({ confirmEmail: ` ${email.toUpperCase()} ` });
    expect(await db.select().from(users).where(eq(users.id, user!.id))).toHaveLength(0);
  });

  it('erases the IP address from the audit entries of an admin who deletes their account', async () => {
    const admin = await createTestUser();
    const learner = await createTestUser();
    await setUserRoleByEmail({ email: admin.email, role: 'admin' });
    signInAs(admin.id);
    await changeUserRole({ userId: learner.id, role: 'instructor' }, { ip: '203.0.113.77' });
    const db = await getDb();
    const [before] = await db.select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(before).toMatchObject({ action: 'role.changed', ip: '203.0.113.77' });

    await deleteMyAccount({ password: admin.password });

    const [after] = await db.select().from(auditLog).where(eq(auditLog.id, before!.id));
    // What was done, when and to whom stays on record; who did it and from where does not.
    expect(after).toEqual({
      ...before,
      actorId: null,
      ip: null,
    });
    const left = await db.execute(
      sql`select count(*)::int as count from audit_log where ip = '203.0.113.77'`,
    );
    expect((left as unknown as { rows: { count: number }[] }).rows[0]?.count).toBe(0);
  });
});
