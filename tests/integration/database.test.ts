import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabaseHandle } from '@/db/client';
import { users } from '@/db/schema';
import {
  demoAccounts,
  findAccountsWithDemoPasswords,
  randomPassword,
  seedDemoAccounts,
} from '@/db/seed';
import { setPasswordAsOperator, verifyCredentials } from '@/lib/dal/users';
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
      'lab_attempts',
      'lab_drafts',
      'lab_task_progress',
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

  it('seeds demo accounts once, and finds the ones that still have the published password', async () => {
    const handle = await getDatabaseHandle();
    const created = await seedDemoAccounts(handle, (account) => account.password);
    expect(created.map((account) => account.email).sort()).toEqual(
      demoAccounts.map((account) => account.email).sort(),
    );
    expect(await seedDemoAccounts(handle, randomPassword)).toEqual([]);
    for (const account of demoAccounts) {
      await expect(verifyCredentials(account, { ip: '203.0.113.7' })).resolves.toMatchObject({
        email: account.email,
        role: account.role,
      });
    }
    expect((await findAccountsWithDemoPasswords(handle)).sort()).toEqual(
      demoAccounts.map((account) => account.email).sort(),
    );
    const [first, ...others] = demoAccounts;
    await setPasswordAsOperator({ email: first.email, password: 'a private passphrase 42' });
    expect((await findAccountsWithDemoPasswords(handle)).sort()).toEqual(
      others.map((account) => account.email).sort(),
    );
    await handle.db.delete(users).where(
      inArray(
        users.email,
        demoAccounts.map((account) => account.email),
      ),
    );
  });

  it('creates accounts with random passwords for SEED_DEMO_ACCOUNTS, never the published ones', async () => {
    const handle = await getDatabaseHandle();
    const created = await seedDemoAccounts(handle, randomPassword);
    expect(created).toHaveLength(demoAccounts.length);
    for (const account of created) {
      expect(account.password).toMatch(/^[\w-]{24}$/);
      expect(demoAccounts.map((demo) => demo.password)).not.toContain(account.password);
    }
    expect(await findAccountsWithDemoPasswords(handle)).toEqual([]);
    await handle.db.delete(users).where(
      inArray(
        users.email,
        demoAccounts.map((account) => account.email),
      ),
    );
  });
});
