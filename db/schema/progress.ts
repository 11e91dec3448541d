import { index, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const progressStatuses = ['started', 'completed'] as const;
export const progressStatusEnum = pgEnum('progress_status', progressStatuses);

// One row per user and lesson: the composite primary key is the unique constraint that makes
// repeated and concurrent writes collapse into a single row (writes are upserts).
export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // "<module>/<lesson>", checked against the content index before every write.
    lessonId: text('lesson_id').notNull(),
    status: progressStatusEnum('status').notNull().default('started'),
    startedAt: timestamp('started_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { mode: 'date', withTimezone: true }),
    // The lesson's content hash when it was completed: if the lesson changes later, the learner
    // sees an "Updated" badge until they complete it again.
    completedContentHash: text('completed_content_hash'),
    lastOpenedAt: timestamp('last_opened_at', { mode: 'date', withTimezone: true })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.lessonId] }),
    index('lesson_progress_lesson_id_idx').on(table.lessonId),
  ],
);

export type LessonProgress = typeof lessonProgress.$inferSelect;
export type ProgressStatus = (typeof progressStatuses)[number];
