'use client';

import { confirmSignUpAction, type PasswordFormState } from '@/app/(auth)/actions';
import { Button } from '@/components/ui/button';
import { useFormAction } from '@/components/ui/form-field';
import { FormStatus } from './form-status';

// A button, not an automatic action on page load: mail scanners open links, and opening a link
// must not create an account.
export function ConfirmSignUpForm({ token }: { token: string }) {
  const { pending, message, formProps } = useFormAction<PasswordFormState>(confirmSignUpAction, {
    status: 'idle',
  });
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating your account…' : 'Create my account'}
      </Button>
    </form>
  );
}
