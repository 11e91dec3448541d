import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { cohorts, notifications, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { requireUser } from './session';

export interface NotificationItem {
  id: number;
  kind: string;
  message: string;
  cohortName: string | null;
  senderName: string | null;
  createdAt: string;
}

/** The signed-in user's unread notifications, newest first (nudges from cohort leads). */
export async function listMyNotifications(limit = 20): Promise<NotificationItem[]> {
  const user = await requireUser();
  const db = await getDb();
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      cohortName: cohorts.name,
      senderName: users.name,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(cohorts, eq(cohorts.id, notifications.cohortId))
    .leftJoin(users, eq(users.id, notifications.senderId))
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Marks one of the signed-in user's own notifications as read (idempotent). */
export async function dismissNotification(idInput: unknown): Promise<void> {
  const user = await requireUser();
  const id = z.number().int().positive().parse(idInput);
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)))
    .returning({ id: notifications.id });
  if (!row) throw new AppError('not_found', 'There is no such notification.');
}
