import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { auditLog, users, userRoles, type UserRole } from '@/db/schema';
import {
  getDummyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import {
  assertSignInAllowed,
  clearSignInFailures,
  clearPasswordChecks,
  consumePasswordCheck,
  consumeRateLimit,
  recordSignInFailure,
  recordSignInSuccess,
  getSignUpLimit,
} from './throttle';
import {
  changePasswordSchema,
  emailSchema,
  newPasswordSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/validations/auth';
import { requireUser } from './session';

/** What the rest of the app may know about a user: never the password hash. */
export interface UserDto {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
}

const userColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

function toDto(row: {
  id: string;
  name: string | null;
  email: string | null;
  role: UserRole;
}): UserDto {
  return { ...row, email: row.email ?? '' };
}

/**
 * Creates a password account. Throws AppError('conflict') if the e-mail is taken, and
 * AppError('rate_limited') past the sign-up limit for the caller's IP (when one is given).
 */
export async function createUser(input: unknown, { ip }: { ip?: string } = {}): Promise<UserDto> {
  const { name, email, password } = signUpSchema.parse(input);
  if (ip) await consumeRateLimit('sign-up', ip, getSignUpLimit());
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const [row] = await db
    .insert(users)
    .values({ name, email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  if (!row)
    throw new AppError('conflict', 'An account with this e-mail already exists. Sign in instead.');
  return toDto(row);
}

/**
 * The user whose e-mail and password match, or null. An unknown e-mail costs a hash verification
 * too, so both failures take about the same time, and both count towards the throttle for this
 * e-mail and IP. Throws ThrottledError while the pair or the IP is refused, even for the right
 * password.
 */
export async function verifyCredentials(
  input: unknown,
  {
    ip,
    isTrustedDevice = () => false,
  }: { ip: string; isTrustedDevice?: (email: string) => boolean },
): Promise<UserDto | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await assertSignInAllowed(email, ip, { trustedDevice: isTrustedDevice(email) });
  const db = await getDb();
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const valid = row?.passwordHash
    ? await verifyPassword(row.passwordHash, password)
    : await verifyPassword(await getDummyPasswordHash(), password).then(() => false);
  if (!row?.passwordHash || !valid) {
    await recordSignInFailure(email, ip);
    return null;
  }
  await recordSignInSuccess(email, ip);
  if (needsRehash(row.passwordHash)) {
    // Upgrade a hash made with older, weaker parameters now that we hold the password.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, row.id));
  }
  return toDto({ id: row.id, name: row.name, email: row.email, role: row.role });
}

const setRoleSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: z.enum(userRoles),
});

/**
 * For the operator's CLI (scripts/user-role.ts): there is no session there, so the audit entry
 * has no actor and says it came from the command line.
 */
export async function setUserRoleByEmail(input: unknown): Promise<UserDto> {
  const { email, role } = setRoleSchema.parse(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.email, email))
      .for('update');
    if (!before) throw new AppError('not_found', `No user with the e-mail ${email}.`);
    const [row] = await tx
      .update(users)
      .set({ role })
      .where(eq(users.email, email))
      .returning(userColumns);
    if (!row) throw new AppError('not_found', `No user with the e-mail ${email}.`);
    if (before.role !== role) {
      await tx.insert(auditLog).values({
        action: 'role.changed',
        targetId: row.id,
        details: { from: before.role, to: role, via: 'cli' },
      });
    }
    return toDto(row);
  });
}

/**
 * Checks the signed-in user's current password (before a password change or an account deletion),
 * at most passwordCheckLimits.attempts times per window for the account. Returns the account's
 * e-mail. Throws AppError('invalid') for a wrong password or an account without one, and
 * AppError('rate_limited') while the account's checks are refused, even for the right password.
 */
export async function verifyMyPassword(password: string): Promise<{ email: string }> {
  const user = await requireUser();
  await consumePasswordCheck(user.id);
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!row?.email || !row.passwordHash || !(await verifyPassword(row.passwordHash, password))) {
    throw new AppError('invalid', 'Your current password is not correct.');
  }
  await clearPasswordChecks(user.id);
  return { email: row.email };
}

/**
 * Changes the signed-in user's password after checking the current one (throttled per account),
 * and ends every session that began before now (sessions_valid_after). The caller signs the
 * current browser in again.
 */
export async function changePassword(input: unknown): Promise<{ email: string }> {
  const user = await requireUser();
  const { currentPassword, newPassword } = changePasswordSchema.parse(input);
  const { email } = await verifyMyPassword(currentPassword);
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  await db
    .update(users)
    .set({ passwordHash, sessionsValidAfter: new Date() })
    .where(eq(users.id, user.id));
  return { email };
}

const operatorAccountSchema = z.object({
  email: emailSchema,
  role: z.enum(userRoles, { message: `Choose one of: ${userRoles.join(', ')}.` }),
  name: signUpSchema.shape.name.optional(),
  password: newPasswordSchema,
});

/**
 * For the operator's CLI (scripts/user-create.ts), e.g. the first admin of a production install:
 * creates a password account with a role. Refuses an e-mail that already has an account.
 */
export async function createUserAsOperator(input: unknown): Promise<UserDto> {
  const { email, role, name, password } = operatorAccountSchema.parse(input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email, role, name: name ?? null, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning(userColumns);
    if (!row)
      throw new AppError('conflict', `There is already an account with the e-mail ${email}.`);
    await tx.insert(auditLog).values({
      action: 'account.created',
      targetId: row.id,
      details: { role, via: 'cli' },
    });
    return toDto(row);
  });
}

/**
 * For the operator's CLI (scripts/user-password.ts): sets a new password, ends the account's
 * sessions and forgets its failed sign-ins, in one transaction.
 */
export async function setPasswordAsOperator(input: unknown): Promise<UserDto> {
  const { email, password } = operatorAccountSchema
    .pick({ email: true, password: true })
    .parse(input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionsValidAfter: new Date() })
      .where(eq(users.email, email))
      .returning(userColumns);
    if (!row) throw new AppError('not_found', `No user with the e-mail ${email}.`);
    await clearSignInFailures(tx, email);
    await tx.insert(auditLog).values({
      action: 'password.set',
      targetId: row.id,
      details: { via: 'cli' },
    });
    return toDto(row);
  });
}

/** The signed-in user's own profile. */
export async function getCurrentUserProfile(): Promise<UserDto> {
  const user = await requireUser();
  const db = await getDb();
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, user.id)).limit(1);
  if (!row) throw new AppError('unauthenticated', 'Sign in to do that.');
  return toDto(row);
}
