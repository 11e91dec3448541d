'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { AuthError } from 'next-auth';
import { z, ZodError } from 'zod';
import { errorFields, logger, requestLogger } from '@/lib/log';
import { highlightedFieldsMessage, invalidResult, type FailedResult } from '@/lib/action-result';
import { isMailPrintedToConsole } from '@/lib/mail';
import { AccountProtected, SignInThrottled, signIn, signOut } from '@/lib/auth';
import { issueTrustedDeviceCookie } from '@/lib/auth/trusted-device';
import { getClientIp } from '@/lib/auth/client-ip';
import { listOAuthProviders } from '@/lib/auth/providers';
import { deleteMyAccount, DeletionConfirmationError, FreshSignInRequired } from '@/lib/dal/account';
import { requestPasswordReset, resetPassword } from '@/lib/dal/password-reset';
import {
  confirmSignUp,
  signUpLinkHours,
  signUpNeedsConfirmation,
  startSignUp,
} from '@/lib/dal/sign-up';
import { getPublicBaseUrl } from '@/lib/public-url';
import { changePassword, createUser } from '@/lib/dal/users';
import { AppError } from '@/lib/errors';
import {
  changePasswordSchema,
  confirmSignUpSchema,
  requestResetSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/validations/auth';
import { callbackPathSchema } from '@/lib/validations/navigation';

/**
 * Work that must not change how long the answer takes (looking up an address, sending its
 * e-mail): it runs after the response is sent. Failures are logged; the user was already told
 * to check their inbox.
 */
function deferLogged(failure: string) {
  return (task: () => Promise<void>) =>
    after(() => task().catch((error: unknown) => logger.error(errorFields(error), failure)));
}

/** "We sent you a link", and in local use without SMTP, where to find it. */
function sentMessage(message: string): string {
  return isMailPrintedToConsole()
    ? `${message} This server has no SMTP_URL, so no e-mail leaves it: the message and its link are printed in the server's console.`
    : message;
}

/** Form state: never carries the password back to the browser. */
export type AuthFormState =
  | { status: 'idle' }
  | { status: 'sent'; message: string }
  | (FailedResult & { values: { name?: string; email?: string } });

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** Where a sign-in without a callbackUrl goes: /sign-in sends a signed-in user on by role. */
const signedInLanding = '/sign-in';

const invalidCredentials = 'That e-mail and password do not match an account.';
const throttledMessage =
  'Too many failed sign-in attempts for this account from your network. Wait 15 minutes and try again.';
const accountProtectedMessage =
  'This account has had many failed sign-in attempts from elsewhere, so new sign-ins must wait a little. Try again in a minute, sign in from a browser you have used before, or reset your password.';

/**
 * Signs in, marks this browser as one the account's owner uses (it is then exempt from the
 * per-account slow-down, lib/auth/trusted-device.ts), and redirects. Throws Auth.js's error on
 * failure; Next's redirect on success is rethrown by the callers below.
 */
async function signInWithPassword(email: string, password: string, callbackUrl: string) {
  const location = await signIn('credentials', {
    email,
    password,
    redirectTo: callbackPathSchema.parse(callbackUrl),
    redirect: false,
  });
  const device = issueTrustedDeviceCookie(email.trim().toLowerCase());
  (await cookies()).set(device.name, device.value, device.options);
  redirect(callbackPathSchema.parse(location) as never);
}

export async function signUpAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const input = {
    name: field(formData, 'name'),
    email: field(formData, 'email'),
    password: field(formData, 'password'),
  };
  const values = { name: input.name, email: input.email };
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success)
    return { ...invalidResult(parsed.error, ['name', 'email', 'password']), values };
  const requestHeaders = await headers();
  const ip = getClientIp(requestHeaders);
  try {
    if (signUpNeedsConfirmation()) {
      await startSignUp(parsed.data, {
        ip,
        baseUrl: getPublicBaseUrl(requestHeaders),
        defer: deferLogged('sign-up e-mail failed'),
      });
      // The same answer whether or not the address already has an account.
      return {
        status: 'sent',
        message: sentMessage(
          `Check your inbox: we have sent a message to ${parsed.data.email}. Open its link within ${signUpLinkHours} hours to finish creating your account. If the address already has an account, the message says how to sign in.`,
        ),
      };
    }
    await createUser(parsed.data, { ip });
  } catch (error) {
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message, values };
    (await requestLogger()).error(errorFields(error), 'sign-up failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not create your account. Please try again.',
      values,
    };
  }
  await signInWithPassword(
    parsed.data.email,
    parsed.data.password,
    field(formData, 'callbackUrl') || '/dashboard',
  );
  return { status: 'idle' };
}

export async function signInAction(
  _previous: AuthFormState,
  formData: FormData,
): Promise<AuthFormState> {
  const input = { email: field(formData, 'email'), password: field(formData, 'password') };
  const values = { email: input.email };
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) {
    // Missing fields get field errors; a malformed or over-long value is just "no match".
    const missing = z
      .object({
        email: z.string().min(1, 'Enter your e-mail address.'),
        password: z.string().min(1, 'Enter your password.'),
      })
      .safeParse(input);
    if (!missing.success) return { ...invalidResult(missing.error, ['email', 'password']), values };
    return { status: 'error', code: 'unauthenticated', message: invalidCredentials, values };
  }
  try {
    await signInWithPassword(
      parsed.data.email,
      parsed.data.password,
      field(formData, 'callbackUrl') || signedInLanding,
    );
  } catch (error) {
    const code = error instanceof AuthError ? (error as { code?: string }).code : undefined;
    if (error instanceof SignInThrottled || code === 'rate_limited') {
      return { status: 'error', code: 'rate_limited', message: throttledMessage, values };
    }
    if (error instanceof AccountProtected || code === 'account_protected') {
      return { status: 'error', code: 'rate_limited', message: accountProtectedMessage, values };
    }
    if (error instanceof AuthError) {
      return { status: 'error', code: 'unauthenticated', message: invalidCredentials, values };
    }
    throw error;
  }
  return { status: 'idle' };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** Forms whose only fields are passwords (or hidden): nothing to send back. */
