import 'server-only';
import { count, eq, inArray, or } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import type * as schema from '@/db/schema';
import {
  accounts,
  auditLog,
  authThrottles,
  bookmarks,
  cohortMembers,
  cohorts,
  labAttempts,
  labDrafts,
  labTaskProgress,
  lessonNotes,
  lessonProgress,
  notifications,
  passwordResetTokens,
  quizAttempts,
  reviewItems,
  sessions,
  users,
} from '@/db/schema';
import { AppError, unauthenticated } from '@/lib/errors';
import { deleteAccountSchema } from '@/lib/validations/account';
import { requireUser, verifySession } from './session';
import { clearSignInFailures, labSubmissionKey, passwordCheckKey } from './throttle';
import { verifyMyPassword } from './users';

/** Everything Backend Path holds about the signed-in user (GDPR Art. 15 and 20), as plain JSON. */
export async function exportMyData() {
  const user = await requireUser();
  const db = await getDb();
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
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
    // Sign-in through another provider (GitHub); the provider's tokens are secrets, not data.
    linkedAccounts: await db
      .select({ provider: accounts.provider, providerAccountId: accounts.providerAccountId })
      .from(accounts)
      .where(eq(accounts.userId, user.id)),
    // Auth.js's database sessions (unused while sessions are JWT cookies, so normally empty).
    sessions: await db
      .select({ expires: sessions.expires })
      .from(sessions)
      .where(eq(sessions.userId, user.id)),
    passwordResetRequests: await db
      .select({
        createdAt: passwordResetTokens.createdAt,
        expiresAt: passwordResetTokens.expiresAt,
        usedAt: passwordResetTokens.usedAt,
      })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id))
      .orderBy(passwordResetTokens.createdAt),
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
    reviewSchedule: await db
      .select({
        lessonId: reviewItems.lessonId,
        questionIndex: reviewItems.questionIndex,
        question: reviewItems.question,
        step: reviewItems.step,
        dueAt: reviewItems.dueAt,
        updatedAt: reviewItems.updatedAt,
      })
      .from(reviewItems)
      .where(eq(reviewItems.userId, user.id))
      .orderBy(reviewItems.dueAt),
    labAttempts: await db
      .select({
        labId: labAttempts.labId,
        taskId: labAttempts.taskId,
        passed: labAttempts.passed,
        failedChecks: labAttempts.failedChecks,
        sql: labAttempts.sql,
        createdAt: labAttempts.createdAt,
      })
      .from(labAttempts)
      .where(eq(labAttempts.userId, user.id))
      .orderBy(labAttempts.createdAt),
    labTasks: await db
      .select({
        labId: labTaskProgress.labId,
        taskId: labTaskProgress.taskId,
        attempts: labTaskProgress.attempts,
        passedAt: labTaskProgress.passedAt,
        lastAttemptAt: labTaskProgress.lastAttemptAt,
      })
      .from(labTaskProgress)
      .where(eq(labTaskProgress.userId, user.id)),
    labDrafts: await db
      .select({
        labId: labDrafts.labId,
        taskId: labDrafts.taskId,
        body: labDrafts.body,
        updatedAt: labDrafts.updatedAt,
      })
      .from(labDrafts)
      .where(eq(labDrafts.userId, user.id)),
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
    cohortsOwned: await db
      .select({
        name: cohorts.name,
        createdAt: cohorts.createdAt,
        members: count(cohortMembers.userId),
      })
      .from(cohorts)
      .leftJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
      .where(eq(cohorts.ownerId, user.id))
      .groupBy(cohorts.id)
      .orderBy(cohorts.createdAt),
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
    // What this user wrote to others (nudges), without saying to whom.
    nudgesSent: await db
      .select({
        kind: notifications.kind,
        message: notifications.message,
        cohort: cohorts.name,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .leftJoin(cohorts, eq(cohorts.id, notifications.cohortId))
      .where(eq(notifications.senderId, user.id)),
    auditEntries: audit.map((entry) => ({
      action: entry.action,
      createdAt: entry.createdAt,
      details: entry.details,
      byYou: entry.actorId === user.id,
      aboutYou: entry.targetId === user.id,
    })),
  };
}

export type MyDataExport = Awaited<ReturnType<typeof exportMyData>>;

type SchemaTableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends PgTable<infer Config>
    ? Config['name']
    : never;
}[keyof typeof schema];

/**
 * Where each column that references users.id appears in the export: table, then column (SQL
 * names), then the export key holding the rows where that column is the user. Several columns of
 * one table may share a key (the export then holds the rows matching any of them). A test reads
 * every foreign key to users from the schema and fails for a column missing here, so a new table
 * with a user reference must be exported (and is checked to be deleted or detached with the user).
 */
