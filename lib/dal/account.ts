import 'server-only';
import { eq, like, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  auditLog,
  cohortMembers,
  cohorts,
  authThrottles,
  bookmarks,
  lessonNotes,
  lessonProgress,
  notifications,
  quizAttempts,
  users,
} from '@/db/schema';
import { AppError } from '@/lib/errors';
import { deleteAccountSchema } from '@/lib/validations/account';
import { requireUser } from './session';

/** Everything Backend Path holds about the signed-in user (GDPR Art. 15 and 20), as plain JSON. */
export async function exportMyData() {
  const user = await requireUser();
  const db = await getDb();
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, user.id));
  if (!profile) throw new AppError('unauthenticated', 'Sign in to do that.');
  const progress = await db
    .select({
      lessonId: lessonProgress.lessonId,
      status: lessonProgress.status,
      startedAt: lessonProgress.startedAt,
      completedAt: lessonProgress.completedAt,
      lastOpenedAt: lessonProgress.lastOpenedAt,
    })
    .from(lessonProgress)
    .where(eq(lessonProgress.userId, user.id))
    .orderBy(lessonProgress.startedAt);
  // Entries about this user, whoever the actor was; other people are shown by role, not identity.
  const audit = await db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      targetId: auditLog.targetId,
      createdAt: auditLog.createdAt,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(or(eq(auditLog.actorId, user.id), eq(auditLog.targetId, user.id)))
    .orderBy(auditLog.createdAt);
  return {
    exportedAt: new Date().toISOString(),
    profile,
    progress,
    quizAttempts: await db
      .select({
        lessonId: quizAttempts.lessonId,
        answers: quizAttempts.answers,
        correct: quizAttempts.correct,
        total: quizAttempts.total,
        createdAt: quizAttempts.createdAt,
      })
      .from(quizAttempts)
      .where(eq(quizAttempts.userId, user.id))
      .orderBy(quizAttempts.createdAt),
    notes: await db
      .select({
        lessonId: lessonNotes.lessonId,
        body: lessonNotes.body,
        updatedAt: lessonNotes.updatedAt,
      })
      .from(lessonNotes)
      .where(eq(lessonNotes.userId, user.id)),
    bookmarks: await db
      .select({ lessonId: bookmarks.lessonId, createdAt: bookmarks.createdAt })
      .from(bookmarks)
      .where(eq(bookmarks.userId, user.id)),
    cohortMemberships: await db
      .select({ cohort: cohorts.name, role: cohortMembers.role, joinedAt: cohortMembers.joinedAt })
      .from(cohortMembers)
      .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
      .where(eq(cohortMembers.userId, user.id)),
    notifications: await db
      .select({
        kind: notifications.kind,
        message: notifications.message,
        cohort: cohorts.name,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .leftJoin(cohorts, eq(cohorts.id, notifications.cohortId))
      .where(eq(notifications.userId, user.id)),
    auditEntries: audit.map((entry) => ({
      action: entry.action,
      createdAt: entry.createdAt,
      details: entry.details,
      byYou: entry.actorId === user.id,
      aboutYou: entry.targetId === user.id,
    })),
  };
}

/**
 * Deletes the signed-in user and everything of theirs in one transaction: progress and linked
 * accounts go with the user row (foreign keys cascade), throttle counters keyed by their e-mail
 * are removed, and audit entries lose the link to them. One audit entry records that an account
 * was deleted, without saying whose.
 */
export async function deleteMyAccount(input: unknown): Promise<void> {
  const user = await requireUser();
  const { confirmEmail } = deleteAccountSchema.parse(input);
  const db = await getDb();
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
  if (!row?.email || row.email !== confirmEmail) {
    throw new AppError('invalid', 'That is not the e-mail address of this account.');
  }
  const email = row.email;
  await db.transaction(async (tx) => {
    await tx
      .delete(authThrottles)
      .where(like(authThrottles.key, `sign-in:${email.replace(/[\\%_]/g, '\\$&')}:%`));
    await tx.delete(users).where(eq(users.id, user.id));
    // No user id, e-mail or IP: the entry must not keep personal data about the deleted person.
    await tx.insert(auditLog).values({ action: 'account.deleted', details: { bySelf: true } });
  });
}
