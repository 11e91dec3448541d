import 'server-only';
import crypto from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  auditLog,
  cohortDueDates,
  cohortMembers,
  cohorts,
  notifications,
  users,
} from '@/db/schema';
import { now } from '@/lib/clock';
import { parseEnv } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { listLessons, listModules } from '@/lib/content';
import { AppError } from '@/lib/errors';
import {
  cohortDetailsSchema,
  cohortIdSchema,
  cohortScheduleSchema,
  cohortThresholdsSchema,
  joinCohortSchema,
  memberChangeSchema,
  nudgeSchema,
  reassignCohortSchema,
} from '@/lib/validations/cohorts';
import {
  computeCohortDashboard,
  formatInviteCode,
  type CohortDashboard,
  type LearnerRow,
} from './cohort-dashboard';
import { requireRole, requireUser, type CurrentUser } from './session';
import type { UserRole } from '@/db/schema';

export type { Cell, CellState, CohortDashboard, LearnerRow } from './cohort-dashboard';

// No 0/O or 1/I: codes are read aloud and copied by hand.
const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateInviteCode(): string {
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (byte) => codeAlphabet[byte % codeAlphabet.length]).join('');
}

type Access = 'owner' | 'admin' | 'lead' | 'learner';

/** Managing a cohort takes the role that creating one takes, checked on every request. */
export const cohortManagerRoles = ['instructor', 'admin'] as const satisfies readonly UserRole[];
const canManageCohorts = (role: UserRole) =>
  (cohortManagerRoles as readonly UserRole[]).includes(role);

/**
 * The cohort and what the signed-in user may do with it; not found for everyone else. An owner
 * who is no longer an instructor or admin has no rights over it (unless also a member): an admin
 * reassigns such cohorts at /admin/cohorts.
 */
async function getAccess(user: CurrentUser, cohortIdInput: unknown) {
  const cohortId = cohortIdSchema.parse(cohortIdInput);
  const db = await getDb();
  const [cohort] = await db.select().from(cohorts).where(eq(cohorts.id, cohortId));
  if (!cohort) throw new AppError('not_found', 'There is no such cohort.');
  const [membership] = await db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, user.id)));
  const access: Access | null =
    cohort.ownerId === user.id && canManageCohorts(user.role)
      ? 'owner'
      : user.role === 'admin'
        ? 'admin'
        : (membership?.role ?? null);
  return { cohort, access };
}

/** Owner, leads and admins see the dashboard; nobody else learns the cohort exists. */
export async function requireDashboardAccess(cohortId: unknown) {
  const user = await requireUser();
  const { cohort, access } = await getAccess(user, cohortId);
  if (access !== 'owner' && access !== 'admin' && access !== 'lead')
    throw new AppError('not_found', 'There is no such cohort.');
  return { user, cohort, access };
}

const archivedMessage = 'This cohort is archived, so it is read-only. Restore it to change it.';

/** An archived cohort is read-only: nothing about it changes until it is restored. */
function requireNotArchived(cohort: typeof cohorts.$inferSelect) {
  if (cohort.archivedAt) throw new AppError('conflict', archivedMessage);
}

/**
 * Only the owner and admins change a cohort (leads see it but cannot change it), and only while
 * it is not archived (archiving and restoring excepted).
 */
async function requireManageAccess(cohortId: unknown, { evenArchived = false } = {}) {
  const { user, cohort, access } = await requireDashboardAccess(cohortId);
  if (access === 'lead') throw new AppError('forbidden', 'Only the cohort owner can change it.');
  if (!evenArchived) requireNotArchived(cohort);
  return { user, cohort };
}

/** Instructors and admins create cohorts; the code is unique (retried on the rare collision). */
export async function createCohort(input: unknown): Promise<{ id: string }> {
  const user = await requireRole(cohortManagerRoles);
  const { name, startsOn, endsOn } = cohortDetailsSchema.parse(input);
  const db = await getDb();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const [row] = await db
      .insert(cohorts)
      .values({ name, ownerId: user.id, startsOn, endsOn, inviteCode: generateInviteCode() })
      .onConflictDoNothing({ target: cohorts.inviteCode })
      .returning({ id: cohorts.id });
    if (row) return row;
  }
  throw new Error('could not allocate an invite code');
}

