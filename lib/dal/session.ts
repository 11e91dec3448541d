import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { readSession } from '@/lib/auth/current-session';
import { AppError, unauthenticated } from '@/lib/errors';

export interface SessionUser {
  id: string;
}

export interface CurrentUser extends SessionUser {
  role: UserRole;
}

/** Who the session cookie says is signed in (not yet checked against the database). Cached per request. */
export const verifySession = cache(readSession);

/**
 * The signed-in user, confirmed against the database on every call: the account still exists and
 * the session began after sessions_valid_after (a password change ends older sessions). The role
 * is read fresh, never taken from the cookie, so a demotion applies on the next request.
 */
export const requireUser = cache(async (): Promise<CurrentUser> => {
  const session = await verifySession();
  if (!session) throw unauthenticated();
  const role = await getRoleOfCurrentSession(session.id, session.authTime);
  if (!role) throw unauthenticated();
  return { id: session.id, role };
});

/**
 * The account's role when a session for it that began at `authTime` (ms) is still good: the
 * account exists and no password change, reset or deletion has ended its sessions since. Null
 * otherwise. Also used by Auth.js's own session endpoint (lib/auth/index.ts), so /api/auth/session
 * ends exactly the sessions the data access layer refuses.
 */
export async function getRoleOfCurrentSession(
  userId: string,
  authTime: number,
): Promise<UserRole | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || (row.sessionsValidAfter && authTime < row.sessionsValidAfter.getTime())) return null;
  return row.role;
}

/** requireUser, and the role must be one of `roles`. */
export async function requireRole(roles: readonly UserRole[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role))
    throw new AppError('forbidden', 'You do not have access to this page.');
  return user;
}
