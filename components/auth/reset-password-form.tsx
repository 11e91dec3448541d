'use client';

import { resetPasswordAction, type PasswordFormState } from '@/app/(auth)/actions';
import { markSessionSummaryStale } from '@/components/layout/session-summary';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/form-field';
import { FormStatus } from './form-status';
import { NewPasswordField } from './new-password-field';

export function ResetPasswordForm({ token }: { token: string }) {
  const { pending, fieldErrors, message, formProps } = useFormAction<PasswordFormState>(
    resetPasswordAction,
    { status: 'idle' },
    // A reset signs this browser in and redirects.
    { beforeSubmit: markSessionSummaryStale },
  );
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <NewPasswordField
        label="New password"
        name="newPassword"
        hint="At least 8 characters. Every device signed in to your account will be signed out."
        errors={fieldErrors.newPassword}
      />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Reset password'}
      </Button>
    </form>
  );
}