export type PasswordFormState = { status: 'idle' } | FailedResult;

/** Changes the password, ends every other session, and signs this browser in again. */
export async function changePasswordAction(
  _previous: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const input = {
    currentPassword: field(formData, 'currentPassword'),
    newPassword: field(formData, 'newPassword'),
  };
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalidResult(parsed.error, ['currentPassword', 'newPassword']);
  let email: string;
  try {
    ({ email } = await changePassword(parsed.data));
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid') {
      return {
        status: 'invalid',
        message: highlightedFieldsMessage,
        fieldErrors: { currentPassword: [error.message] },
      };
    }
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message };
    (await requestLogger()).error(errorFields(error), 'password change failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not change your password. Please try again.',
    };
  }
  await signIn('credentials', {
    email,
    password: parsed.data.newPassword,
    redirectTo: '/account?password=changed',
  });
  return { status: 'idle' };
}

/** The deletion form's state: typed e-mail kept (never the password); or "sign in again". */
export type DeleteAccountFormState =
  | { status: 'idle' }
  | { status: 'sign-in-again'; message: string }
  | (FailedResult & { values: { confirmEmail: string } });

/**
 * Deletes the account once confirmed (the current password, or for an account without one the
 * e-mail address typed out on a recent sign-in), then signs out.
 */
export async function deleteAccountAction(
  _previous: DeleteAccountFormState,
  formData: FormData,
): Promise<DeleteAccountFormState> {
  const values = { confirmEmail: field(formData, 'confirmEmail') };
  try {
    await deleteMyAccount({
      password: field(formData, 'password'),
      confirmEmail: values.confirmEmail,
    });
  } catch (error) {
    if (error instanceof ZodError)
      return { ...invalidResult(error, ['password', 'confirmEmail']), values };
    if (error instanceof DeletionConfirmationError) {
      return {
        status: 'invalid',
        message: highlightedFieldsMessage,
        fieldErrors: { [error.field]: [error.message] },
        values,
      };
    }
    if (error instanceof FreshSignInRequired) {
      return { status: 'sign-in-again', message: error.message };
    }
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message, values };
    (await requestLogger()).error(errorFields(error), 'account deletion failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not delete your account. Nothing was removed; please try again.',
      values,
    };
  }
  await signOut({ redirectTo: '/account-deleted' });
  return { status: 'idle' };
}

export type ResetRequestState =
  | { status: 'idle' }
  | { status: 'sent'; message: string }
  | (FailedResult & { values: { email: string } });

/** Always answers the same way for known and unknown e-mails (no account enumeration). */
export async function requestPasswordResetAction(
  _previous: ResetRequestState,
  formData: FormData,
): Promise<ResetRequestState> {
  const values = { email: field(formData, 'email') };
  const parsed = requestResetSchema.safeParse(values);
  if (!parsed.success) return { ...invalidResult(parsed.error, ['email']), values };
  try {
    const requestHeaders = await headers();
    await requestPasswordReset(parsed.data, {
      ip: getClientIp(requestHeaders),
      baseUrl: getPublicBaseUrl(requestHeaders),
      defer: deferLogged('password reset e-mail failed'),
    });
  } catch (error) {
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message, values };
    (await requestLogger()).error(errorFields(error), 'password reset request failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not send the e-mail. Please try again.',
      values,
    };
  }
  return {
    status: 'sent',
    message: sentMessage(
      'If an account uses that e-mail address, we have sent it a link to choose a new password. The link works once, for 30 minutes.',
    ),
  };
}

/** Sets the new password from a reset link, ends every other session, and signs this browser in. */
export async function resetPasswordAction(
  _previous: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const parsed = resetPasswordSchema.safeParse({
    token: field(formData, 'token'),
    newPassword: field(formData, 'newPassword'),
  });
  // A broken link (token) is said in the form's status: only the new password is a field.
  if (!parsed.success) return invalidResult(parsed.error, ['newPassword']);
  let email: string;
  try {
    ({ email } = await resetPassword(parsed.data, { ip: getClientIp(await headers()) }));
  } catch (error) {
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message };
    (await requestLogger()).error(errorFields(error), 'password reset failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not reset your password. Please try again.',
    };
  }
  await signIn('credentials', {
    email,
    password: parsed.data.newPassword,
    redirectTo: '/dashboard',
  });
  return { status: 'idle' };
}

/** Starts an OAuth sign-in (only providers this deployment offers). */
export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const provider = field(formData, 'provider');
  if (!listOAuthProviders().some((candidate) => candidate.id === provider)) return;
  await signIn(provider, {
    redirectTo: callbackPathSchema.parse(field(formData, 'callbackUrl') || signedInLanding),
  });
}

/** Finishes a sign-up from its e-mailed link, then sends the learner to sign in. */
export async function confirmSignUpAction(
  _previous: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const parsed = confirmSignUpSchema.safeParse({ token: field(formData, 'token') });
  if (!parsed.success) return invalidResult(parsed.error, []);
  try {
    await confirmSignUp(parsed.data);
  } catch (error) {
    if (error instanceof AppError)
      return { status: 'error', code: error.code, message: error.message };
    (await requestLogger()).error(errorFields(error), 'sign-up confirmation failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'We could not create your account. Please try again.',
    };
  }
  redirect('/sign-in?confirmed=1');
}
