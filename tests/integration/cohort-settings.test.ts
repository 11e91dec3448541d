// Renaming, dating and archiving cohorts (lib/dal/cohorts.ts), and the form actions' state: what a
// refused submission sends back (the values as typed, never a password) and which fields it
// highlights.
import { describe, expect, it, vi } from 'vitest';
import * as authActions from '@/app/(auth)/actions';
import {
  createCohortAction,
  joinCohortAction,
  sendNudgeAction,
  setCohortArchivedAction,
  setScheduleAction,
  updateCohortDetailsAction,
  updateThresholdsAction,
} from '@/app/(teams)/actions';
import {
  createCohort,
  getCohortDashboard,
  getCohortPage,
  joinCohort,
  leaveCohort,
  listMyCohorts,
  regenerateInviteCode,
  removeMember,
  sendNudge,
  setCohortArchived,
  setCohortSchedule,
  setEnrolmentOpen,
  setMemberRole,
  updateCohortDetails,
  updateCohortThresholds,
} from '@/lib/dal/cohorts';
import { highlightedFieldsMessage } from '@/lib/action-result';
import { listModules } from '@/lib/content';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.45' }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));

const idle = { status: 'idle' } as const;

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** An instructor's cohort with a learner and a lead, the instructor signed in. */
async function cohortWithMembers() {
  const owner = await createTestUser({ name: 'Olga Owner' });
  await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
  signInAs(owner.id);
  const { id } = await createCohort({ name: 'Spring guild' });
  const code = (await getCohortDashboard(id)).cohort.inviteCode!;
  const learner = await createTestUser({ name: 'Lina Learner' });
  const lead = await createTestUser({ name: 'Leo Lead' });
  for (const member of [learner, lead]) {
    signInAs(member.id);
    await joinCohort({ inviteCode: code });
  }
  signInAs(owner.id);
  await setMemberRole({ cohortId: id, userId: lead.id }, 'lead');
  return { id, code, owner, learner, lead };
}

async function details(id: string) {
  const { name, startsOn, endsOn } = (await getCohortDashboard(id)).cohort;
  return { name, startsOn, endsOn };
}

