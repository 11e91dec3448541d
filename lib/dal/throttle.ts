import 'server-only';
import { eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { authThrottles } from '@/db/schema';
import { parseEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { plural } from '@/lib/format';

/** Sign-in throttling, kept in Postgres so it holds across instances. */
export const signInLimits = {
  /** Consecutive failures for one e-mail from one IP before that pair is refused... */
  pairFailures: 10,
  /** ...for this long. Other IPs are unaffected, so an attacker cannot lock a user out. */
  lockMinutes: 15,
  /** Failures from one IP in one (UTC) day, across all e-mails. */
  ipFailuresPerDay: 100,
  /**
   * Failures for one account from any address, since its last successful sign-in, before every
   * further attempt has to wait: 1 s, then twice as long after each failure, up to
   * accountMaxDelaySeconds. No number of addresses gets around it; it never locks the owner out
   * for good: the wait is bounded, a browser the owner has signed in from before is exempt
   * (lib/auth/trusted-device.ts), and a password reset clears it.
   */
  accountFailures: 20,
  accountMaxDelaySeconds: 15 * 60,
} as const;

const pairKey = (email: string, ip: string) => `sign-in:${email}:${ip}`;
const accountKey = (email: string) => `sign-in-account:${email}`;
const ipDayKey = (ip: string) => `sign-in-ip:${ip}:${new Date().toISOString().slice(0, 10)}`;

const waitText = (seconds: number) =>
  seconds < 120 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');

export class ThrottledError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: 'pair' | 'ip' | 'account' = 'pair',
  ) {
    super(
      'rate_limited',
      scope === 'account'
        ? `This account has had many failed sign-in attempts, so it is protected for a while. Wait ${waitText(retryAfterSeconds)} and try again, or reset your password.`
        : `Too many failed sign-in attempts. Wait ${waitText(Math.max(60, retryAfterSeconds))} and try again, or reset your password.`,
    );
  }
}

const secondsUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * Throws ThrottledError while this e-mail and IP pair, this IP, or (unless the attempt comes from
 * a browser the owner signed in from before) the account is refused.
 */
export async function assertSignInAllowed(
  email: string,
  ip: string,
  { trustedDevice = false }: { trustedDevice?: boolean } = {},
): Promise<void> {
  const db = await getDb();
  const now = new Date();
  const rows = await db
    .select({
      key: authThrottles.key,
      count: authThrottles.count,
      blockedUntil: authThrottles.blockedUntil,
      expiresAt: authThrottles.expiresAt,
    })
    .from(authThrottles)
    .where(inArray(authThrottles.key, [pairKey(email, ip), ipDayKey(ip), accountKey(email)]));
  const row = (key: string) => rows.find((candidate) => candidate.key === key);
  const pair = row(pairKey(email, ip));
  if (pair?.blockedUntil && pair.blockedUntil > now)
    throw new ThrottledError(secondsUntil(pair.blockedUntil, now), 'pair');
  const ipDay = row(ipDayKey(ip));
  if (ipDay && ipDay.count >= signInLimits.ipFailuresPerDay)
    throw new ThrottledError(secondsUntil(ipDay.expiresAt, now), 'ip');
  const account = row(accountKey(email));
  if (!trustedDevice && account?.blockedUntil && account.blockedUntil > now)
    throw new ThrottledError(secondsUntil(account.blockedUntil, now), 'account');
}

/**
 * Counts a failure for the pair, the account and the IP in single atomic upserts (concurrent
 * failures never lose a count). The tenth consecutive failure blocks the pair and starts its
 * count again; from the account's 20th failure on, each failure makes the next attempt wait.
 */
export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const db = await getDb();
  const { pairFailures, lockMinutes, accountFailures, accountMaxDelaySeconds } = signInLimits;
  await db.transaction(async (tx) => {
    await tx
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
    // The delay doubles from 1 s at the threshold; the exponent is capped so it cannot overflow.
    const delay = (count: SQL) =>
      sql`case when ${count} >= ${accountFailures} then now() + make_interval(secs => least(${accountMaxDelaySeconds}, power(2, least(${count} - ${accountFailures}, 20)))) else null end`;
    await tx
      .insert(authThrottles)
      .values({
        key: accountKey(email),
        count: 1,
        expiresAt: sql`now() + interval '1 day'`,
      })
      .onConflictDoUpdate({
        target: authThrottles.key,
        set: {
          count: sql`${authThrottles.count} + 1`,
          blockedUntil: delay(sql`(${authThrottles.count} + 1)`),
          expiresAt: sql`now() + interval '1 day'`,
          updatedAt: sql`now()`,
        },
      });
    await tx
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
  });
}

