'use client';

import { changePasswordAction, type PasswordFormState } from '@/app/(auth)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { NewPasswordField } from '@/components/auth/new-password-field';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction } from '@/components/ui/form-field';
import { passwordLength } from '@/lib/validations/password-length';

// Neither password is sent back: the form is not reset after a refusal, so each keeps what was
// typed unless it was the one refused (useFormAction clears that one).
export function ChangePasswordForm() {
  const { pending, fieldErrors, message, formProps } = useFormAction<PasswordFormState>(
    changePasswordAction,
    { status: 'idle' },
  );
  return (
    <form {...formProps} className="space-y-5">
      <FormField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        maxLength={passwordLength.max}
        errors={fieldErrors.currentPassword}
      />
      <NewPasswordField
        label="New password"
        name="newPassword"
        hint="At least 8 characters. Changing it signs you out on every other device."
        errors={fieldErrors.newPassword}
      />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
