// Schedules, thresholds, nudges and the learner's own view of what their cohort leads see.
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { cohortDueDates, labTaskProgress, notifications } from '@/db/schema';
import { listLessons, listModules } from '@/lib/content';
import {
  createCohort,
  getCohortDashboard,
  getCohortPage,
  getMyCohortView,
  joinCohort,
  sendNudge,
  setCohortSchedule,
  setMemberRole,
  updateCohortThresholds,
} from '@/lib/dal/cohorts';
import { dismissNotification, listMyNotifications } from '@/lib/dal/notifications';
import { setLessonCompletion } from '@/lib/dal/progress';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import type { MailMessage } from '@/lib/mail';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);
const outbox: MailMessage[] = [];
vi.mock('@/lib/mail', () => ({
  sendMail: async (message: MailMessage) => {
    outbox.push(message);
  },
}));
afterEach(() => vi.unstubAllEnvs());

const [firstModule, secondModule] = listModules();
const lessons = listLessons();
const day = 86_400_000;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

// The first lesson embeds the fixture lab (3 tasks).
beforeAll(() => {
  setLabCatalog(loadLabCatalog(path.resolve('tests/fixtures/labs/content')), [
    { ...lessons[0]!, body: '<SqlLab id="example-shop" />\n' },
  ]);
});

/** An instructor's cohort with two learners (Ada and Bo), signed in as the owner. */
async function cohortWithTwoLearners() {
  const owner = await createTestUser({ name: 'Olga Owner' });
  await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
  signInAs(owner.id);
  const { id } = await createCohort({ name: `Follow-up ${Math.random()}` });
  const code = (await getCohortDashboard(id)).cohort.inviteCode!;
  const ada = await createTestUser({ name: 'Ada Learner' });
  const bo = await createTestUser({ name: 'Bo Learner' });
  for (const learner of [ada, bo]) {
    signInAs(learner.id);
    await joinCohort({ inviteCode: code });
  }
  signInAs(owner.id);
  return { id, owner, ada, bo };
}

