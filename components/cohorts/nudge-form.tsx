'use client';

import { sendNudgeAction, type NudgeState } from '@/app/(teams)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormTextArea, useFormAction, valuesOf } from '@/components/ui/form-field';
import { textLimits } from '@/lib/validations/limits';

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
  const { state, pending, fieldErrors, message, formProps } = useFormAction<NudgeState>(
    sendNudgeAction.bind(null, cohortId, userId),
    { status: 'idle' },
  );
  if (state.status === 'success') {
    return (
      <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
        Nudge sent to {name}
        {state.data.emailed ? ' (and e-mailed)' : ''}. They will see it on their dashboard.
      </p>
    );
  }
  return (
    // Open again after a refusal, so the message and what was typed stay in view.
    <details className="text-sm" open={state.status !== 'idle' || undefined}>
      <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">
        Nudge<span className="sr-only"> {name}</span>
      </summary>
      <form {...formProps} className="mt-2 max-w-lg space-y-2">
        <FormTextArea
          label={`Message to ${name}`}
          name="message"
          id={`nudge-${userId}`}
          rows={3}
          maxLength={textLimits.nudge}
          required
          defaultValue={valuesOf(state).message ?? suggestion}
          errors={fieldErrors.message}
        />
        <FormStatus message={message} />
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send nudge'}
        </Button>
      </form>
    </details>
  );
}