export const userReferenceExports = {
  accounts: { user_id: 'linkedAccounts' },
  sessions: { user_id: 'sessions' },
  password_reset_tokens: { user_id: 'passwordResetRequests' },
  lesson_progress: { user_id: 'progress' },
  quiz_attempts: { user_id: 'quizAttempts' },
  review_items: { user_id: 'reviewSchedule' },
  lab_attempts: { user_id: 'labAttempts' },
  lab_task_progress: { user_id: 'labTasks' },
  lab_drafts: { user_id: 'labDrafts' },
  lesson_notes: { user_id: 'notes' },
  bookmarks: { user_id: 'bookmarks' },
  cohorts: { owner_id: 'cohortsOwned' },
  cohort_members: { user_id: 'cohortMemberships' },
  notifications: { user_id: 'notifications', sender_id: 'nudgesSent' },
  audit_log: { actor_id: 'auditEntries', target_id: 'auditEntries' },
} as const satisfies Partial<
  Record<SchemaTableName, Record<string, Exclude<keyof MyDataExport, 'exportedAt' | 'profile'>>>
>;

/** How long after signing in an account without a password may still be deleted. */
export const freshSignInMinutes = 10;

/**
 * How the signed-in user confirms deleting their account: with their password; or, for an account
 * that signs in only through GitHub (no password), by typing its e-mail address within
 * freshSignInMinutes of signing in; or not at all until they sign in again.
 */
export type AccountDeletionCheck =
  | { confirmWith: 'password' }
  | { confirmWith: 'email'; email: string | null }
  | { confirmWith: 'sign-in-again' };

/** Thrown when an account without a password tries to delete itself on an old sign-in. */
export class FreshSignInRequired extends AppError {
  constructor() {
    super(
      'forbidden',
      `To delete your account, sign in again: it must be done within ${freshSignInMinutes} minutes of signing in.`,
    );
  }
}

/** A wrong or missing confirmation, tied to the form field that holds it. */
export class DeletionConfirmationError extends AppError {
  constructor(
    readonly field: 'password' | 'confirmEmail',
    message: string,
  ) {
    super('invalid', message);
  }
}

async function signedInRecently(): Promise<boolean> {
  const session = await verifySession();
  return !!session && Date.now() - session.authTime <= freshSignInMinutes * 60_000;
}

async function readAccount(userId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw unauthenticated();
  return row;
}

/** For the account page: what the deletion form must ask for. */
export async function getAccountDeletionCheck(): Promise<AccountDeletionCheck> {
  const user = await requireUser();
  const account = await readAccount(user.id);
  if (account.passwordHash) return { confirmWith: 'password' };
  return (await signedInRecently())
    ? { confirmWith: 'email', email: account.email }
    : { confirmWith: 'sign-in-again' };
}

/**
 * Deletes the signed-in user and everything of theirs in one transaction, once they have
 * confirmed it (see AccountDeletionCheck; the password is checked with the per-account throttle).
 * Rows that reference the user go with the user row or lose the reference, as each foreign key's
 * ON DELETE says (userReferenceExports lists them); throttle counters about the account are
 * removed; audit entries of their actions keep the action and time but lose the IP address. One
 * audit entry records that an account was deleted, without saying whose.
 */
export async function deleteMyAccount(input: unknown): Promise<void> {
  const user = await requireUser();
  const { password, confirmEmail } = deleteAccountSchema.parse(input);
  const account = await readAccount(user.id);
  if (account.passwordHash) {
    if (!password) {
      throw new DeletionConfirmationError('password', 'Enter your password to confirm.');
    }
    try {
      await verifyMyPassword(password);
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid') {
        throw new DeletionConfirmationError('password', error.message);
      }
      throw error;
    }
  } else {
    if (!(await signedInRecently())) throw new FreshSignInRequired();
    if (account.email && account.email !== confirmEmail) {
      throw new DeletionConfirmationError(
        'confirmEmail',
        'That is not the e-mail address of this account.',
      );
    }
  }
  const email = account.email;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .delete(authThrottles)
      .where(inArray(authThrottles.key, [passwordCheckKey(user.id), labSubmissionKey(user.id)]));
    // The counters keyed by the e-mail: per address and per account.
    if (email) await clearSignInFailures(tx, email);
    // Before the user row goes (which sets actor_id to null, and then they cannot be found):
    // what they did stays on record, where they did it from does not.
    await tx.update(auditLog).set({ ip: null }).where(eq(auditLog.actorId, user.id));
    await tx.delete(users).where(eq(users.id, user.id));
    // No user id, e-mail or IP: the entry must not keep personal data about the deleted person.
    await tx.insert(auditLog).values({ action: 'account.deleted', details: { bySelf: true } });
  });
}
