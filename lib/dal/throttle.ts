import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { authThrottles } from '@/db/schema';
import { parseEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** Sign-in throttling, kept in Postgres so it holds across instances. */
export const signInLimits = {
  /** Consecutive failures for one e-mail from one IP before that pair is refused... */
  pairFailures: 10,
  /** ...for this long. Other IPs are unaffected, so an attacker cannot lock a user out. */
  lockMinutes: 15,
  /** Failures from one IP in one (UTC) day, across all e-mails. */
  ipFailuresPerDay: 100,
} as const;

const pairKey = (email: string, ip: string) => `sign-in:${email}:${ip}`;
const ipDayKey = (ip: string) => `sign-in-ip:${ip}:${new Date().toISOString().slice(0, 10)}`;

export class ThrottledError extends AppError {
  constructor(readonly retryAfterMinutes: number) {
    super(
      'rate_limited',
      `Too many failed sign-in attempts. Wait ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? '' : 's'} and try again, or reset your password.`,
    );
  }
}

/** Throws ThrottledError while this e-mail and IP pair, or this IP, is refused. */
export async function assertSignInAllowed(email: string, ip: string): Promise<void> {
  const db = await getDb();
  const now = new Date();
  const [pair] = await db
    .select({ blockedUntil: authThrottles.blockedUntil })
    .from(authThrottles)
    .where(and(eq(authThrottles.key, pairKey(email, ip)), gt(authThrottles.blockedUntil, now)))
    .limit(1);
  if (pair?.blockedUntil) {
    throw new ThrottledError(
      Math.max(1, Math.ceil((pair.blockedUntil.getTime() - now.getTime()) / 60_000)),
    );
  }
  const [ipDay] = await db
    .select({ count: authThrottles.count, expiresAt: authThrottles.expiresAt })
    .from(authThrottles)
    .where(eq(authThrottles.key, ipDayKey(ip)))
    .limit(1);
  if (ipDay && ipDay.count >= signInLimits.ipFailuresPerDay) {
    throw new ThrottledError(
      Math.max(1, Math.ceil((ipDay.expiresAt.getTime() - now.getTime()) / 60_000)),
    );
  }
}

/**
 * Counts a failure for the pair and the IP in single atomic upserts (concurrent failures never
 * lose a count). The tenth consecutive failure blocks the pair and starts its count again.
 */
export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const db = await getDb();
  const { pairFailures, lockMinutes } = signInLimits;
  await db
    .insert(authThrottles)
    .values({ key: pairKey(email, ip), count: 1, expiresAt: sql`now() + interval '1 day'` })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        count: sql`case when ${authThrottles.count} + 1 >= ${pairFailures} then 0 else ${authThrottles.count} + 1 end`,
        blockedUntil: sql`case when ${authThrottles.count} + 1 >= ${pairFailures} then now() + make_interval(mins => ${lockMinutes}) else ${authThrottles.blockedUntil} end`,
        expiresAt: sql`now() + interval '1 day'`,
        updatedAt: sql`now()`,
      },
    });
  await db
    .insert(authThrottles)
    .values({
      key: ipDayKey(ip),
      count: 1,
      expiresAt: sql`date_trunc('day', now() at time zone 'utc') at time zone 'utc' + interval '1 day'`,
    })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: { count: sql`${authThrottles.count} + 1`, updatedAt: sql`now()` },
    });
}

/** A successful sign-in forgets the pair's failures. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  const db = await getDb();
  await db.delete(authThrottles).where(eq(authThrottles.key, pairKey(email, ip)));
}

/**
 * A fixed-window counter per key (e.g. sign-ups per IP per hour), counted atomically in Postgres.
 * Throws AppError('rate_limited') once the window's limit is exceeded.
 */
export async function consumeRateLimit(
  name: string,
  subject: string,
  { limit, windowMinutes }: { limit: number; windowMinutes: number },
): Promise<void> {
  const db = await getDb();
  const windowMs = windowMinutes * 60_000;
  const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
  const [row] = await db
    .insert(authThrottles)
    .values({
      key: `${name}:${subject}:${windowStart}`,
      count: 1,
      expiresAt: new Date(windowStart + windowMs),
    })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: { count: sql`${authThrottles.count} + 1`, updatedAt: sql`now()` },
    })
    .returning({ count: authThrottles.count });
  if (row && row.count > limit) {
    const minutes = Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 60_000));
    throw new AppError(
      'rate_limited',
      `Too many requests from your network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
}

/** Sign-ups per IP per hour: SIGN_UP_LIMIT_PER_HOUR, by default 20 (an office or classroom shares an address). */
export const getSignUpLimit = () => ({
  limit: parseEnv().SIGN_UP_LIMIT_PER_HOUR,
  windowMinutes: 60,
});
export const resetRequestLimit = { limit: 5, windowMinutes: 60 } as const;

/**
 * Guesses of the signed-in user's current password (changing the password, deleting the account),
 * counted per account so that neither a new IP nor a new session gets more: the session holder
 * may be someone who found a signed-in browser and wants the password itself.
 */
export const passwordCheckLimits = { attempts: 5, windowMinutes: 15 } as const;

export const passwordCheckKey = (userId: string) => `password-check:${userId}`;

/**
 * Counts one check of the current password before it is verified, in a single atomic upsert, so
 * concurrent requests cannot all slip under the limit. The window starts at the first attempt;
 * past `attempts` in it, the check is refused until the window ends, even with the right password.
 * Throws AppError('rate_limited') with the minutes to wait.
 */
export async function consumePasswordCheck(userId: string): Promise<void> {
  const db = await getDb();
  const { attempts, windowMinutes } = passwordCheckLimits;
  const expired = sql`${authThrottles.expiresAt} <= now()`;
  const [row] = await db
    .insert(authThrottles)
    .values({
      key: passwordCheckKey(userId),
      count: 1,
      expiresAt: sql`now() + make_interval(mins => ${windowMinutes})`,
    })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        count: sql`case when ${expired} then 1 else ${authThrottles.count} + 1 end`,
        expiresAt: sql`case when ${expired} then now() + make_interval(mins => ${windowMinutes}) else ${authThrottles.expiresAt} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ count: authThrottles.count, expiresAt: authThrottles.expiresAt });
  if (row && row.count > attempts) {
    const minutes = Math.max(1, Math.ceil((row.expiresAt.getTime() - Date.now()) / 60_000));
    throw new AppError(
      'rate_limited',
      `Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again. If you have forgotten your password, sign out and use “Forgot your password?”.`,
    );
  }
}

/** The right password forgets the account's earlier wrong guesses. */
export async function clearPasswordChecks(userId: string): Promise<void> {
  const db = await getDb();
  await db.delete(authThrottles).where(eq(authThrottles.key, passwordCheckKey(userId)));
}
