'use server';

import { headers } from 'next/headers';
import { runAction } from '@/lib/action-result';
import { getClientIp } from '@/lib/auth/client-ip';
import { changeUserRole } from '@/lib/dal/admin';
import { reassignCohort } from '@/lib/dal/cohorts';

export async function changeUserRoleAction(userId: string, role: string) {
  const ip = getClientIp(await headers());
  // The users page is rendered per request and the control updates itself: nothing to revalidate.
  return runAction(() => changeUserRole({ userId, role }, { ip }));
}

export async function reassignCohortAction(cohortId: string, ownerEmail: string) {
  const ip = getClientIp(await headers());
  return runAction(() => reassignCohort({ cohortId, ownerEmail }, { ip }));
}
