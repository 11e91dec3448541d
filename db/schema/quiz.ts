import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

// Every graded quiz attempt: the chosen answer of each question (by index into its choices), and
// the score. The best attempt is shown on the lesson; a passing one completes the lesson.
export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    // The chosen choice ids (lib/content/quiz.ts). Attempts made before choices had ids are
    // converted by a data step after the SQL migrations (db/data-migrations): null where the quiz
    // has changed since, so their positions no longer name a choice.
    answers: jsonb('answers').$type<(string | null)[]>().notNull(),
    correct: integer('correct').notNull(),
    total: integer('total').notNull(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('quiz_attempts_user_lesson_idx').on(table.userId, table.lessonId)],
);

// Spaced repetition: a quiz question the learner got wrong comes back after 1 day; each right
// answer moves it to the next interval (1, 3, 7, 14, 30 days), a wrong one back to the first.
export const reviewItems = pgTable(
  'review_items',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lessonId: text('lesson_id').notNull(),
    questionIndex: integer('question_index').notNull(),
    // The question as it was asked: if the lesson's quiz changes, the item is dropped.
    question: text('question').notNull(),
    step: integer('step').notNull().default(0),
    dueAt: timestamp('due_at', { mode: 'date', withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.lessonId, table.questionIndex] }),
    index('review_items_due_idx').on(table.userId, table.dueAt),
  ],
);
