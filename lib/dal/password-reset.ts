import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { passwordResetTokens, users } from '@/db/schema';
import { createLinkToken, hashLinkToken as hashToken } from '@/lib/auth/link-tokens';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { requestResetSchema, resetPasswordSchema } from '@/lib/validations/auth';
import { consumeRateLimit, resetRequestLimit } from './throttle';

export const resetLinkMinutes = 30;

/**
 * Starts a password reset. Whatever the e-mail, the caller sees the same outcome, so the form does
 * not reveal who has an account; only an existing account gets a link. Throttled per IP.
 */
export async function requestPasswordReset(
  input: unknown,
  { ip, baseUrl }: { ip: string; baseUrl: string },
): Promise<void> {
  const { email } = requestResetSchema.parse(input);
  await consumeRateLimit('reset', ip, resetRequestLimit);
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

/**
 * Sets a new password from a reset link. The token is claimed with one conditional update, so it
 * works once even when two requests race; the password change and the end of every existing
 * session happen in the same transaction.
 */
export async function resetPassword(input: unknown): Promise<{ email: string }> {
  const { token, newPassword } = resetPasswordSchema.parse(input);
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
    if (!claimed) {
      throw new AppError(
        'invalid',
        'This reset link has expired or was already used. Ask for a new one.',
      );
    }
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionsValidAfter: new Date() })
      .where(eq(users.id, claimed.userId))
      .returning({ email: users.email });
    if (!user?.email)
      throw new AppError(
        'invalid',
        'This reset link has expired or was already used. Ask for a new one.',
      );
    // Any other outstanding links for this account stop working too.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(eq(passwordResetTokens.userId, claimed.userId), isNull(passwordResetTokens.usedAt)),
      );
    return { email: user.email };
  });
}
