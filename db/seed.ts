// Demo accounts for the embedded database only: never run against DATABASE_URL or POSTGRES_URL.
import { users } from './schema';
import type { DatabaseHandle } from './client';
import { hashPassword } from '@/lib/auth/password';

export const demoAccounts = [
  {
    name: 'Demo Learner',
    email: 'learner@example.com',
    password: 'backend-path-learner',
    role: 'learner',
  },
  {
    name: 'Demo Instructor',
    email: 'instructor@example.com',
    password: 'backend-path-instructor',
    role: 'instructor',
  },
] as const;

/** Inserts the demo accounts that do not exist yet; returns how many were created. */
export async function seedDemoAccounts(handle: DatabaseHandle): Promise<number> {
  if (handle.driver !== 'pglite')
    throw new Error('Demo accounts are only seeded into the embedded database.');
  let created = 0;
  for (const account of demoAccounts) {
    const rows = await handle.db
      .insert(users)
      .values({
        name: account.name,
        email: account.email,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    created += rows.length;
  }
  return created;
}
