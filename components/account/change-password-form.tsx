'use client';

import { useActionState } from 'react';
import { changePasswordAction, type PasswordFormState } from '@/app/(auth)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { NewPasswordField } from '@/components/auth/new-password-field';

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<PasswordFormState, FormData>(
    changePasswordAction,
    {
      status: 'idle',
    },
  );
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.currentPassword}
      />
      <NewPasswordField
        label="New password"
        name="newPassword"
        hint="At least 8 characters. Changing it signs you out on every other device."
        errors={fieldErrors.newPassword}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
