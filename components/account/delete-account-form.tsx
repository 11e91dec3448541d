'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { deleteAccountAction, type DeleteAccountFormState } from '@/app/(auth)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { FormField } from '@/components/ui/form-field';
import type { AccountDeletionCheck } from '@/lib/dal/account';

/**
 * Deleting the account: confirmed with the password, or (an account that signs in only through
 * GitHub) by typing its e-mail address soon after signing in; otherwise a link to sign in again.
 */
export function DeleteAccountForm({ check }: { check: AccountDeletionCheck }) {
  const [state, formAction, pending] = useActionState<DeleteAccountFormState, FormData>(
    deleteAccountAction,
    { status: 'idle' },
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
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = 'values' in state ? state.values : { confirmEmail: '' };
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {check.confirmWith === 'password' ? (
        <FormField
          label="Your password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
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
          defaultValue={values.confirmEmail}
          errors={fieldErrors.confirmEmail}
        />
      ) : null}
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
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