describe('cohort schedule', () => {
  it('flags a learner behind by the number of overdue lessons not completed, with the reason', async () => {
    const { id, owner, ada, bo } = await cohortWithTwoLearners();
    const moduleLessons = firstModule!.lessons.map((lesson) => lesson.id);
    // The first module was due yesterday; one lesson of the second is due today (not overdue yet).
    await setCohortSchedule(id, [
      { unit: firstModule!.slug, dueOn: isoDay(-1) },
      { unit: secondModule!.lessons[0]!.id, dueOn: isoDay(0) },
    ]);
    signInAs(ada.id);
    for (const lessonId of moduleLessons) await setLessonCompletion({ lessonId, completed: true });
    signInAs(bo.id);
    await setLessonCompletion({ lessonId: moduleLessons[0]!, completed: true });

    signInAs(owner.id);
    const dashboard = await getCohortDashboard(id);
    const row = (name: string) => dashboard.learners.find((learner) => learner.name === name)!;
    expect(row('Ada Learner')).toMatchObject({ behind: 0, risks: [] });
    const behind = moduleLessons.length - 1;
    expect(row('Bo Learner').behind).toBe(behind);
    expect(row('Bo Learner').risks).toEqual(
      behind >= 2 ? [{ kind: 'behind', text: `Behind the schedule by ${behind} lessons` }] : [],
    );
    expect(dashboard.lessons.find((lesson) => lesson.id === moduleLessons[0])?.dueOn).toBe(
      isoDay(-1),
    );

    // The threshold is the owner's to set: at 1, Ada stays clear and Bo is still flagged.
    await updateCohortThresholds(id, { inactiveDays: 30, failedQuizAttempts: 2, behindLessons: 1 });
    const stricter = await getCohortDashboard(id);
    expect(stricter.learners.find((learner) => learner.id === bo.id)!.risks[0]?.kind).toBe(
      'behind',
    );
    // A day later, the second module's lesson is overdue too.
    const tomorrow = await getCohortDashboard(id, new Date(Date.now() + day));
    expect(tomorrow.learners.find((learner) => learner.id === ada.id)!.behind).toBe(1);
  });

  it('is replaced whole, refuses unknown units and impossible dates, and keeps the old one then', async () => {
    const { id } = await cohortWithTwoLearners();
    const first = [{ unit: firstModule!.slug, dueOn: '2026-12-01' }];
    await setCohortSchedule(id, first);
    await setCohortSchedule(id, first); // idempotent
    await expect(
      setCohortSchedule(id, [{ unit: 'no-such-module', dueOn: '2026-12-01' }]),
    ).rejects.toMatchObject({ code: 'invalid' });
    await expect(
      setCohortSchedule(id, [{ unit: secondModule!.slug, dueOn: '2026-02-30' }]),
    ).rejects.toThrow(/not a real date/);
    const db = await getDb();
    const rows = () =>
      db
        .select({ unit: cohortDueDates.unit, dueOn: cohortDueDates.dueOn })
        .from(cohortDueDates)
        .where(eq(cohortDueDates.cohortId, id));
    expect(await rows()).toEqual(first);

    // Parallel edits: the result is exactly one of them, never a mix.
    const candidates = lessons.slice(0, 8).map((lesson, index) => [
      { unit: lesson.id, dueOn: `2027-01-0${index + 1}` },
      { unit: lesson.moduleSlug, dueOn: `2027-02-0${index + 1}` },
    ]);
    await Promise.all(candidates.map((entries) => setCohortSchedule(id, entries)));
    const final = await rows();
    expect(
      candidates.some(
        (entries) =>
          JSON.stringify([...entries].sort((a, b) => a.unit.localeCompare(b.unit))) ===
          JSON.stringify([...final].sort((a, b) => a.unit.localeCompare(b.unit))),
      ),
    ).toBe(true);

    await setCohortSchedule(id, []);
    expect(await rows()).toEqual([]);
  });

  it('and thresholds are the owner’s: leads and members are refused and nothing changes', async () => {
    const { id, owner, ada, bo } = await cohortWithTwoLearners();
    await setMemberRole({ cohortId: id, userId: ada.id }, 'lead');
    for (const actor of [ada, bo]) {
      signInAs(actor.id);
      await expect(
        setCohortSchedule(id, [{ unit: firstModule!.slug, dueOn: '2026-12-01' }]),
      ).rejects.toMatchObject({ code: actor === ada ? 'forbidden' : 'not_found' });
      await expect(
        updateCohortThresholds(id, { inactiveDays: 1, failedQuizAttempts: 1, behindLessons: 1 }),
      ).rejects.toMatchObject({ code: actor === ada ? 'forbidden' : 'not_found' });
    }
    signInAs(owner.id);
    await expect(
      updateCohortThresholds(id, { inactiveDays: 0, failedQuizAttempts: 3, behindLessons: 2 }),
    ).rejects.toThrow(/at least 1/);
    expect((await getCohortDashboard(id)).cohort).toMatchObject({
      inactiveDays: 7,
      failedQuizAttempts: 3,
      behindLessons: 2,
    });
    expect((await getCohortDashboard(id)).schedule).toEqual({});
  });
});

