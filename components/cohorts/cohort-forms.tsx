'use client';

import {
  createCohortAction,
  joinCohortAction,
  updateCohortDetailsAction,
  type CohortDetailsState,
  type CohortDetailsValues,
  type JoinCohortState,
  type NewCohortState,
} from '@/app/(teams)/actions';
import { FormStatus } from '@/components/auth/form-status';
import { Button } from '@/components/ui/button';
import { FormField, useFormAction, valuesOf } from '@/components/ui/form-field';
import type { FieldErrors } from '@/lib/action-result';
import { textLimits } from '@/lib/validations/limits';

/** The name and dates of a cohort: the same fields to create one and to edit it. */
function CohortDetailsFields({
  values,
  errors,
}: {
  values: Partial<CohortDetailsValues>;
  errors: FieldErrors;
}) {
  return (
    <>
      <FormField
        label="Cohort name"
        name="name"
        required
        maxLength={textLimits.cohortName}
        defaultValue={values.name}
        errors={errors.name}
      />
      <FormField
        label="Start date (optional)"
        name="startsOn"
        type="date"
        defaultValue={values.startsOn}
        errors={errors.startsOn}
      />
      <FormField
        label="End date (optional)"
        name="endsOn"
        type="date"
        defaultValue={values.endsOn}
        errors={errors.endsOn}
      />
    </>
  );
}

export function NewCohortForm() {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<NewCohortState>(
    createCohortAction,
    { status: 'idle' },
  );
  return (
    <form {...formProps} className="max-w-md space-y-5">
      <CohortDetailsFields values={valuesOf(state)} errors={fieldErrors} />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create cohort'}
      </Button>
    </form>
  );
}

/** The owner renames the cohort or changes its dates. */
export function CohortDetailsForm({
  cohortId,
  name,
  startsOn,
  endsOn,
}: {
  cohortId: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
}) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<CohortDetailsState>(
    updateCohortDetailsAction.bind(null, cohortId),
    { status: 'idle' },
    { refreshOnSuccess: true },
  );
  const saved = { name, startsOn: startsOn ?? '', endsOn: endsOn ?? '' };
  return (
    <form {...formProps} className="max-w-md space-y-5">
      <CohortDetailsFields
        values={state.status === 'idle' || state.status === 'success' ? saved : state.values}
        errors={fieldErrors}
      />
      <FormStatus
        tone={state.status === 'success' ? 'success' : 'error'}
        message={state.status === 'success' ? 'Name and dates saved.' : message}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save name and dates'}
      </Button>
    </form>
  );
}

export function JoinCohortForm({ code }: { code?: string }) {
  const { state, pending, fieldErrors, message, formProps } = useFormAction<JoinCohortState>(
    joinCohortAction,
    { status: 'idle' },
  );
  return (
    <form {...formProps} className="max-w-md space-y-5">
      <FormField
        label="Invite code"
        name="inviteCode"
        required
        defaultValue={valuesOf(state).inviteCode ?? code}
        autoComplete="off"
        errors={fieldErrors.inviteCode}
      />
      <FormStatus message={message} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Joining…' : 'Join cohort'}
      </Button>
    </form>
  );
}
