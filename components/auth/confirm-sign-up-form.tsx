'use client';

import { useActionState } from 'react';
import { confirmSignUpAction, type PasswordFormState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormStatus } from './form-status';

// A button, not an automatic action on page load: mail scanners open links, and opening a link
// must not create an account.
export function ConfirmSignUpForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<PasswordFormState, FormData>(
    confirmSignUpAction,
    { status: 'idle' },
  );
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <FormStatus
        message={state.status === 'error' || state.status === 'invalid' ? state.message : undefined}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create my account'}
      </Button>
    </form>
  );
}
