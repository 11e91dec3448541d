// What pages and route handlers get from their address: the admin search refuses what it cannot
// search for, /cohorts names only a cohort the user joined, and the CSV export answers with the
// status of the refusal.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ZodError } from 'zod';
import { joinCohortAction } from '@/app/(teams)/actions';
import { GET as exportCohort } from '@/app/(teams)/cohorts/[id]/export/route';
import { searchUsers } from '@/lib/dal/admin';
import { createCohort, getCohortDashboard, getJoinedCohort, joinCohort } from '@/lib/dal/cohorts';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

let admin: string;
let learner: string;
let outsider: string;
let cohortId: string;
let inviteCode: string;

beforeAll(async () => {
  const adminUser = await createTestUser({ name: 'Search Admin' });
  await setUserRoleByEmail({ email: adminUser.email, role: 'admin' });
  admin = adminUser.id;
  learner = (await createTestUser({ name: 'Joining Learner' })).id;
  outsider = (await createTestUser({ name: 'Outside Learner' })).id;
  const owner = await createTestUser({ name: 'Cohort Owner' });
  await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
  signInAs(owner.id);
  cohortId = (await createCohort({ name: 'Evening <b>cohort</b>' })).id;
  inviteCode = (await getCohortDashboard(cohortId)).cohort.inviteCode!;
});

describe('admin user search', () => {
  it('refuses a query over 100 characters and one with a NUL byte, with a message to show', async () => {
    signInAs(admin);
    for (const q of ['x'.repeat(300), 'ada\u0000']) {
      const refusal = await searchUsers({ q }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(ZodError);
      expect((refusal as ZodError).issues[0]?.message).toMatch(/at most 100 characters|control/);
    }
    await expect(searchUsers({ q: 'Search Admin' })).resolves.toHaveLength(1);
  });

  it('checks the role before the query, so a learner is refused whatever they type', async () => {
    signInAs(learner);
    await expect(searchUsers({ q: 'x'.repeat(300) })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the joined cohort on /cohorts', () => {
  it('redirects to the cohort by id, never by name', async () => {
    signInAs(learner);
    const form = new FormData();
    form.set('inviteCode', inviteCode);
    const redirect = await joinCohortAction({ status: 'idle' }, form).catch(
      (error: { digest?: string }) => error.digest ?? '',
    );
    expect(redirect).toContain(`;/cohorts?joined=${cohortId};`);
    expect(redirect).not.toContain('Evening');
  });

  it("names a cohort the user is a member of, and nothing else: not another's, not an unknown id, not text", async () => {
    signInAs(learner);
    await joinCohort({ inviteCode });
    await expect(getJoinedCohort(cohortId)).resolves.toEqual({
      id: cohortId,
      name: 'Evening <b>cohort</b>',
    });
    await expect(getJoinedCohort('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
    await expect(getJoinedCohort('<script>alert(1)</script>')).resolves.toBeNull();
    await expect(getJoinedCohort(['a', 'b'])).resolves.toBeNull();
    signInAs(outsider);
    await expect(getJoinedCohort(cohortId)).resolves.toBeNull();
    signInAs(null);
    await expect(getJoinedCohort(cohortId)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

describe('cohort CSV export statuses', () => {
  const get = (id: string) =>
    exportCohort(new Request(`http://localhost/cohorts/${id}/export`), {
      params: Promise.resolve({ id }),
    });

  it('answers 401 signed out, 404 to a non-member and for an id that is no cohort, 200 to an admin', async () => {
    signInAs(learner);
    await joinCohort({ inviteCode });
    signInAs(null);
    const signedOut = await get(cohortId);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toMatchObject({ error: 'unauthenticated' });
    signInAs(outsider);
    expect((await get(cohortId)).status).toBe(404);
    expect((await get('not-a-cohort')).status).toBe(404);
    signInAs(admin);
    const csv = await get(cohortId);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Joining Learner');
  });
});