export interface CohortListItem {
  id: string;
  name: string;
  access: Access;
  members: number;
  archived: boolean;
}

/** Cohorts the signed-in user owns (while allowed to manage them), leads or belongs to. */
export async function listMyCohorts(): Promise<CohortListItem[]> {
  const user = await requireUser();
  const owns = canManageCohorts(user.role);
  const db = await getDb();
  const rows = await db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      ownerId: cohorts.ownerId,
      archivedAt: cohorts.archivedAt,
      role: sql<
        'learner' | 'lead' | null
      >`(select role from cohort_members m where m.cohort_id = ${cohorts.id} and m.user_id = ${user.id})`,
      members: sql<number>`(select count(*)::int from cohort_members m where m.cohort_id = ${cohorts.id})`,
    })
    .from(cohorts)
    .where(
      or(
        owns ? eq(cohorts.ownerId, user.id) : undefined,
        inArray(
          cohorts.id,
          db
            .select({ id: cohortMembers.cohortId })
            .from(cohortMembers)
            .where(eq(cohortMembers.userId, user.id)),
        ),
      ),
    )
    .orderBy(cohorts.createdAt);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    access: owns && row.ownerId === user.id ? 'owner' : (row.role ?? 'learner'),
    members: row.members,
    archived: row.archivedAt !== null,
  }));
}

/** Joins the cohort with this invite code (idempotent). */
export async function joinCohort(input: unknown): Promise<{ id: string; name: string }> {
  const user = await requireUser();
  const { inviteCode } = joinCohortSchema.parse(input);
  const db = await getDb();
  const [cohort] = await db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      open: cohorts.enrolmentOpen,
      archivedAt: cohorts.archivedAt,
    })
    .from(cohorts)
    .where(eq(cohorts.inviteCode, inviteCode));
  if (!cohort || !cohort.open || cohort.archivedAt)
    throw new AppError(
      'invalid',
      'That invite code does not work. Check it with your cohort lead.',
    );
  await db
    .insert(cohortMembers)
    .values({ cohortId: cohort.id, userId: user.id })
    .onConflictDoNothing();
  return { id: cohort.id, name: cohort.name };
}

/**
 * The cohort behind "You joined …" on /cohorts: its name when the signed-in user is a member of
 * the cohort with this id, and null for anything else (malformed, unknown, someone else's), so the
 * page never shows text from the address.
 */
export async function getJoinedCohort(
  cohortId: unknown,
): Promise<{ id: string; name: string } | null> {
  const user = await requireUser();
  const parsed = cohortIdSchema.safeParse(cohortId);
  if (!parsed.success) return null;
  const db = await getDb();
  const [cohort] = await db
    .select({ id: cohorts.id, name: cohorts.name })
    .from(cohorts)
    .innerJoin(cohortMembers, eq(cohortMembers.cohortId, cohorts.id))
    .where(and(eq(cohorts.id, parsed.data), eq(cohortMembers.userId, user.id)));
  return cohort ?? null;
}

export async function leaveCohort(cohortId: unknown): Promise<void> {
  const user = await requireUser();
  const id = cohortIdSchema.parse(cohortId);
  const db = await getDb();
  await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, id), eq(cohortMembers.userId, user.id)));
}

/** A new invite code; the old one stops working at once. */
export async function regenerateInviteCode(cohortId: unknown): Promise<{ inviteCode: string }> {
  const { cohort } = await requireManageAccess(cohortId);
  const db = await getDb();
  const inviteCode = generateInviteCode();
  await db.update(cohorts).set({ inviteCode }).where(eq(cohorts.id, cohort.id));
  return { inviteCode: formatInviteCode(inviteCode) };
}

