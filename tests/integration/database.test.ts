import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabaseHandle } from '@/db/client';
import { demoAccounts, seedDemoAccounts } from '@/db/seed';
import { verifyCredentials } from '@/lib/dal/users';
import { getDatabaseConfig, parseEnv } from '@/lib/env';

const expected = getDatabaseConfig(parseEnv()).driver;

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

describe(`database (${expected})`, () => {
  it('runs on the driver the environment selects, with every migration applied', async () => {
    const handle = await getDatabaseHandle();
    expect(handle.driver).toBe(expected);
    const result = await handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map(
      (row) => row.table_name,
    );
    expect(tables).toEqual([
      'accounts',
      'audit_log',
      'auth_throttles',
      'bookmarks',
      'cohort_due_dates',
      'cohort_members',
      'cohorts',
      'lesson_notes',
      'lesson_progress',
      'notifications',
      'password_reset_tokens',
      'pending_sign_ups',
      'quiz_attempts',
      'review_items',
      'sessions',
      'users',
      'verification_tokens',
    ]);
  });

  it('rolls back every statement of a failed transaction', async () => {
    const handle = await getDatabaseHandle();
    const email = `tx-${Date.now()}@example.test`;
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.execute(
          sql`insert into users (id, name, email) values (${crypto.randomUUID()}, 'Tx', ${email})`,
        );
        // Same e-mail again: the unique constraint fails the second statement.
        await tx.execute(
          sql`insert into users (id, name, email) values (${crypto.randomUUID()}, 'Tx', ${email})`,
        );
      }),
    ).rejects.toThrow();
    const result = await handle.db.execute(
      sql`select count(*)::int as count from users where email = ${email}`,
    );
    expect((result as unknown as { rows: { count: number }[] }).rows[0]?.count).toBe(0);
  });

  it('seeds demo accounts only into the embedded database, once', async () => {
    const handle = await getDatabaseHandle();
    if (handle.driver !== 'pglite') {
      await expect(seedDemoAccounts(handle)).rejects.toThrow(
        /only seeded into the embedded database/,
      );
      return;
    }
    expect(await seedDemoAccounts(handle)).toBe(demoAccounts.length);
    expect(await seedDemoAccounts(handle)).toBe(0);
    for (const account of demoAccounts) {
      await expect(verifyCredentials(account, { ip: '203.0.113.7' })).resolves.toMatchObject({
        email: account.email,
        role: account.role,
      });
    }
  });
});
