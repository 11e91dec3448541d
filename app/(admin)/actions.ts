'use server';

import { headers } from 'next/headers';
import { formValues, runAction, runFormAction, type FormState } from '@/lib/action-result';
import { getClientIp } from '@/lib/auth/client-ip';
import { changeUserRole } from '@/lib/dal/admin';
import { reassignCohort } from '@/lib/dal/cohorts';

export async function changeUserRoleAction(userId: string, role: string) {
  const ip = getClientIp(await headers());
  // The users page is rendered per request and the control updates itself: nothing to revalidate.
  return runAction(() => changeUserRole({ userId, role }, { ip }));
}

/** The "New owner" form of /admin/cohorts: the e-mail stays as typed when it is refused. */
export type ReassignCohortState = FormState<{ ownerEmail: string }, { ownerEmail: string }>;

export async function reassignCohortAction(
  cohortId: string,
  _previous: ReassignCohortState,
  formData: FormData,
): Promise<ReassignCohortState> {
  const values = formValues(formData, ['ownerEmail']);
  const ip = getClientIp(await headers());
  return runFormAction(values, () => reassignCohort({ cohortId, ...values }, { ip }), {
    invalidField: 'ownerEmail',
  });
}
