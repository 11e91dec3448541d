import {
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
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    // Learners join with this code; regenerating it makes the old one stop working.
    inviteCode: text('invite_code').notNull().unique(),
    enrolmentOpen: boolean('enrolment_open').notNull().default(true),
    // At-risk thresholds (days without activity; failed attempts at one quiz).
    inactiveDays: integer('inactive_days').notNull().default(7),
    failedQuizAttempts: integer('failed_quiz_attempts').notNull().default(3),
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
