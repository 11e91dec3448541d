import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

export const cohortMemberRoles = ['learner', 'lead'] as const;
export const cohortMemberRoleEnum = pgEnum('cohort_member_role', cohortMemberRoles);

// A group of learners followed together by its owner (an instructor or admin) and its leads.
export const cohorts = pgTable(
  'cohorts',
  {
    id: text('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text('name').notNull(),
    // Null once the owner's account is deleted: the cohort and its members' history stay, and an
    // admin gives it a new owner (/admin/cohorts). An owner who is no longer an instructor or
    // admin keeps the column but loses every right over the cohort (lib/dal/cohorts.ts).
    ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    // Learners join with this code; regenerating it makes the old one stop working.
    inviteCode: text('invite_code').notNull().unique(),
    enrolmentOpen: boolean('enrolment_open').notNull().default(true),
    // At-risk thresholds (days without activity; failed attempts at one quiz).
    inactiveDays: integer('inactive_days').notNull().default(7),
    failedQuizAttempts: integer('failed_quiz_attempts').notNull().default(3),
    // Flagged when this many lessons are past their due date and not completed.
    behindLessons: integer('behind_lessons').notNull().default(2),
    // Set when the owner archives the cohort: it is then read-only and listed apart.
    archivedAt: timestamp('archived_at', { mode: 'date', withTimezone: true }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('cohorts_owner_id_idx').on(table.ownerId)],
);

export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: cohortMemberRoleEnum('role').notNull().default('learner'),
    joinedAt: timestamp('joined_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.cohortId, table.userId] }),
    index('cohort_members_user_id_idx').on(table.userId),
  ],
);

// The cohort's optional schedule: a due date per module (unit = module slug) or per lesson
// (unit = lesson id, "module/lesson"). A lesson's own date wins over its module's.
export const cohortDueDates = pgTable(
  'cohort_due_dates',
  {
    cohortId: text('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    unit: text('unit').notNull(),
    dueOn: date('due_on').notNull(),
  },
  (table) => [primaryKey({ columns: [table.cohortId, table.unit] })],
);

// In-app notifications, shown on the learner's dashboard. A nudge is one per cohort, learner and
// day (dedupe_key), so a double click or a second lead on the same day does not pile them up.
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cohortId: text('cohort_id').references(() => cohorts.id, { onDelete: 'cascade' }),
    senderId: text('sender_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { mode: 'date', withTimezone: true }),
  },
  (table) => [index('notifications_user_id_created_at_idx').on(table.userId, table.createdAt)],
);
