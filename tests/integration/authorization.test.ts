// The authorization matrix: every server action × anonymous, learner, instructor, admin.
// Refused calls must leave the database exactly as it was.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { changeUserRoleAction } from '@/app/(admin)/actions';
import { changePasswordAction, deleteAccountAction } from '@/app/(auth)/actions';
import {
  checkQuizAction,
  openLessonAction,
  setLessonCompletionAction,
} from '@/app/(learn)/actions';
import { getDb } from '@/db/client';
import { auditLog, users, type UserRole } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { listAuditEntries, searchUsers } from '@/lib/dal/admin';
import { listDraftsForPreview } from '@/lib/dal/drafts';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock('@/lib/auth', async () => (await import('../support/fake-auth')).fakeAuthModule);
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.44' }),
}));

type Actor = 'anonymous' | UserRole;
const actors: Actor[] = ['anonymous', 'learner', 'instructor', 'admin'];
const ids = {} as Record<UserRole, string>;
let victimId: string;
const lesson = listLessons()[0]!;

async function snapshot() {
  const db = await getDb();
  const result = await db.execute(sql`
    select (select json_agg(u order by u.id) from (select id, role, password_hash, sessions_valid_after from users) u) as users,
           (select json_agg(p order by p.user_id, p.lesson_id) from lesson_progress p) as progress,
           (select count(*) from audit_log) as audit`);
  return JSON.stringify((result as unknown as { rows: unknown[] }).rows[0]);
}

beforeAll(async () => {
  for (const role of ['learner', 'instructor', 'admin'] as const) {
    const user = await createTestUser({ name: `Matrix ${role}` });
    await setUserRoleByEmail({ email: user.email, role });
    ids[role] = user.id;
  }
  victimId = (await createTestUser({ name: 'Matrix victim' })).id;
});

const actAs = (actor: Actor) => signInAs(actor === 'anonymous' ? null : ids[actor]);

// Each entry: the call, and who may make it.
const operations: { name: string; allowed: Actor[]; call: () => Promise<unknown> }[] = [
  {
    name: 'openLessonAction',
    allowed: ['learner', 'instructor', 'admin'],
    call: () => openLessonAction(lesson.id),
  },
  {
    name: 'setLessonCompletionAction',
    allowed: ['learner', 'instructor', 'admin'],
    call: () => setLessonCompletionAction(lesson.id, true),
  },
  // Anyone may check answers; only a signed-in learner's attempt is stored (see quiz.test.ts).
  {
    name: 'checkQuizAction',
    allowed: ['anonymous', 'learner', 'instructor', 'admin'],
    call: () =>
      checkQuizAction(
        lesson.id,
        lesson.quiz.map(() => 0),
      ),
  },
  {
    name: 'changeUserRoleAction (promote another user)',
    allowed: ['admin'],
    call: () => changeUserRoleAction(victimId, 'instructor'),
  },
  {
    name: 'changePasswordAction (wrong current password)',
    allowed: [],
    call: () => {
      const form = new FormData();
      form.set('currentPassword', 'definitely not it');
      form.set('newPassword', 'another long passphrase');
      return changePasswordAction({ status: 'idle' }, form);
    },
  },
  {
    name: "deleteAccountAction (someone else's e-mail)",
    allowed: [],
    call: () => {
      const form = new FormData();
      form.set('confirmEmail', 'victim@example.test');
      return deleteAccountAction({ status: 'idle' }, form);
    },
  },
];

const refusal = (result: unknown) =>
  typeof result === 'object' &&
  result !== null &&
  'status' in result &&
  (result as { status: string }).status !== 'success';

describe('authorization matrix: server actions', () => {
  for (const operation of operations) {
    for (const actor of actors) {
      const allowed = operation.allowed.includes(actor);
      it(`${operation.name} as ${actor} is ${allowed ? 'allowed' : 'refused, changing nothing'}`, async () => {
        actAs(actor);
        const before = await snapshot();
        const result = await operation.call();
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