export async function setEnrolmentOpen(cohortId: unknown, open: boolean): Promise<void> {
  const { cohort } = await requireManageAccess(cohortId);
  const db = await getDb();
  await db.update(cohorts).set({ enrolmentOpen: open }).where(eq(cohorts.id, cohort.id));
}

export interface CohortDetails {
  name: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** Renames the cohort and sets or clears its dates (owner and admins; not while archived). */
export async function updateCohortDetails(
  cohortId: unknown,
  input: unknown,
): Promise<CohortDetails> {
  const { cohort } = await requireManageAccess(cohortId);
  const { name, startsOn, endsOn } = cohortDetailsSchema.parse(input);
  const details = { name, startsOn: startsOn ?? null, endsOn: endsOn ?? null };
  const db = await getDb();
  await db.update(cohorts).set(details).where(eq(cohorts.id, cohort.id));
  return details;
}

/**
 * Archives the cohort (it becomes read-only: nobody joins, nothing changes, its members keep their
 * history) or restores it (owner and admins). Archiving twice keeps the first date.
 */
export async function setCohortArchived(cohortId: unknown, archived: boolean): Promise<void> {
  const { cohort } = await requireManageAccess(cohortId, { evenArchived: true });
  const db = await getDb();
  await db
    .update(cohorts)
    .set({ archivedAt: archived ? (cohort.archivedAt ?? now()) : null })
    .where(eq(cohorts.id, cohort.id));
}

export async function removeMember(input: unknown): Promise<void> {
  const { cohortId, userId } = memberChangeSchema.parse(input);
  await requireManageAccess(cohortId);
  const db = await getDb();
  await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)));
}

export async function setMemberRole(input: unknown, role: 'learner' | 'lead'): Promise<void> {
  const { cohortId, userId } = memberChangeSchema.parse(input);
  await requireManageAccess(cohortId);
  const db = await getDb();
  const [row] = await db
    .update(cohortMembers)
    .set({ role })
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
    .returning({ userId: cohortMembers.userId });
  if (!row) throw new AppError('not_found', 'That person is not a member of this cohort.');
}

/** The dashboard of a cohort, for its owner, its leads and admins. */
export async function getCohortDashboard(
  cohortId: unknown,
  at: Date = now(),
): Promise<CohortDashboard> {
  const { cohort, access } = await requireDashboardAccess(cohortId);
  return computeCohortDashboard(
    await getDb(),
    cohort,
    access === 'owner' || access === 'admin',
    at,
  );
}

export interface MyCohortView {
  cohort: Pick<
    CohortDashboard['cohort'],
    'id' | 'name' | 'startsOn' | 'endsOn' | 'inactiveDays' | 'failedQuizAttempts' | 'behindLessons'
  >;
  today: string;
  lessons: CohortDashboard['lessons'];
  /** Modules with their due dates (completion is about the whole cohort: not shown here). */
  modules: Omit<CohortDashboard['modules'][number], 'completion'>[];
  /** Exactly the row the cohort's dashboard shows about the signed-in member. */
  me: LearnerRow;
}

async function computeMyCohortView(
  cohort: typeof cohorts.$inferSelect,
  userId: string,
  at: Date,
): Promise<MyCohortView> {
  const db = await getDb();
  const [membership] = await db
    .select({ role: cohortMembers.role })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.userId, userId)));
  if (!membership) throw new AppError('not_found', 'There is no such cohort.');
  const view = await computeCohortDashboard(db, cohort, false, at, { onlyUserId: userId });
  const me = view.learners[0];
  if (!me) throw new AppError('not_found', 'There is no such cohort.');
  return {
    cohort: {
      id: view.cohort.id,
      name: view.cohort.name,
      startsOn: view.cohort.startsOn,
      endsOn: view.cohort.endsOn,
      inactiveDays: view.cohort.inactiveDays,
      failedQuizAttempts: view.cohort.failedQuizAttempts,
      behindLessons: view.cohort.behindLessons,
    },
    today: view.today,
    // Per-lesson quiz averages are about the whole cohort: not shown here.
    lessons: view.lessons.map((lesson) => ({ ...lesson, quizAverage: null })),
    modules: view.modules.map(({ slug, title, dueOn }) => ({ slug, title, dueOn })),
    me,
  };
}

