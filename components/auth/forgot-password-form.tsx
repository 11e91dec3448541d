'use client';

import { useActionState } from 'react';
import { requestPasswordResetAction, type ResetRequestState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { FormStatus, SentNotice } from './form-status';

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState<ResetRequestState, FormData>(
    requestPasswordResetAction,
    {
      status: 'idle',
    },
  );
  if (state.status === 'sent') return <SentNotice message={state.message} />;
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        errors={fieldErrors.email}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : 'Send reset link'}
      </Button>
    </form>
  );
}