describe('nudges', () => {
  it('reach the learner’s dashboard once per day, from the owner or a lead, and are e-mailed with SMTP', async () => {
    const { id, owner, ada, bo } = await cohortWithTwoLearners();
    outbox.length = 0;
    expect(await sendNudge({ cohortId: id, userId: bo.id, message: 'How is it going?' })).toEqual({
      emailed: false,
    });
    await setMemberRole({ cohortId: id, userId: ada.id }, 'lead');
    signInAs(ada.id);
    vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
    expect(
      await sendNudge({ cohortId: id, userId: bo.id, message: 'Need a hand with SQL?' }),
    ).toEqual({ emailed: true });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: bo.email });
    expect(outbox[0]?.text).toContain('Need a hand with SQL?');

    signInAs(bo.id);
    const mine = await listMyNotifications();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ message: 'Need a hand with SQL?', senderName: 'Ada Learner' });
    // Another learner cannot dismiss it; its owner can, twice without harm.
    signInAs(owner.id);
    await expect(dismissNotification(mine[0]!.id)).rejects.toMatchObject({ code: 'not_found' });
    signInAs(bo.id);
    await dismissNotification(mine[0]!.id);
    await dismissNotification(mine[0]!.id);
    expect(await listMyNotifications()).toEqual([]);
  });

  it('are refused for members, outsiders and non-members as recipients, writing nothing', async () => {
    const { id, ada, bo } = await cohortWithTwoLearners();
    const outsider = await createTestUser({ name: 'Outsider' });
    const db = await getDb();
    const count = async () =>
      (await db.select().from(notifications).where(eq(notifications.cohortId, id))).length;
    await expect(
      sendNudge({ cohortId: id, userId: outsider.id, message: 'hello' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    signInAs(ada.id);
    await expect(
      sendNudge({ cohortId: id, userId: bo.id, message: 'from a peer' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    signInAs(outsider.id);
    await expect(
      sendNudge({ cohortId: id, userId: bo.id, message: 'from outside' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    signInAs(null);
    await expect(
      sendNudge({ cohortId: id, userId: bo.id, message: 'anonymous' }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await count()).toBe(0);
    const [row] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, bo.id)));
    expect(row).toBeUndefined();
  });
});

describe('what my cohort leads see', () => {
  it('is exactly my row of the dashboard, and nobody else’s', async () => {
    const { id, owner, ada, bo } = await cohortWithTwoLearners();
    await setCohortSchedule(id, [{ unit: firstModule!.slug, dueOn: isoDay(-3) }]);
    signInAs(bo.id);
    await setLessonCompletion({ lessonId: lessons[0]!.id, completed: true });
    const db = await getDb();
    await db.insert(labTaskProgress).values([
      { userId: bo.id, labId: 'example-shop', taskId: 'unique-emails', passedAt: new Date() },
      { userId: ada.id, labId: 'example-shop', taskId: 'index-for-a-day', passedAt: new Date() },
      { userId: ada.id, labId: 'example-shop', taskId: 'unique-emails', passedAt: new Date() },
    ]);
    const at = new Date(Date.now() + 10 * day);
    const view = await getMyCohortView(id, at);
    // My lab tasks, as the dashboard shows them; not Ada's.
    expect(view.me.labTasks).toEqual({ done: 1, total: 3 });
    expect(view.me.cells[lessons[0]!.id]!.practice).toEqual({ done: 1, total: 3 });
    signInAs(owner.id);
    const dashboard = await getCohortDashboard(id, at);
    expect(view.me).toEqual(dashboard.learners.find((learner) => learner.id === bo.id));
    expect(view.me.risks.map((risk) => risk.kind)).toEqual(['inactive', 'behind']);
    expect(JSON.stringify(view)).not.toContain('Ada Learner');
    expect(JSON.stringify(view)).not.toContain(ada.id);
    expect(view.lessons.every((lesson) => lesson.quizAverage === null)).toBe(true);

    // The cohort page picks the same view from one access check.
    signInAs(bo.id);
    expect(await getCohortPage(id, at)).toEqual({ kind: 'member', view });
    signInAs(owner.id);
    expect(await getCohortPage(id, at)).toEqual({
      kind: 'dashboard',
      dashboard,
      archivedAt: null,
      canArchive: true,
    });

    // Not a member: the cohort does not exist as far as they can tell.
    const outsider = await createTestUser();
    signInAs(outsider.id);
    await expect(getMyCohortView(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getCohortPage(id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
