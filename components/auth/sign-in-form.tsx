'use client';

import { signInAction, type AuthFormState } from '@/app/(auth)/actions';
import { markSessionSummaryStale } from '@/components/layout/session-summary';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import { textLimits } from '@/lib/validations/limits';
import { FormStatus } from './form-status';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<AuthFormState>(
    signInAction,
    { status: 'idle' },
    // Signing in redirects: the header reads who is signed in again on the next page.
    { beforeSubmit: markSessionSummaryStale },
  );
  const values = valuesOf(state);
  return (
    <form {...formProps} className="space-y-5">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={textLimits.email}
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
      <FormStatus message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
