import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { auth } from '@/lib/auth';
import { AppError, unauthenticated } from '@/lib/errors';

export interface SessionUser {
  id: string;
}

/** The signed-in user of this request, or null. Cached per request. */
export const verifySession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? { id } : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await verifySession();
  if (!user) throw unauthenticated();
  return user;
}

/**
 * The signed-in user with a fresh role from the database (never the role in the session cookie,
 * so a demotion takes effect on the next request). Throws unless the role is one of `roles`.
 */
export async function requireRole(
  roles: readonly UserRole[],
): Promise<SessionUser & { role: UserRole }> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!row) throw unauthenticated();
  if (!roles.includes(row.role))
    throw new AppError('forbidden', 'You do not have access to this page.');
  return { ...user, role: row.role };
}
