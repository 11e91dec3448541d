'use client';

import { signUpAction, type AuthFormState } from '@/app/(auth)/actions';
import { markSessionSummaryStale } from '@/components/layout/session-summary';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import { textLimits } from '@/lib/validations/limits';
import { FormStatus, SentNotice } from './form-status';
import { NewPasswordField } from './new-password-field';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<AuthFormState>(
    signUpAction,
    { status: 'idle' },
    // Signing in redirects: the header reads who is signed in again on the next page.
    { beforeSubmit: markSessionSummaryStale },
  );
  if (state.status === 'sent') return <SentNotice message={state.message} />;
  const values = valuesOf(state);
  return (
    <form {...formProps} className="space-y-5">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={textLimits.personName}
        defaultValue={values.name}
        errors={fieldErrors.name}
      />
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
      <NewPasswordField
        label="Password"
        name="password"
        hint="At least 8 characters. A long passphrase is easier to remember and harder to guess."
        errors={fieldErrors.password}
      />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
