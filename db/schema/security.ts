import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

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

// Who did what to whom, for admins and for the people it concerns. Personal data stays out of
// `details`; when an account is deleted its rows keep the action and time, not the person.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetId: text('target_id').references(() => users.id, { onDelete: 'set null' }),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, string | number | boolean | null>>(),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_log_actor_id_idx').on(table.actorId),
    index('audit_log_target_id_idx').on(table.targetId),
  ],
);

// Password reset links: only a SHA-256 hash of the token is stored, so a database leak does not
// leak working links. Single use (used_at) and valid for 30 minutes (expires_at).
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { mode: 'date', withTimezone: true }),
    createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('password_reset_tokens_user_id_idx').on(table.userId)],
);

// Sign-ups waiting for their e-mail link (when the portal can send e-mail). The account is only
// created once the link is used, so the sign-up form never reveals whether an address is taken.
// One row per address: a second sign-up replaces the first. Only the token's hash is stored.
export const pendingSignUps = pgTable('pending_sign_ups', {
  email: text('email').primaryKey(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { mode: 'date', withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { mode: 'date', withTimezone: true }).notNull().defaultNow(),
});
