// Demo accounts: in `npm run dev` on the embedded database with the passwords in the README, or in
// production only on request (SEED_DEMO_ACCOUNTS=1) with random passwords printed once. A
// production server refuses to start while any of them still has its published password.
import crypto from 'node:crypto';
import { inArray, isNotNull, and } from 'drizzle-orm';
import { users } from './schema';
import type { DatabaseHandle } from './client';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { demoAccounts } from './demo-accounts';

export { demoAccounts };

export type DemoAccount = (typeof demoAccounts)[number];

/** A password nobody has read in the README: 24 random characters. */
export const randomPassword = () => crypto.randomBytes(18).toString('base64url');

/**
 * Inserts the demo accounts that do not exist yet, each with the password `passwordFor` gives,
 * and returns the ones it created (with their passwords, so they can be shown once).
 */
export async function seedDemoAccounts(
  handle: DatabaseHandle,
  passwordFor: (account: DemoAccount) => string,
): Promise<{ email: string; role: string; password: string }[]> {
  // Hash first (slow, no database), then insert every account in one transaction.
  const rows = await Promise.all(
    demoAccounts.map(async (account) => {
      const password = passwordFor(account);
      return {
        values: {
          name: account.name,
          email: account.email,
          role: account.role,
          passwordHash: await hashPassword(password),
        },
        password,
      };
    }),
  );
  const inserted = await handle.db.transaction((tx) =>
    tx
      .insert(users)
      .values(rows.map((row) => row.values))
      .onConflictDoNothing({ target: users.email })
      .returning({ email: users.email, role: users.role }),
  );
  return inserted.map(({ email, role }) => ({
    email: email ?? '',
    role,
    password: rows.find((row) => row.values.email === email)!.password,
  }));
}

/** E-mails of demo accounts that still accept the password published in the README. */
export async function findAccountsWithDemoPasswords(handle: DatabaseHandle): Promise<string[]> {
  const rows = await handle.db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          demoAccounts.map((account) => account.email),
        ),
        isNotNull(users.passwordHash),
      ),
    );
  const published = new Map<string, string>(
    demoAccounts.map((account) => [account.email, account.password]),
  );
  const found: string[] = [];
  for (const row of rows) {
    const password = row.email ? published.get(row.email) : undefined;
    if (password && row.passwordHash && (await verifyPassword(row.passwordHash, password)))
      found.push(row.email!);
  }
  return found;
}
