'use server';

import { redirect } from 'next/navigation';
import { errorFields, requestLogger } from '@/lib/log';
import { invalidResult, runAction, type ActionResult } from '@/lib/action-result';
import {
  createCohort,
  joinCohort,
  leaveCohort,
  regenerateInviteCode,
  removeMember,
  sendNudge,
  setCohortSchedule,
  setEnrolmentOpen,
  setMemberRole,
  updateCohortThresholds,
} from '@/lib/dal/cohorts';
import { dismissNotification } from '@/lib/dal/notifications';
import { AppError } from '@/lib/errors';
import { ZodError } from 'zod';

export type CohortFormState =
  { status: 'idle' } | Exclude<ActionResult<never>, { status: 'success' }>;

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

async function formAction(operation: () => Promise<string>): Promise<CohortFormState> {
  let destination: string;
  try {
    destination = await operation();
  } catch (error) {
    if (error instanceof ZodError) return invalidResult(error);
    if (error instanceof AppError) {
      return error.code === 'invalid'
        ? {
            status: 'invalid',
            message: error.message,
            fieldErrors: { inviteCode: [error.message] },
          }
        : { status: 'error', code: error.code, message: error.message };
    }
    (await requestLogger()).error(errorFields(error), 'cohort action failed');
    return {
      status: 'error',
      code: 'internal',
      message: 'Something went wrong on our side. Please try again.',
    };
  }
  redirect(destination as never);
}

export async function createCohortAction(
  _previous: CohortFormState,
  formData: FormData,
): Promise<CohortFormState> {
  return formAction(async () => {
    const { id } = await createCohort({
      name: field(formData, 'name') ?? '',
      startsOn: field(formData, 'startsOn'),
      endsOn: field(formData, 'endsOn'),
    });
    return `/cohorts/${id}`;
  });
}

export async function joinCohortAction(
  _previous: CohortFormState,
  formData: FormData,
): Promise<CohortFormState> {
  return formAction(async () => {
    // The id, not the name: /cohorts looks the name up, so the address cannot put text on the page.
    const { id } = await joinCohort({ inviteCode: field(formData, 'inviteCode') ?? '' });
    return `/cohorts?joined=${id}`;
  });
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

export type CohortSettingsState = { status: 'idle' } | ActionResult<{ savedAt: string }>;

/** The at-risk thresholds, from the settings form. */
export async function updateThresholdsAction(
  cohortId: string,
  _previous: CohortSettingsState,
  formData: FormData,
): Promise<CohortSettingsState> {
  return runAction(async () => {
    await updateCohortThresholds(cohortId, {
      inactiveDays: formData.get('inactiveDays'),
      failedQuizAttempts: formData.get('failedQuizAttempts'),
      behindLessons: formData.get('behindLessons'),
    });
    return { savedAt: new Date().toISOString() };
  });
}

/** The schedule form: one date field per module and lesson, named "due:<unit>"; empty = no date. */
export async function setScheduleAction(
  cohortId: string,
  _previous: CohortSettingsState,
  formData: FormData,
): Promise<CohortSettingsState> {
  return runAction(async () => {
    const entries: { unit: string; dueOn: string }[] = [];
    for (const [name, value] of formData) {
      if (!name.startsWith('due:') || typeof value !== 'string' || value.trim() === '') continue;
      entries.push({ unit: name.slice(4), dueOn: value.trim() });
    }
    await setCohortSchedule(cohortId, entries);
    return { savedAt: new Date().toISOString() };
  });
}

export type NudgeState = { status: 'idle' } | ActionResult<{ emailed: boolean }>;

export async function sendNudgeAction(
  cohortId: string,
  userId: string,
  _previous: NudgeState,
  formData: FormData,
): Promise<NudgeState> {
  return runAction(() => sendNudge({ cohortId, userId, message: formData.get('message') }));
}

export async function dismissNotificationAction(id: number) {
  return runAction(() => dismissNotification(id));
}
