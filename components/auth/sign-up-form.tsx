'use client';

import { useActionState } from 'react';
import { signUpAction, type AuthFormState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { FormStatus, SentNotice } from './form-status';
import { NewPasswordField } from './new-password-field';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(signUpAction, {
    status: 'idle',
  });
  if (state.status === 'sent') return <SentNotice message={state.message} />;
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = state.status === 'idle' ? {} : state.values;
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={values.name}
        errors={fieldErrors.name}
      />
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        errors={fieldErrors.email}
      />
      <NewPasswordField
        label="Password"
        name="password"
        hint="At least 8 characters. A long passphrase is easier to remember and harder to guess."
        errors={fieldErrors.password}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
