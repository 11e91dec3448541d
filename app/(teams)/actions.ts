'use server';

import { redirect } from 'next/navigation';
import { formValues, runAction, runFormAction, type FormState } from '@/lib/action-result';
import {
  createCohort,
  joinCohort,
  leaveCohort,
  regenerateInviteCode,
  removeMember,
  sendNudge,
  setCohortArchived,
  setCohortSchedule,
  setEnrolmentOpen,
  setMemberRole,
  updateCohortDetails,
  updateCohortThresholds,
  type CohortDetails,
} from '@/lib/dal/cohorts';
import { dismissNotification } from '@/lib/dal/notifications';

// Empty date fields mean "no date".
const optional = (value: string) => (value.trim() === '' ? undefined : value);

const detailFields = ['name', 'startsOn', 'endsOn'] as const;
export type CohortDetailsValues = Record<(typeof detailFields)[number], string>;

/** The new-cohort form; a success redirects to the new cohort. */
export type NewCohortState = FormState<never, CohortDetailsValues>;

export async function createCohortAction(
  _previous: NewCohortState,
  formData: FormData,
): Promise<NewCohortState> {
  const values = formValues(formData, detailFields);
  return runFormAction(values, async () => {
    const { id } = await createCohort({
      name: values.name,
      startsOn: optional(values.startsOn),
      endsOn: optional(values.endsOn),
    });
    redirect(`/cohorts/${id}` as never);
  });
}

/** The join form; a success redirects to /cohorts, which says which cohort was joined. */
export type JoinCohortState = FormState<never, { inviteCode: string }>;

export async function joinCohortAction(
  _previous: JoinCohortState,
  formData: FormData,
): Promise<JoinCohortState> {
  const values = formValues(formData, ['inviteCode']);
  return runFormAction(
    values,
    async () => {
      // The id, not the name: /cohorts looks the name up, so the address cannot put text on the page.
      const { id } = await joinCohort(values);
      redirect(`/cohorts?joined=${id}` as never);
    },
    { invalidField: 'inviteCode' },
  );
}

export type CohortDetailsState = FormState<CohortDetails, CohortDetailsValues>;

/** Renames the cohort and sets its dates, from the settings form. */
export async function updateCohortDetailsAction(
  cohortId: string,
  _previous: CohortDetailsState,
  formData: FormData,
): Promise<CohortDetailsState> {
  const values = formValues(formData, detailFields);
  return runFormAction(values, async () => {
    const details = await updateCohortDetails(cohortId, {
      name: values.name,
      startsOn: optional(values.startsOn),
      endsOn: optional(values.endsOn),
    });
    return details;
  });
}

/** Archives (read-only, listed apart) or restores a cohort. */
export async function setCohortArchivedAction(cohortId: string, archived: boolean) {
  return runAction(() => setCohortArchived(cohortId, archived === true));
}

export async function leaveCohortAction(cohortId: string) {
  return runAction(() => leaveCohort(cohortId));
}

export async function regenerateInviteCodeAction(cohortId: string) {
  return runAction(() => regenerateInviteCode(cohortId));
}

export async function setEnrolmentAction(cohortId: string, open: boolean) {
  return runAction(() => setEnrolmentOpen(cohortId, open));
}

export async function removeMemberAction(cohortId: string, userId: string) {
  return runAction(() => removeMember({ cohortId, userId }));
}

export async function setMemberRoleAction(
  cohortId: string,
  userId: string,
  role: 'learner' | 'lead',
) {
  return runAction(() => setMemberRole({ cohortId, userId }, role === 'lead' ? 'lead' : 'learner'));
}

const thresholdFields = ['inactiveDays', 'failedQuizAttempts', 'behindLessons'] as const;
export type ThresholdsState = FormState<
  { savedAt: string },
  Record<(typeof thresholdFields)[number], string>
>;

/** The at-risk thresholds, from the settings form. */
export async function updateThresholdsAction(
  cohortId: string,
  _previous: ThresholdsState,
  formData: FormData,
): Promise<ThresholdsState> {
  const values = formValues(formData, thresholdFields);
  return runFormAction(values, async () => {
    await updateCohortThresholds(cohortId, values);
    return { savedAt: new Date().toISOString() };
  });
}

export type ScheduleState = FormState<{ savedAt: string }, Record<string, string>>;

/** The schedule form: one date field per module and lesson, named "due:<unit>"; empty = no date. */
export async function setScheduleAction(
  cohortId: string,
  _previous: ScheduleState,
  formData: FormData,
): Promise<ScheduleState> {
  const values: Record<string, string> = {};
  const entries: { unit: string; dueOn: string }[] = [];
  for (const [name, value] of formData) {
    if (!name.startsWith('due:') || typeof value !== 'string') continue;
    values[name] = value;
    if (value.trim() !== '') entries.push({ unit: name.slice(4), dueOn: value.trim() });
  }
  // Errors are about entries by position, not fields the form can highlight: they are said in
  // the form's status instead.
  return runFormAction(
    values,
    async () => {
      await setCohortSchedule(cohortId, entries);
      return { savedAt: new Date().toISOString() };
    },
    { fields: [] },
  );
}

export type NudgeState = FormState<{ emailed: boolean }, { message: string }>;

export async function sendNudgeAction(
  cohortId: string,
  userId: string,
  _previous: NudgeState,
  formData: FormData,
): Promise<NudgeState> {
  const values = formValues(formData, ['message']);
  return runFormAction(values, () => sendNudge({ cohortId, userId, message: values.message }));
}

export async function dismissNotificationAction(id: number) {
  return runAction(() => dismissNotification(id));
}
