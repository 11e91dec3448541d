'use client';

import { useActionState } from 'react';
import { resetPasswordAction, type PasswordFormState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormStatus } from './form-status';
import { NewPasswordField } from './new-password-field';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<PasswordFormState, FormData>(
    resetPasswordAction,
    {
      status: 'idle',
    },
  );
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="token" value={token} />
      <NewPasswordField
        label="New password"
        name="newPassword"
        hint="At least 8 characters. Every device signed in to your account will be signed out."
        errors={fieldErrors.newPassword ?? fieldErrors.token}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Reset password'}
      </Button>
    </form>
  );
}
