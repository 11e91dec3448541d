'use client';

import { useActionState } from 'react';
import { sendNudgeAction, type NudgeState } from '@/app/(teams)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';

/** A short message to one learner: shown on their dashboard, e-mailed when the portal can. */
export function NudgeForm({
  cohortId,
  userId,
  name,
  suggestion,
}: {
  cohortId: string;
  userId: string;
  name: string;
  suggestion: string;
}) {
  const [state, action, pending] = useActionState<NudgeState, FormData>(
    sendNudgeAction.bind(null, cohortId, userId),
    { status: 'idle' },
  );
  const fieldId = `nudge-${userId}`;
  if (state.status === 'success') {
    return (
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
        Nudge sent to {name}
        {state.data.emailed ? ' (and e-mailed)' : ''}. They will see it on their dashboard.
      </p>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">
        Nudge<span className="sr-only"> {name}</span>
      </summary>
      <form action={action} className="mt-2 max-w-lg space-y-2" noValidate>
        <label htmlFor={fieldId} className="block font-medium">
          Message to {name}
        </label>
        <textarea
          id={fieldId}
          name="message"
          rows={3}
          maxLength={500}
          required
          defaultValue={suggestion}
          className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <FormStatus
          message={
            state.status === 'error' || state.status === 'invalid' ? state.message : undefined
          }
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send nudge'}
        </Button>
      </form>
    </details>
  );
}