/** "What my cohort leads see": the dashboard's data about the signed-in member, and nothing else. */
export async function getMyCohortView(cohortId: unknown, at: Date = now()): Promise<MyCohortView> {
  const user = await requireUser();
  const { cohort } = await getAccess(user, cohortId);
  return computeMyCohortView(cohort, user.id, at);
}

export type CohortPage =
  | {
      kind: 'dashboard';
      dashboard: CohortDashboard;
      /** When it was archived (then read-only for everyone), or null. */
      archivedAt: string | null;
      /** The owner or an admin: may archive and restore it. */
      canArchive: boolean;
    }
  | { kind: 'member'; view: MyCohortView };

/**
 * The cohort page, from one access check: the dashboard for the owner, leads and admins, the
 * member's own view for a member, and "not found" for everyone else.
 */
export async function getCohortPage(cohortId: unknown, at: Date = now()): Promise<CohortPage> {
  const user = await requireUser();
  const { cohort, access } = await getAccess(user, cohortId);
  if (access === 'owner' || access === 'admin' || access === 'lead') {
    const canArchive = access !== 'lead';
    // An archived cohort shows no controls that change it.
    const canManage = canArchive && !cohort.archivedAt;
    return {
      kind: 'dashboard',
      dashboard: await computeCohortDashboard(await getDb(), cohort, canManage, at),
      archivedAt: cohort.archivedAt?.toISOString() ?? null,
      canArchive,
    };
  }
  if (access === 'learner')
    return { kind: 'member', view: await computeMyCohortView(cohort, user.id, at) };
  throw new AppError('not_found', 'There is no such cohort.');
}

/** The at-risk thresholds (owner and admins). */
export async function updateCohortThresholds(cohortId: unknown, input: unknown): Promise<void> {
  const { cohort } = await requireManageAccess(cohortId);
  const thresholds = cohortThresholdsSchema.parse(input);
  const db = await getDb();
  await db.update(cohorts).set(thresholds).where(eq(cohorts.id, cohort.id));
}

/**
 * Replaces the cohort's schedule (owner and admins). Every unit must be a published module or
 * lesson. The old dates are removed and the new ones written in one transaction, so a failure
 * leaves the previous schedule whole and repeating the call changes nothing.
 */
export async function setCohortSchedule(cohortId: unknown, input: unknown): Promise<void> {
  const { cohort } = await requireManageAccess(cohortId);
  const entries = cohortScheduleSchema.parse(input);
  const known = new Set([
    ...listModules().map((module) => module.slug),
    ...listLessons().map((lesson) => lesson.id),
  ]);
  const unknown = entries.find((entry) => !known.has(entry.unit));
  if (unknown) throw new AppError('invalid', `"${unknown.unit}" is not a module or lesson.`);
  const byUnit = new Map(entries.map((entry) => [entry.unit, entry.dueOn]));
  const db = await getDb();
  await db.transaction(async (tx) => {
    // One schedule edit at a time per cohort: the last one wins whole, never a mix of two.
    await tx
      .select({ id: cohorts.id })
      .from(cohorts)
      .where(eq(cohorts.id, cohort.id))
      .for('update');
    await tx.delete(cohortDueDates).where(eq(cohortDueDates.cohortId, cohort.id));
    if (byUnit.size > 0) {
      await tx
        .insert(cohortDueDates)
        .values([...byUnit].map(([unit, dueOn]) => ({ cohortId: cohort.id, unit, dueOn })));
    }
  });
}

/**
 * A nudge from the cohort's owner, a lead or an admin to one member: an in-app notification on
 * the member's dashboard, and an e-mail when the portal can send e-mail. One per member, cohort
 * and day: sending again that day replaces the message instead of adding another.
 */
