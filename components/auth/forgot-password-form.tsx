'use client';

import { requestPasswordResetAction, type ResetRequestState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import { textLimits } from '@/lib/validations/limits';
import { FormStatus, SentNotice } from './form-status';

export function ForgotPasswordForm() {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<ResetRequestState>(
    requestPasswordResetAction,
    { status: 'idle' },
  );
  if (state.status === 'sent') return <SentNotice message={state.message} />;
  return (
    <form {...formProps} className="space-y-5">
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={textLimits.email}
        defaultValue={valuesOf(state).email}
        errors={fieldErrors.email}
      />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
