import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDatabaseHandle } from '@/db/client';
import { getDatabaseConfig, parseEnv } from '@/lib/env';

const expected = getDatabaseConfig(parseEnv()).driver;

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
      'lesson_progress',
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
});
