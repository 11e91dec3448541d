// Demo accounts for the embedded database only: never run against DATABASE_URL or POSTGRES_URL.
import { users } from './schema';
import type { DatabaseHandle } from './client';
import { hashPassword } from '@/lib/auth/password';
import { demoAccounts } from './demo-accounts';

export { demoAccounts };

/** Inserts the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(handle: DatabaseHandle): Promise<number> {
  if (handle.driver !== 'pglite')
    throw new Error('Demo accounts are only seeded into the embedded database.');
  // Hash first (slow, no database), then insert every account in one transaction.
  const rows = await Promise.all(
    demoAccounts.map(async ({ name, email, role, password }) => ({
      name,
      email,
      role,
      passwordHash: await hashPassword(password),
    })),
  );
  return handle.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values(rows)
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    return inserted.length;
  });
}
