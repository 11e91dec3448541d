'use client';

import { useActionState } from 'react';
import { signInAction, type AuthFormState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { FormStatus } from './form-status';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState<AuthFormState, FormData>(signInAction, {
    status: 'idle',
  });
  const fieldErrors = state.status === 'invalid' ? state.fieldErrors : {};
  const values = 'values' in state ? state.values : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={values.email}
        errors={fieldErrors.email}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
