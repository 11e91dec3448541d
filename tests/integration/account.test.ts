import { eq, like, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { deleteAccountAction } from '@/app/(auth)/actions';
import { getDb } from '@/db/client';
import { accounts, auditLog, authThrottles, lessonProgress, users } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { deleteMyAccount, exportMyData } from '@/lib/dal/account';
import { setLessonCompletion } from '@/lib/dal/progress';
import { verifyCredentials } from '@/lib/dal/users';
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
    await deleteMyAccount({ confirmEmail: ` ${user.email.toUpperCase()} ` });

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

  it('refuses without the exact e-mail or without a session, deleting nothing', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const wrong = await deleteAccountAction({ status: 'idle' }, Object.assign(new FormData(), {}));
    expect(wrong.status).toBe('invalid');
    const form = new FormData();
    form.set('confirmEmail', 'someone-else@example.test');
    expect(await deleteAccountAction({ status: 'idle' }, form)).toMatchObject({
      status: 'invalid',
    });
    signInAs(null);
    form.set('confirmEmail', user.email);
    expect(await deleteAccountAction({ status: 'idle' }, form)).toMatchObject({
      status: 'error',
      code: 'unauthenticated',
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.id, user.id))).toHaveLength(1);
  });
});
