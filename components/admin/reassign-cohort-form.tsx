'use client';

import { reassignCohortAction, type ReassignCohortState } from '@/app/(admin)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import { textLimits } from '@/lib/validations/limits';

/** The new owner's e-mail and a button; a refusal is shown on the field, a success next to it. */
export function ReassignCohortForm({
  cohortId,
  cohortName,
}: {
  cohortId: string;
  cohortName: string;
}) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<ReassignCohortState>(
    reassignCohortAction.bind(null, cohortId),
    { status: 'idle' },
    { refreshOnSuccess: true },
  );
  return (
    <form {...formProps} className="max-w-xs space-y-2">
      <FormField
        label={`New owner of ${cohortName}`}
        hideLabel
        name="ownerEmail"
        id={`owner-${cohortId}`}
        type="email"
        required
        maxLength={textLimits.email}
        placeholder="instructor@example.com"
        defaultValue={valuesOf(state).ownerEmail}
        errors={fieldErrors.ownerEmail}
      />
      <FormStatus
        tone={state.status === 'success' ? 'success' : 'error'}
        message={state.status === 'success' ? `${state.data.ownerEmail} now owns it.` : message}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-zinc-300 px-2 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Reassign<span className="sr-only"> {cohortName}</span>
      </button>
    </form>
  );
}
