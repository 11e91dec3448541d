'use client';

import { useActionState } from 'react';
import { createCohortAction, joinCohortAction, type CohortFormState } from '@/app/(teams)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';

export function NewCohortForm() {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(createCohortAction, {
    status: 'idle',
  });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={action} className="max-w-md space-y-5" noValidate>
      <FormField label="Cohort name" name="name" required maxLength={100} errors={errors.name} />
      <FormField
        label="Start date (optional)"
        name="startsOn"
        type="date"
        errors={errors.startsOn}
      />
      <FormField label="End date (optional)" name="endsOn" type="date" errors={errors.endsOn} />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create cohort'}
      </Button>
    </form>
  );
}

export function JoinCohortForm({ code }: { code?: string }) {
  const [state, action, pending] = useActionState<CohortFormState, FormData>(joinCohortAction, {
    status: 'idle',
  });
  const errors = state.status === 'invalid' ? state.fieldErrors : {};
  return (
    <form action={action} className="max-w-md space-y-5" noValidate>
      <FormField
        label="Invite code"
        name="inviteCode"
        required
        defaultValue={code}
        autoComplete="off"
        errors={errors.inviteCode}
      />
      <FormStatus message={state.status === 'error' ? state.message : undefined} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join cohort'}
      </Button>
    </form>
  );
}