/** A successful sign-in forgets the pair's and the account's failures. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  const db = await getDb();
  await db
    .delete(authThrottles)
    .where(inArray(authThrottles.key, [pairKey(email, ip), accountKey(email)]));
}

/**
 * Forgets every failed sign-in of an account, from any address (after a password reset or an
 * operator setting a new password: the owner has proved who they are).
 */
export async function clearSignInFailures(
  tx: Pick<Database, 'delete'>,
  email: string,
): Promise<void> {
  const escaped = email.replace(/[\\%_]/g, '\\$&');
  await tx
    .delete(authThrottles)
    .where(
      or(eq(authThrottles.key, accountKey(email)), like(authThrottles.key, `sign-in:${escaped}:%`)),
    );
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
      `Too many requests from your network. Try again in ${plural(minutes, 'minute')}.`,
    );
  }
}

/** Sign-ups per IP per hour: SIGN_UP_LIMIT_PER_HOUR, by default 20 (an office or classroom shares an address). */
export const getSignUpLimit = () => ({
  limit: parseEnv().SIGN_UP_LIMIT_PER_HOUR,
  windowMinutes: 60,
});
export const resetRequestLimit = { limit: 5, windowMinutes: 60 } as const;
/** Attempts to use reset links per IP: enough for typos, far too few to guess a token. */
export const resetAttemptLimit = { limit: 20, windowMinutes: 60 } as const;

/**
 * Guesses of the signed-in user's current password (changing the password, deleting the account),
 * counted per account so that neither a new IP nor a new session gets more: the session holder
 * may be someone who found a signed-in browser and wants the password itself.
 */
export const passwordCheckLimits = { attempts: 5, windowMinutes: 15 } as const;

export const passwordCheckKey = (userId: string) => `password-check:${userId}`;

/**
 * Counts one use of `key` in a single atomic upsert, so concurrent requests cannot all slip under
 * the limit. The window starts at the first use; one row per key, restarted once it has expired.
 * Returns the count in the window (this use included) and the seconds until the window ends.
 */
async function countInWindow(
  key: string,
  windowSeconds: number,
): Promise<{ count: number; secondsLeft: number }> {
  const db = await getDb();
  const expired = sql`${authThrottles.expiresAt} <= now()`;
  const [row] = await db
    .insert(authThrottles)
    .values({ key, count: 1, expiresAt: sql`now() + make_interval(secs => ${windowSeconds})` })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        count: sql`case when ${expired} then 1 else ${authThrottles.count} + 1 end`,
        expiresAt: sql`case when ${expired} then now() + make_interval(secs => ${windowSeconds}) else ${authThrottles.expiresAt} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ count: authThrottles.count, expiresAt: authThrottles.expiresAt });
  return {
    count: row?.count ?? 1,
    secondsLeft: row ? Math.max(1, Math.ceil((row.expiresAt.getTime() - Date.now()) / 1000)) : 1,
  };
}

/**
 * Counts one check of the current password before it is verified. Past `attempts` in the window,
 * the check is refused until the window ends, even with the right password.
 * Throws AppError('rate_limited') with the minutes to wait.
 */
export async function consumePasswordCheck(userId: string): Promise<void> {
  const { attempts, windowMinutes } = passwordCheckLimits;
  const { count, secondsLeft } = await countInWindow(passwordCheckKey(userId), windowMinutes * 60);
  if (count > attempts) {
    const minutes = Math.ceil(secondsLeft / 60);
    throw new AppError(
      'rate_limited',
      `Too many wrong passwords. Wait ${plural(minutes, 'minute')} and try again. If you have forgotten your password, sign out and use “Forgot your password?”.`,
    );
  }
}

/** The right password forgets the account's earlier wrong guesses. */
export async function clearPasswordChecks(userId: string): Promise<void> {
  const db = await getDb();
  await db.delete(authThrottles).where(eq(authThrottles.key, passwordCheckKey(userId)));
}

/** SQL lab submissions per learner: grading runs their SQL on several databases, so it is paced. */
export const labSubmissionLimit = { submissions: 10, windowSeconds: 60 } as const;

export const labSubmissionKey = (userId: string) => `lab-submit:${userId}`;

/** Counts one lab submission of the user; throws AppError('rate_limited') past the limit. */
export async function consumeLabSubmission(userId: string): Promise<void> {
  const { submissions, windowSeconds } = labSubmissionLimit;
  const { count, secondsLeft } = await countInWindow(labSubmissionKey(userId), windowSeconds);
  if (count > submissions) {
    throw new AppError(
      'rate_limited',
      `You can submit ${submissions} times a minute. Wait ${plural(secondsLeft, 'second')} and submit again; Check tests your SQL in the meantime.`,
    );
  }
}
