import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { passwordResetTokens, users } from '@/db/schema';
import { createLinkToken, hashLinkToken as hashToken } from '@/lib/auth/link-tokens';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { requestResetSchema, resetPasswordSchema } from '@/lib/validations/auth';
import {
  clearSignInFailures,
  consumeRateLimit,
  resetAttemptLimit,
  resetRequestLimit,
} from './throttle';

export const resetLinkMinutes = 30;

/** Runs work after the response has been sent (Next.js's after() in actions; tests pass their own). */
export type Defer = (task: () => Promise<void>) => void;

/**
 * Starts a password reset. Whatever the e-mail, the caller gets the same answer at the same
 * moment: only validation and the per-IP limit happen before it; looking the address up, storing
 * a token and sending the e-mail (tens of milliseconds with SMTP, and only for a known address)
 * happen after the response, through `defer`. Only an existing account gets a link.
 */
export async function requestPasswordReset(
  input: unknown,
  { ip, baseUrl, defer }: { ip: string; baseUrl: string; defer: Defer },
): Promise<void> {
  const { email } = requestResetSchema.parse(input);
  await consumeRateLimit('reset', ip, resetRequestLimit);
  defer(() => sendResetLink(email, baseUrl));
}

async function sendResetLink(email: string, baseUrl: string): Promise<void> {
  const db = await getDb();
  const [user] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!user) return;
  const token = createLinkToken();
  await db.insert(passwordResetTokens).values({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + resetLinkMinutes * 60_000),
  });
  const link = new URL(`/reset-password?token=${token}`, baseUrl).toString();
  await sendMail({
    to: email,
    subject: 'Reset your Backend Path password',
    text: [
      `Hello${user.name ? ` ${user.name}` : ''},`,
      '',
      `Someone asked to reset the password of your Backend Path account. If it was you, open this link within ${resetLinkMinutes} minutes:`,
      '',
      link,
      '',
      'The link works once. If you did not ask for it, ignore this e-mail: your password stays as it is.',
    ].join('\n'),
  });
}

/** Whether a reset link can still be used (for the page, before the learner types a password). */
export async function isResetTokenUsable(token: string): Promise<boolean> {
  if (token.length < 20 || token.length > 200) return false;
  const db = await getDb();
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return Boolean(row);
}

const expiredMessage = 'This reset link has expired or was already used. Ask for a new one.';

/**
 * Sets a new password from a reset link. Limited per IP, and the token is checked before the
 * password is hashed, so guessing tokens costs the server a query, not a hash. The token is then
 * claimed with one conditional update, so it works once even when two requests race; the
 * password change, the end of every existing session and of the account's sign-in slow-down
 * happen in the same transaction.
 */
export async function resetPassword(
  input: unknown,
  { ip }: { ip: string },
): Promise<{ email: string }> {
  const { token, newPassword } = resetPasswordSchema.parse(input);
  await consumeRateLimit('reset-password', ip, resetAttemptLimit);
  if (!(await isResetTokenUsable(token))) throw new AppError('invalid', expiredMessage);
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) throw new AppError('invalid', expiredMessage);
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionsValidAfter: new Date() })
      .where(eq(users.id, claimed.userId))
      .returning({ email: users.email });
    if (!user?.email) throw new AppError('invalid', expiredMessage);
    // Any other outstanding links for this account stop working too.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)),
      );
    // The owner has proved who they are: forget the failed sign-ins from anywhere.
    await clearSignInFailures(tx, user.email);
    return { email: user.email };
  });
}
