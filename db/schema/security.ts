import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

// Counters for throttling sign-in, sign-up and reset requests. They live in Postgres, not in
// process memory, so every instance of the portal sees the same counts.
export const authThrottles = pgTable('auth_throttles', {
  // e.g. "sign-in:<email>:<ip>" or "sign-in-ip:<ip>:<yyyy-mm-dd>"
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  blockedUntil: timestamp('blocked_until', { mode: 'date', withTimezone: true }),
  // After this the row means nothing and may be deleted.
  expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
});
