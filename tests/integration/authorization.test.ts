// The authorization matrix: every server action × anonymous, learner, instructor, admin.
// Refused calls must leave the database exactly as it was. A completeness check below fails when
// a new server action is added without a row here.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as adminActions from '@/app/(admin)/actions';
import * as authActions from '@/app/(auth)/actions';
import * as learnActions from '@/app/(learn)/actions';
import * as teamActions from '@/app/(teams)/actions';
import * as progressRoute from '@/app/api/progress/route';
import { getDb } from '@/db/client';
import {
  auditLog,
  cohortMembers,
  cohorts,
  notifications,
  reviewItems,
  users,
  type UserRole,
} from '@/db/schema';
import { listLessons } from '@/lib/content';
import { choiceId } from '@/lib/content/quiz';
import { listAuditEntries, searchUsers } from '@/lib/dal/admin';
import { createCohort, getCohortDashboard, listCohortsForAdmin } from '@/lib/dal/cohorts';
import { listDraftsForPreview } from '@/lib/dal/drafts';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.44' }),
}));

const { changeUserRoleAction, reassignCohortAction } = adminActions;
const { changePasswordAction, deleteAccountAction } = authActions;

type Actor = 'anonymous' | UserRole;
const actors: Actor[] = ['anonymous', 'learner', 'instructor', 'admin'];
const signedIn: Actor[] = ['learner', 'instructor', 'admin'];
const ids = {} as Record<UserRole, string>;
let victimId: string;
// A cohort owned by someone outside the matrix, with the victim as its member.
let cohortId: string;
let cohortOwnerEmail: string;
let inviteCode: string;
let victimNotificationId: number;
const lesson = listLessons()[0]!;

// Every table the actions could write, row for row (sign-in counters and sessions excepted).
async function snapshot() {
  const db = await getDb();
  const tables = [
    'users',
    'lesson_progress',
    'quiz_attempts',
    'review_items',
    'lesson_notes',
    'bookmarks',
    'cohorts',
    'cohort_members',
    'cohort_due_dates',
    'notifications',
    'audit_log',
  ];
  const parts: unknown[] = [];
  for (const table of tables) {
    const result = await db.execute(
      sql`select coalesce(json_agg(t order by t::text), '[]'::json) as rows from ${sql.identifier(table)} t`,
    );
    parts.push((result as unknown as { rows: { rows: unknown }[] }).rows[0]?.rows);
  }
  return JSON.stringify(parts);
}

beforeAll(async () => {
  for (const role of ['learner', 'instructor', 'admin'] as const) {
    const user = await createTestUser({ name: `Matrix ${role}` });
    await setUserRoleByEmail({ email: user.email, role });
    ids[role] = user.id;
  }
  victimId = (await createTestUser({ name: 'Matrix victim' })).id;
  const owner = await createTestUser({ name: 'Matrix cohort owner' });
  await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
  cohortOwnerEmail = owner.email;
  signInAs(owner.id);
  cohortId = (await createCohort({ name: 'Matrix cohort' })).id;
  inviteCode = (await getCohortDashboard(cohortId)).cohort.inviteCode!;
  const db = await getDb();
  await db.insert(cohortMembers).values({ cohortId, userId: victimId });
  const [note] = await db
    .insert(notifications)
    .values({
      userId: victimId,
      cohortId,
      kind: 'nudge',
      message: 'For the victim only',
      dedupeKey: `matrix:${victimId}`,
    })
    .returning({ id: notifications.id });
  victimNotificationId = note!.id;
});

const actAs = (actor: Actor) => signInAs(actor === 'anonymous' ? null : ids[actor]);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Puts back what an allowed call in an earlier row may have changed (membership, review items). */
async function restoreFixtures(actor: Actor) {
  const db = await getDb();
  await db.insert(cohortMembers).values({ cohortId, userId: victimId }).onConflictDoNothing();
  await db.update(cohortMembers).set({ role: 'learner' }).where(eq(cohortMembers.userId, victimId));
  await db.update(cohorts).set({ archivedAt: null }).where(eq(cohorts.id, cohortId));
  if (actor !== 'anonymous') {
    await db
      .insert(reviewItems)
      .values({
        userId: ids[actor],
        lessonId: lesson.id,
        questionIndex: 0,
        question: lesson.quiz[0]!.question,
        dueAt: new Date(Date.now() - 60_000),
      })
      .onConflictDoUpdate({
        target: [reviewItems.userId, reviewItems.lessonId, reviewItems.questionIndex],
        set: { dueAt: new Date(Date.now() - 60_000) },
      });
  }
}

