import {
  bigint,
  boolean,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/** A check that failed on the server, as the learner was told (never a hidden dataset's values). */
export interface FailedLabCheck {
  /** Position of the check in the task's `checks` list. */
  index: number;
  kind: string;
  message: string;
}

// Every SQL lab submission graded on the server. The client names each submission (a random id),
// so a retried or doubled request is recorded once: (user_id, submission_id) is unique.
export const labAttempts = pgTable(
  'lab_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    submissionId: text('submission_id').notNull(),
    labId: text('lab_id').notNull(),
    taskId: text('task_id').notNull(),
    passed: boolean('passed').notNull(),
    failedChecks: jsonb('failed_checks').$type<FailedLabCheck[]>().notNull(),
    sql: text('sql').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  // The unique key's index also serves reading, exporting and deleting a user's attempts.
  (table) => [unique('lab_attempts_user_submission_key').on(table.userId, table.submissionId)],
);

// The best state of each task a learner has submitted: once passed, it stays passed (passed_at is
// only ever set from null). One row per user, lab and task, updated with each recorded attempt.
export const labTaskProgress = pgTable(
  'lab_task_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    labId: text('lab_id').notNull(),
    taskId: text('task_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    passedAt: timestamp('passed_at', { mode: 'date', withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { mode: 'date', withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.labId, table.taskId] })],
);

// The learner's editor text per task, saved as they type (as notes are), so it follows them
// across devices and survives a failed submission.
export const labDrafts = pgTable(
  'lab_drafts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    labId: text('lab_id').notNull(),
    taskId: text('task_id').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.labId, table.taskId] })],
);

export type LabAttempt = typeof labAttempts.$inferSelect;
export type LabTaskProgress = typeof labTaskProgress.$inferSelect;
