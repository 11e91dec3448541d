'use client';

import { useActionState } from 'react';
import { deleteAccountAction, type PasswordFormState } from '@/app/(auth)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { FormField } from '@/components/ui/form-field';

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, formAction, pending] = useActionState<PasswordFormState, FormData>(
    deleteAccountAction,
    {
      status: 'idle',
    },
  );
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField
        label={`Type ${email} to confirm`}
        name="confirmEmail"
        type="email"
        autoComplete="off"
        required
        errors={fieldErrors.confirmEmail}
      />
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