// Each entry: the call, and who may make it. Names start with the action's export name.
const operations: { name: string; allowed: Actor[]; call: () => Promise<unknown> }[] = [
  {
    name: 'openLessonAction',
    allowed: signedIn,
    call: () => learnActions.openLessonAction(lesson.id),
  },
  {
    name: 'setLessonCompletionAction',
    allowed: signedIn,
    call: () => learnActions.setLessonCompletionAction(lesson.id, true),
  },
  // Anyone may check answers; only a signed-in learner's attempt is stored (see quiz.test.ts).
  {
    name: 'checkQuizAction',
    allowed: actors,
    call: () =>
      learnActions.checkQuizAction(
        lesson.id,
        lesson.quiz.map((question) => choiceId(question.choices[0]!)),
      ),
  },
  {
    name: 'getMyProgressAction',
    allowed: signedIn,
    call: () => learnActions.getMyProgressAction(),
  },
  {
    name: 'resetProgressAction',
    allowed: signedIn,
    call: () => learnActions.resetProgressAction(),
  },
  {
    name: 'saveNoteAction',
    allowed: signedIn,
    call: () => learnActions.saveNoteAction(lesson.id, 'My own note'),
  },
  {
    name: 'setBookmarkAction',
    allowed: signedIn,
    call: () => learnActions.setBookmarkAction(lesson.id, true),
  },
  {
    name: 'answerReviewAction',
    allowed: signedIn,
    call: () =>
      learnActions.answerReviewAction(lesson.id, 0, choiceId(lesson.quiz[0]!.choices[0]!)),
  },
  {
    name: "changeUserRoleAction (set another user's role)",
    allowed: ['admin'],
    call: () => changeUserRoleAction(victimId, 'learner'),
  },
  {
    name: 'reassignCohortAction (give a cohort an owner)',
    allowed: ['admin'],
    // Its own owner again: allowed for an admin, and the fixtures stay as they are.
    call: () =>
      reassignCohortAction(cohortId, { status: 'idle' }, form({ ownerEmail: cohortOwnerEmail })),
  },
  {
    name: 'changePasswordAction (wrong current password)',
    allowed: [],
    call: () =>
      changePasswordAction(
        { status: 'idle' },
        form({ currentPassword: 'definitely not it', newPassword: 'another long passphrase' }),
      ),
  },
  {
    name: 'deleteAccountAction (wrong password)',
    allowed: [],
    call: () =>
      deleteAccountAction(
        { status: 'idle' },
        form({ password: 'definitely not it', confirmEmail: 'victim@example.test' }),
      ),
  },
  {
    name: 'createCohortAction',
    allowed: ['instructor', 'admin'],
    call: () => teamActions.createCohortAction({ status: 'idle' }, form({ name: 'Matrix new' })),
  },
  {
    name: 'joinCohortAction',
    allowed: signedIn,
    call: () => teamActions.joinCohortAction({ status: 'idle' }, form({ inviteCode })),
  },
  // Leaving is always about oneself: allowed to anyone signed in, and a no-op for non-members.
  {
    name: 'leaveCohortAction',
    allowed: signedIn,
    call: () => teamActions.leaveCohortAction(cohortId),
  },
  // Changing someone else's cohort: its owner (outside the matrix) and admins only.
  {
    name: 'regenerateInviteCodeAction (another owner’s cohort)',
    allowed: ['admin'],
    call: async () => {
      const result = await teamActions.regenerateInviteCodeAction(cohortId);
      if (result.status === 'success') inviteCode = result.data.inviteCode;
      return result;
    },
  },
  {
    name: 'setEnrolmentAction (another owner’s cohort)',
    allowed: ['admin'],
    call: () => teamActions.setEnrolmentAction(cohortId, true),
  },
  {
    name: 'removeMemberAction (the victim)',
    allowed: ['admin'],
    call: () => teamActions.removeMemberAction(cohortId, victimId),
  },
  {
    name: 'setMemberRoleAction (make the victim a lead)',
    allowed: ['admin'],
    call: () => teamActions.setMemberRoleAction(cohortId, victimId, 'lead'),
  },
  {
    name: 'updateCohortDetailsAction (rename, dates)',
    allowed: ['admin'],
    call: () =>
      teamActions.updateCohortDetailsAction(
        cohortId,
        { status: 'idle' },
        form({ name: 'Matrix cohort', startsOn: '', endsOn: '' }),
      ),
  },
  // Archiving makes every other change refused: restoreFixtures restores it before each row.
  {
    name: 'setCohortArchivedAction (archive)',
    allowed: ['admin'],
    call: () => teamActions.setCohortArchivedAction(cohortId, true),
  },
  {
    name: 'setCohortArchivedAction (restore)',
    allowed: ['admin'],
    call: () => teamActions.setCohortArchivedAction(cohortId, false),
  },
  {
    name: 'updateThresholdsAction',
    allowed: ['admin'],
    call: () =>
      teamActions.updateThresholdsAction(
        cohortId,
        { status: 'idle' },
        form({ inactiveDays: '9', failedQuizAttempts: '4', behindLessons: '3' }),
      ),
  },
  {
    name: 'setScheduleAction',
    allowed: ['admin'],
    call: () =>
      teamActions.setScheduleAction(
        cohortId,
        { status: 'idle' },
        form({ [`due:${lesson.moduleSlug}`]: '2026-12-24' }),
      ),
  },
  {
    name: 'sendNudgeAction (to the victim)',
    allowed: ['admin'],
    call: () =>
      teamActions.sendNudgeAction(cohortId, victimId, { status: 'idle' }, form({ message: 'Hi' })),
  },
  {
    name: "dismissNotificationAction (the victim's)",
    allowed: [],
    call: () => teamActions.dismissNotificationAction(victimNotificationId),
  },
];

