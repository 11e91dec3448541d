import 'server-only';
import { desc, eq, ilike, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { auditLog, users, type UserRole } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { changeRoleSchema, userSearchSchema } from '@/lib/validations/admin';
import { requireRole } from './session';

export interface AdminUserRow {
  id: string;
  name: string | null;
  email: string | null;
  role: UserRole;
  createdAt: string;
}

/** Users matching a search on e-mail or name, newest first (admins only). */
export async function searchUsers(input: unknown): Promise<AdminUserRow[]> {
  await requireRole(['admin']);
  const { q } = userSearchSchema.parse(input);
  const db = await getDb();
  const pattern = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(q ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined)
    .orderBy(desc(users.createdAt))
    .limit(50);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/**
 * Changes a user's role and records who did it, in one transaction (admins only). An admin cannot
 * remove their own admin role, so the portal is never left without one by accident.
 */
export async function changeUserRole(
  input: unknown,
  { ip }: { ip: string },
): Promise<{ role: UserRole }> {
  const admin = await requireRole(['admin']);
  const { userId, role } = changeRoleSchema.parse(input);
  if (userId === admin.id && role !== 'admin') {
    throw new AppError('invalid', 'You cannot remove your own admin role. Ask another admin.');
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!before) throw new AppError('not_found', 'There is no such user.');
    if (before.role === role) return { role };
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'role.changed',
      targetId: userId,
      ip,
      details: { from: before.role, to: role },
    });
    return { role };
  });
}

export interface AuditEntryRow {
  id: number;
  action: string;
  actor: string | null;
  target: string | null;
  ip: string | null;
  details: Record<string, string | number | boolean | null> | null;
  createdAt: string;
}

/** The latest audit entries, with actor and target e-mails (admins only). */
export async function listAuditEntries(): Promise<AuditEntryRow[]> {
  await requireRole(['admin']);
  const db = await getDb();
  const actor = alias(users, 'actor');
  const target = alias(users, 'target');
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actor: sql<
        string | null
      >`coalesce(${actor.email}, case when ${auditLog.actorId} is null then null else 'deleted user' end)`,
      target: target.email,
      ip: auditLog.ip,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, eq(target.id, auditLog.targetId))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((row) => ({
    ...row,
    details: row.details ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