export async function sendNudge(input: unknown): Promise<{ emailed: boolean }> {
  const { cohortId, userId, message } = nudgeSchema.parse(input);
  const { user, cohort } = await requireDashboardAccess(cohortId);
  requireNotArchived(cohort);
  const db = await getDb();
  const [recipient] = await db
    .select({ email: users.email, name: users.name })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.userId, userId)));
  if (!recipient) throw new AppError('not_found', 'That person is not a member of this cohort.');
  const dedupeKey = `nudge:${cohort.id}:${userId}:${now().toISOString().slice(0, 10)}`;
  await db
    .insert(notifications)
    .values({ userId, cohortId: cohort.id, senderId: user.id, kind: 'nudge', message, dedupeKey })
    .onConflictDoUpdate({
      target: notifications.dedupeKey,
      set: { message, senderId: user.id, createdAt: sql`now()`, readAt: null },
    });
  if (!parseEnv().SMTP_URL || !recipient.email) return { emailed: false };
  const [sender] = await db.select({ name: users.name }).from(users).where(eq(users.id, user.id));
  await sendMail({
    to: recipient.email,
    subject: `A note from your cohort "${cohort.name}" on Backend Path`,
    text: [
      `Hello${recipient.name ? ` ${recipient.name}` : ''},`,
      '',
      `${sender?.name ?? 'Your cohort lead'} sent you a note:`,
      '',
      message,
      '',
      'You will also find it on your Backend Path dashboard.',
    ].join('\n'),
  });
  return { emailed: true };
}

export interface AdminCohortRow {
  id: string;
  name: string;
  members: number;
  owner: { email: string | null; role: UserRole } | null;
  /** No owner (account deleted), or the owner can no longer manage cohorts. */
  needsOwner: boolean;
}

/** Every cohort with its owner, those that need a new owner first (admins only). */
export async function listCohortsForAdmin(): Promise<AdminCohortRow[]> {
  await requireRole(['admin']);
  const db = await getDb();
  const rows = await db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      ownerEmail: users.email,
      ownerRole: users.role,
      members: sql<number>`(select count(*)::int from cohort_members m where m.cohort_id = ${cohorts.id})`,
    })
    .from(cohorts)
    .leftJoin(users, eq(users.id, cohorts.ownerId))
    .orderBy(cohorts.createdAt);
  return rows
    .map((row) => {
      const owner = row.ownerRole ? { email: row.ownerEmail, role: row.ownerRole } : null;
      return {
        id: row.id,
        name: row.name,
        members: row.members,
        owner,
        needsOwner: !owner || !canManageCohorts(owner.role),
      };
    })
    .sort((a, b) => Number(b.needsOwner) - Number(a.needsOwner));
}

/**
 * Gives a cohort a new owner, who must be an instructor or admin, and records it in the audit
 * log, in one transaction (admins only). The members, their history and the schedule stay.
 */
export async function reassignCohort(
  input: unknown,
  { ip }: { ip: string },
): Promise<{ ownerEmail: string }> {
  const admin = await requireRole(['admin']);
  const { cohortId, ownerEmail } = reassignCohortSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [cohort] = await tx
      .select({ ownerId: cohorts.ownerId })
      .from(cohorts)
      .where(eq(cohorts.id, cohortId))
      .for('update');
    if (!cohort) throw new AppError('not_found', 'There is no such cohort.');
    const [owner] = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, ownerEmail));
    if (!owner) throw new AppError('invalid', `No account uses the e-mail ${ownerEmail}.`);
    if (!canManageCohorts(owner.role))
      throw new AppError(
        'invalid',
        'The new owner must be an instructor or an admin. Change their role first.',
      );
    if (cohort.ownerId === owner.id) return { ownerEmail };
    await tx.update(cohorts).set({ ownerId: owner.id }).where(eq(cohorts.id, cohortId));
    await tx.insert(auditLog).values({
      actorId: admin.id,
      action: 'cohort.reassigned',
      targetId: owner.id,
      ip,
      details: { cohortId, previousOwnerId: cohort.ownerId },
    });
    return { ownerEmail };
  });
}
