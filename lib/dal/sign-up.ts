import 'server-only';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pendingSignUps, users } from '@/db/schema';
import { createLinkToken, hashLinkToken } from '@/lib/auth/link-tokens';
import { hashPassword } from '@/lib/auth/password';
import { parseEnv, type Env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { confirmSignUpSchema, signUpSchema } from '@/lib/validations/auth';
import type { Defer } from './password-reset';
import { consumeRateLimit, getSignUpLimit } from './throttle';

export const signUpLinkHours = 24;

/**
 * Whether sign-up waits for an e-mailed link. It does whenever the portal can send e-mail
 * (SMTP_URL): then the form answers the same for a new and a taken address, and only the
 * mailbox's owner learns which it was. Without a mail server (local use and the demo) there is no
 * way to confirm an address, so the account is created at once and a taken address is reported.
 */
export function signUpNeedsConfirmation(env: Env = parseEnv()): boolean {
  return Boolean(env.SMTP_URL);
}

/**
 * Starts a sign-up that an e-mailed link completes. A new address gets the link; an address that
 * already has an account gets a note saying so (with the ways to sign in) instead. The caller is
 * answered after validation and the per-IP limit only; the rest (hashing, the lookup, the e-mail)
 * runs after the response through `defer`, so neither the answer nor its timing tells a new
 * address from a taken one.
 */
export async function startSignUp(
  input: unknown,
  { ip, baseUrl, defer }: { ip: string; baseUrl: string; defer: Defer },
): Promise<void> {
  const parsed = signUpSchema.parse(input);
  await consumeRateLimit('sign-up', ip, getSignUpLimit());
  defer(() => continueSignUp(parsed, baseUrl));
}

async function continueSignUp(
  { name, email, password }: { name: string; email: string; password: string },
  baseUrl: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (existing) {
    await sendMail({
      to: email,
      subject: 'You already have a Backend Path account',
      text: [
        `Hello ${name},`,
        '',
        'Someone, probably you, tried to create a Backend Path account with this e-mail address. It already has an account, so nothing was changed.',
        '',
        `Sign in: ${new URL('/sign-in', baseUrl).toString()}`,
        `Forgot your password? Choose a new one: ${new URL('/forgot-password', baseUrl).toString()}`,
        '',
        'If it was not you, ignore this e-mail.',
      ].join('\n'),
    });
    return;
  }
  const token = createLinkToken();
  const expiresAt = new Date(Date.now() + signUpLinkHours * 3_600_000);
  await db.delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, sql`now()`));
  // One pending sign-up per address: signing up again replaces the earlier link and password.
  await db
    .insert(pendingSignUps)
    .values({ email, name, passwordHash, tokenHash: hashLinkToken(token), expiresAt })
    .onConflictDoUpdate({
      target: pendingSignUps.email,
      set: {
        name,
        passwordHash,
        tokenHash: hashLinkToken(token),
        expiresAt,
        createdAt: sql`now()`,
      },
    });
  await sendMail({
    to: email,
    subject: 'Confirm your Backend Path account',
    text: [
      `Hello ${name},`,
      '',
      `Open this link within ${signUpLinkHours} hours to finish creating your Backend Path account:`,
      '',
      new URL(`/confirm-sign-up?token=${token}`, baseUrl).toString(),
      '',
      'If you did not sign up, ignore this e-mail: no account is created.',
    ].join('\n'),
  });
}

/** Whether a confirmation link can still be used (for the page, before the button is pressed). */
export async function isSignUpTokenUsable(token: string): Promise<boolean> {
  const parsed = confirmSignUpSchema.safeParse({ token });
  if (!parsed.success) return false;
  const db = await getDb();
  const [row] = await db
    .select({ email: pendingSignUps.email })
    .from(pendingSignUps)
    .where(
      and(
        eq(pendingSignUps.tokenHash, hashLinkToken(parsed.data.token)),
        gt(pendingSignUps.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Creates the account from a confirmation link. Claiming the link and creating the user happen in
 * one transaction, so the link works once even when two requests race, and a failure keeps both.
 */
export async function confirmSignUp(input: unknown): Promise<{ email: string }> {
  const { token } = confirmSignUpSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .delete(pendingSignUps)
      .where(
        and(
          eq(pendingSignUps.tokenHash, hashLinkToken(token)),
          gt(pendingSignUps.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!pending) {
      throw new AppError(
        'invalid',
        'This link has expired or was already used. Sign up again to get a new one.',
      );
    }
    const [user] = await tx
      .insert(users)
      .values({ name: pending.name, email: pending.email, passwordHash: pending.passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ email: users.email });
    if (!user?.email) {
      // Only the mailbox's owner can get here, so saying so reveals nothing to anyone else.
      throw new AppError(
        'conflict',
        'This e-mail address already has an account. Sign in, or reset your password if you forgot it.',
      );
    }
    return { email: user.email };
  });
}