// Public by design (no session needed), each covered by its own tests: sign-up, sign-in and
// sign-out (users.test.ts, throttle.test.ts, e2e), the reset flow (password-reset.test.ts),
// confirmation links (sign-up.test.ts) and OAuth (only configured providers, oauth-providers.test.ts).
const publicActions = [
  'signUpAction',
  'signInAction',
  'signOutAction',
  'requestPasswordResetAction',
  'resetPasswordAction',
  'confirmSignUpAction',
  'signInWithProviderAction',
];

const refusal = (result: unknown) =>
  typeof result === 'object' &&
  result !== null &&
  'status' in result &&
  (result as { status: string }).status !== 'success';

/** Form actions end in a redirect on success; count that as success. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? '').startsWith('NEXT_REDIRECT'))
      return { status: 'success' };
    throw error;
  }
}

describe('authorization matrix: server actions', () => {
  it('has a row for every exported server action', () => {
    const exported = [adminActions, authActions, learnActions, teamActions].flatMap((module) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name),
    );
    const covered = new Set([
      ...operations.map((operation) => operation.name.split(' ')[0]!),
      ...publicActions,
    ]);
    expect(exported.filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const operation of operations) {
    for (const actor of actors) {
      const allowed = operation.allowed.includes(actor);
      it(`${operation.name} as ${actor} is ${allowed ? 'allowed' : 'refused, changing nothing'}`, async () => {
        await restoreFixtures(actor);
        actAs(actor);
        const before = await snapshot();
        const result = await outcome(operation.call);
        if (allowed) {
          expect(result).toMatchObject({ status: 'success' });
        } else {
          expect(refusal(result)).toBe(true);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }
});

describe('authorization matrix: admin and instructor reads', () => {
  const reads = [
    { name: 'searchUsers', allowed: ['admin'], call: () => searchUsers({ q: '' }) },
    { name: 'listAuditEntries', allowed: ['admin'], call: () => listAuditEntries() },
    { name: 'listCohortsForAdmin', allowed: ['admin'], call: () => listCohortsForAdmin() },
    {
      name: 'listDraftsForPreview',
      allowed: ['instructor', 'admin'],
      call: () => listDraftsForPreview(),
    },
  ] as const;
  for (const read of reads) {
    for (const actor of actors) {
      const allowed = (read.allowed as readonly Actor[]).includes(actor);
      it(`${read.name} as ${actor} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        actAs(actor);
        if (allowed) await expect(read.call()).resolves.toBeDefined();
        else
          await expect(read.call()).rejects.toMatchObject({
            code: actor === 'anonymous' ? 'unauthenticated' : 'forbidden',
          });
      });
    }
  }
});

describe('role changes', () => {
  it('are audited with actor, action, target, time, IP and the change', async () => {
    const target = await createTestUser();
    actAs('admin');
    await expect(changeUserRoleAction(target.id, 'instructor')).resolves.toMatchObject({
      status: 'success',
    });
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, target.id));
    expect(entry).toMatchObject({
      actorId: ids.admin,
      action: 'role.changed',
      ip: '192.0.2.44',
      details: { from: 'learner', to: 'instructor' },
    });
    expect(entry?.createdAt).toBeInstanceOf(Date);
  });

  it("cannot remove the acting admin's own admin role, and ignore invalid roles", async () => {
    actAs('admin');
    expect(await changeUserRoleAction(ids.admin, 'learner')).toMatchObject({
      status: 'error',
      code: 'invalid',
    });
    expect(await changeUserRoleAction(victimId, 'superuser')).toMatchObject({ status: 'invalid' });
    const db = await getDb();
    expect(
      (await db.select({ role: users.role }).from(users).where(eq(users.id, ids.admin)))[0]?.role,
    ).toBe('admin');
  });

  it('take effect on the next request: a demoted instructor is refused at once', async () => {
    const instructor = await createTestUser();
    await setUserRoleByEmail({ email: instructor.email, role: 'instructor' });
    signInAs(instructor.id);
    await expect(listDraftsForPreview()).resolves.toBeDefined();
    actAs('admin');
    await changeUserRoleAction(instructor.id, 'learner');
    signInAs(instructor.id);
    await expect(listDraftsForPreview()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('from the command line are audited without an actor', async () => {
    const user = await createTestUser();
    await setUserRoleByEmail({ email: user.email, role: 'admin' });
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(entry).toMatchObject({
      actorId: null,
      action: 'role.changed',
      details: { from: 'learner', to: 'admin', via: 'cli' },
    });
  });
});

describe('authorization matrix: mutating route handlers', () => {
  const progressRequest = (body: string, headers: Record<string, string> = {}) =>
    new Request('http://bp.test/api/progress', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', host: 'bp.test', ...headers },
      body,
    });
  const body = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({ lessonId: lesson.id, completed: true, ...extra });

  for (const actor of actors) {
    const allowed = actor !== 'anonymous';
    it(`PUT /api/progress as ${actor} is ${allowed ? 'allowed' : 'refused with 401, changing nothing'}`, async () => {
      await restoreFixtures(actor);
      actAs(actor);
      const before = await snapshot();
      const response = await progressRoute.PUT(progressRequest(body()));
      if (allowed) {
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ lessonId: lesson.id, status: 'completed' });
      } else {
        expect(response.status).toBe(401);
        expect(await snapshot()).toBe(before);
      }
    });
  }

  it('refuses a foreign Origin, an oversized or malformed body and unknown lessons, writing nothing', async () => {
    actAs('learner');
    const before = await snapshot();
    const cases: [Request, number][] = [
      [progressRequest(body(), { origin: 'https://attacker.example' }), 403],
      [progressRequest(body({ padding: 'x'.repeat(5_000) })), 400],
      [progressRequest('{not json'), 400],
      [progressRequest(JSON.stringify({ lessonId: 'no/such-lesson', completed: true })), 404],
      [progressRequest(JSON.stringify({ lessonId: lesson.id, completed: 'yes' })), 400],
    ];
    for (const [request, status] of cases) {
      const response = await progressRoute.PUT(request);
      expect(response.status, await response.clone().text()).toBe(status);
      expect(await response.text()).not.toMatch(/ at |node_modules/);
    }
    expect(await snapshot()).toBe(before);
  });

  it('ignores a userId in the body: the write is always the caller’s own', async () => {
    actAs('learner');
    const db = await getDb();
    const victimRows = async () =>
      db.execute(sql`select count(*)::int as n from lesson_progress where user_id = ${victimId}`);
    const before = JSON.stringify(await victimRows());
    const response = await progressRoute.PUT(
      progressRequest(body({ userId: victimId, role: 'admin' })),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(await victimRows())).toBe(before);
  });
});
