'use client';

import Link from 'next/link';
import { deleteAccountAction, type DeleteAccountFormState } from '@/app/(auth)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { markSessionSummaryStale } from '@/components/layout/session-summary';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import { passwordLength } from '@/lib/validations/password-length';
import { textLimits } from '@/lib/validations/limits';
import type { AccountDeletionCheck } from '@/lib/dal/account';

/**
 * Deleting the account: confirmed with the password, or (an account that signs in only through
 * GitHub) by typing its e-mail address soon after signing in; otherwise a link to sign in again.
 */
export function DeleteAccountForm({ check }: { check: AccountDeletionCheck }) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<DeleteAccountFormState>(
    deleteAccountAction,
    { status: 'idle' },
    { beforeSubmit: markSessionSummaryStale },
  );
  if (check.confirmWith === 'sign-in-again' || state.status === 'sign-in-again') {
    return (
      <p className="text-zinc-700 dark:text-zinc-300" data-testid="delete-sign-in-again">
        Your account has no password, so we ask you to have signed in within the last few minutes.{' '}
        <Link
          href="/sign-in?callbackUrl=%2Faccount"
          className="font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Sign in again to delete your account
        </Link>
        .
      </p>
    );
  }
  const values = valuesOf(state);
  return (
    <form {...formProps} className="space-y-5">
      {check.confirmWith === 'password' ? (
        <FormField
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={passwordLength.max}
          hint="Asked so that nobody else can delete your account from a browser left signed in."
          errors={fieldErrors.password}
        />
      ) : check.email ? (
        <FormField
          label={`Type ${check.email} to confirm`}
          name="confirmEmail"
          type="email"
          autoComplete="off"
          required
          maxLength={textLimits.email}
          defaultValue={values.confirmEmail}
          errors={fieldErrors.confirmEmail}
        />
      ) : null}
      <FormStatus message={message} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
      >
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