describe('renaming a cohort and changing its dates', () => {
  it('lets the owner rename, set and clear dates; refuses invalid input, changing nothing', async () => {
    const { id } = await cohortWithMembers();
    await expect(
      updateCohortDetails(id, {
        name: '  Autumn guild ',
        startsOn: '2026-09-01',
        endsOn: '2026-12-15',
      }),
    ).resolves.toEqual({ name: 'Autumn guild', startsOn: '2026-09-01', endsOn: '2026-12-15' });
    expect(await details(id)).toEqual({
      name: 'Autumn guild',
      startsOn: '2026-09-01',
      endsOn: '2026-12-15',
    });

    for (const input of [
      { name: ' ' },
      { name: 'x'.repeat(101) },
      { name: 'Line\nbreak' },
      { name: 'Dates', startsOn: '2026-12-10', endsOn: '2026-12-01' },
      { name: 'Dates', startsOn: '2026-02-30' },
    ]) {
      await expect(updateCohortDetails(id, input)).rejects.toThrow();
    }
    expect((await details(id)).name).toBe('Autumn guild');

    await updateCohortDetails(id, { name: 'Autumn guild' });
    expect(await details(id)).toEqual({ name: 'Autumn guild', startsOn: null, endsOn: null });
  });

  it('refuses leads, members and outsiders', async () => {
    const { id, learner, lead } = await cohortWithMembers();
    signInAs(lead.id);
    await expect(updateCohortDetails(id, { name: 'Mine now' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const outsider = await createTestUser();
    for (const user of [learner, outsider]) {
      signInAs(user.id);
      await expect(updateCohortDetails(id, { name: 'Mine now' })).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    signInAs(null);
    await expect(updateCohortDetails(id, { name: 'Mine now' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });
});

describe('archiving a cohort', () => {
  it('makes it read-only and lists it apart until it is restored', async () => {
    const { id, code, owner, learner, lead } = await cohortWithMembers();
    await setCohortArchived(id, true);
    const page = await getCohortPage(id);
    expect(page).toMatchObject({ kind: 'dashboard', canArchive: true });
    if (page.kind !== 'dashboard') throw new Error('expected the dashboard');
    expect(page.archivedAt).toEqual(expect.any(String));
    // No controls that change it: no invite code, no management.
    expect(page.dashboard.cohort).toMatchObject({ canManage: false, inviteCode: null });
    expect(await listMyCohorts()).toEqual([expect.objectContaining({ id, archived: true })]);

    // Archiving again keeps the first date.
    await setCohortArchived(id, true);
    expect(await getCohortPage(id)).toMatchObject({ archivedAt: page.archivedAt });

    // Every change is refused, and says why.
    const refused = { code: 'conflict', message: expect.stringMatching(/archived/) };
    await expect(updateCohortDetails(id, { name: 'Renamed' })).rejects.toMatchObject(refused);
    await expect(regenerateInviteCode(id)).rejects.toMatchObject(refused);
    await expect(setEnrolmentOpen(id, false)).rejects.toMatchObject(refused);
    await expect(removeMember({ cohortId: id, userId: learner.id })).rejects.toMatchObject(refused);
    await expect(setMemberRole({ cohortId: id, userId: learner.id }, 'lead')).rejects.toMatchObject(
      refused,
    );
    await expect(
      updateCohortThresholds(id, { inactiveDays: 3, failedQuizAttempts: 2, behindLessons: 1 }),
    ).rejects.toMatchObject(refused);
    await expect(
      setCohortSchedule(id, [{ unit: listModules()[0]!.slug, dueOn: '2026-12-01' }]),
    ).rejects.toMatchObject(refused);
    await expect(
      sendNudge({ cohortId: id, userId: learner.id, message: 'Hello' }),
    ).rejects.toMatchObject(refused);
    signInAs(lead.id);
    await expect(
      sendNudge({ cohortId: id, userId: learner.id, message: 'Hello' }),
    ).rejects.toMatchObject(refused);
    await expect(setCohortArchived(id, false)).rejects.toMatchObject({ code: 'forbidden' });
    // Its code no longer lets anyone join; members still see it, and may leave.
    const newcomer = await createTestUser();
    signInAs(newcomer.id);
    await expect(joinCohort({ inviteCode: code })).rejects.toMatchObject({ code: 'invalid' });
    signInAs(learner.id);
    expect(await listMyCohorts()).toEqual([expect.objectContaining({ id, archived: true })]);
    await expect(leaveCohort(id)).resolves.toBeUndefined();

    signInAs(owner.id);
    const snapshot = await getCohortDashboard(id);
    expect(snapshot.cohort).toMatchObject({ name: 'Spring guild', inactiveDays: 7 });
    expect(snapshot.learners.map((row) => row.name)).toEqual(['Leo Lead']);

    await setCohortArchived(id, false);
    expect(await getCohortPage(id)).toMatchObject({ archivedAt: null });
    expect((await getCohortDashboard(id)).cohort.canManage).toBe(true);
    await expect(updateCohortDetails(id, { name: 'Renamed' })).resolves.toMatchObject({
      name: 'Renamed',
    });
    expect(await listMyCohorts()).toEqual([expect.objectContaining({ id, archived: false })]);
  });

  it('is for the owner and admins only', async () => {
    const { id, learner } = await cohortWithMembers();
    const outsider = await createTestUser();
    for (const user of [learner, outsider]) {
      signInAs(user.id);
      await expect(setCohortArchived(id, true)).rejects.toMatchObject({ code: 'not_found' });
    }
    const admin = await createTestUser();
    await setUserRoleByEmail({ email: admin.email, role: 'admin' });
    signInAs(admin.id);
    await expect(setCohortArchivedAction(id, true)).resolves.toMatchObject({ status: 'success' });
    expect(await getCohortPage(id)).toMatchObject({ archivedAt: expect.any(String) });
  });
});

describe('form actions send back what was typed', () => {
  it('new cohort: the name and dates, with the field that is wrong', async () => {
    const owner = await createTestUser();
    await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
    signInAs(owner.id);
    const typed = { name: 'Winter guild', startsOn: '2026-12-10', endsOn: '2026-12-01' };
    const result = await createCohortAction(idle, form(typed));
    expect(result).toEqual({
      status: 'invalid',
      message: highlightedFieldsMessage,
      fieldErrors: { endsOn: ['The end date must not be before the start date.'] },
      values: typed,
    });
  });

  it('join: empty, malformed and overlong codes get the schema message on the field; a wrong code keeps its value', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const message = 'Invite codes have 8 letters and digits, like K7M2-QX9P.';
    for (const inviteCode of ['', '   ', 'K7M2', '!!!!-????', 'K7M2-QX9P-K7M2-QX9P']) {
      expect(await joinCohortAction(idle, form({ inviteCode }))).toEqual({
        status: 'invalid',
        message: highlightedFieldsMessage,
        fieldErrors: { inviteCode: [message] },
        values: { inviteCode },
      });
    }
    expect(await joinCohortAction(idle, form({ inviteCode: 'ZZZZ-ZZZZ' }))).toEqual({
      status: 'invalid',
      message: highlightedFieldsMessage,
      fieldErrors: {
        inviteCode: ['That invite code does not work. Check it with your cohort lead.'],
      },
      values: { inviteCode: 'ZZZZ-ZZZZ' },
    });
  });

  it('thresholds and schedule: the new values, not the saved ones; nudge: the text as typed', async () => {
    const { id, learner } = await cohortWithMembers();
    const typed = { inactiveDays: '0', failedQuizAttempts: '4', behindLessons: 'many' };
    const result = await updateThresholdsAction(id, idle, form(typed));
    expect(result).toMatchObject({
      status: 'invalid',
      message: highlightedFieldsMessage,
      values: typed,
      fieldErrors: {
        inactiveDays: [expect.stringMatching(/at least 1/)],
        behindLessons: [expect.any(String)],
      },
    });
    expect(result).not.toHaveProperty('fieldErrors.failedQuizAttempts');
    expect((await getCohortDashboard(id)).cohort.inactiveDays).toBe(7);

    const moduleSlug = listModules()[0]!.slug;
    const schedule = await setScheduleAction(
      id,
      idle,
      form({ [`due:${moduleSlug}`]: '2026-02-30' }),
    );
    expect(schedule).toMatchObject({
      status: 'invalid',
      message: 'That is not a real date.',
      fieldErrors: {},
      values: { [`due:${moduleSlug}`]: '2026-02-30' },
    });

    const nudge = await sendNudgeAction(id, learner.id, idle, form({ message: 'x'.repeat(501) }));
    expect(nudge).toMatchObject({
      status: 'invalid',
      message: highlightedFieldsMessage,
      fieldErrors: { message: ['Use at most 500 characters.'] },
      values: { message: 'x'.repeat(501) },
    });
    // A problem with no field on the form (a bad member id) is said, not "highlighted".
    const elsewhere = await sendNudgeAction(id, 'not-a-member', idle, form({ message: 'Hi' }));
    expect(elsewhere).toEqual({
      status: 'invalid',
      message: 'Not a member.',
      fieldErrors: {},
      values: { message: 'Hi' },
    });
  });

  it('rename: the values as typed after a refusal, the saved details after a success', async () => {
    const { id } = await cohortWithMembers();
    const typed = { name: 'y'.repeat(101), startsOn: '2026-01-05', endsOn: '' };
    expect(await updateCohortDetailsAction(id, idle, form(typed))).toEqual({
      status: 'invalid',
      message: highlightedFieldsMessage,
      fieldErrors: { name: ['Use at most 100 characters.'] },
      values: typed,
    });
    expect(
      await updateCohortDetailsAction(
        id,
        idle,
        form({ name: 'Summer guild', startsOn: '2026-06-01', endsOn: '' }),
      ),
    ).toEqual({
      status: 'success',
      data: { name: 'Summer guild', startsOn: '2026-06-01', endsOn: null },
    });
  });

  it('sign-up: the name and e-mail, never the password', async () => {
    const password = 'a secret passphrase 123';
    const result = await authActions.signUpAction(
      idle,
      form({ name: 'Sam', email: 'not an address', password }),
    );
    expect(result).toMatchObject({
      status: 'invalid',
      message: highlightedFieldsMessage,
      values: { name: 'Sam', email: 'not an address' },
    });
    expect(Object.keys(result.status === 'invalid' ? result.fieldErrors : {})).toEqual(['email']);
    expect(JSON.stringify(result)).not.toContain(password);
  });
});
