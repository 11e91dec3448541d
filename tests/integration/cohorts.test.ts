import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { labTaskProgress } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { exportMyData } from '@/lib/dal/account';
import {
  createCohort,
  getCohortDashboard,
  getMyCohortView,
  joinCohort,
  leaveCohort,
  listCohortsForAdmin,
  listMyCohorts,
  reassignCohort,
  regenerateInviteCode,
  setEnrolmentOpen,
  setMemberRole,
} from '@/lib/dal/cohorts';
import { csvField, openCohortCsv } from '@/lib/dal/cohort-export';
import { setLessonCompletion } from '@/lib/dal/progress';
import { gradeQuiz } from '@/lib/dal/quiz';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';
import { wrongAnswers } from '../support/quiz';

import {
  regenerateInviteCodeAction,
  removeMemberAction,
  sendNudgeAction,
  setEnrolmentAction,
  setMemberRoleAction,
  setScheduleAction,
  updateThresholdsAction,
} from '@/app/(teams)/actions';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lessons = listLessons();
const lesson = lessons[0]!;
const labId = 'example-shop';

// The first lesson embeds the fixture lab (3 tasks); no other lesson has a lab.
beforeAll(() => {
  setLabCatalog(loadLabCatalog(path.resolve('tests/fixtures/labs/content')), [
    { ...lesson, body: `Some text.\n\n<SqlLab id="${labId}" />\n` },
  ]);
});

/**
 * Best states per lab task as submissions leave them: `passed` tasks have passed_at set, the rest
 * were only failed.
 */
async function recordLabTasks(
  userId: string,
  tasks: { labId?: string; taskId: string; passed: boolean; at?: Date }[],
) {
  const db = await getDb();
  await db.insert(labTaskProgress).values(
    tasks.map((task) => ({
      userId,
      labId: task.labId ?? labId,
      taskId: task.taskId,
      attempts: 2,
      passedAt: task.passed ? (task.at ?? new Date()) : null,
      lastAttemptAt: task.at ?? new Date(),
    })),
  );
}

async function instructor() {
  const user = await createTestUser({ name: 'Ines Instructor' });
  await setUserRoleByEmail({ email: user.email, role: 'instructor' });
  return user;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function exportCsv(cohortId: string) {
  const { rows } = await openCohortCsv(cohortId);
  let text = '';
  for await (const chunk of rows) text += chunk;
  return text;
}

describe('cohorts', () => {
  it('are created by instructors only, and joined with the invite code however it is typed', async () => {
    const learner = await createTestUser();
    signInAs(learner.id);
    await expect(createCohort({ name: 'Not mine' })).rejects.toMatchObject({ code: 'forbidden' });

    const owner = await instructor();
    signInAs(owner.id);
    await expect(createCohort({ name: ' ' })).rejects.toThrow(/Give the cohort a name/);
    await expect(
      createCohort({ name: 'Dates', startsOn: '2026-12-10', endsOn: '2026-12-01' }),
    ).rejects.toThrow(/end date/);
    const { id } = await createCohort({
      name: 'Backend guild, winter 2026',
      startsOn: '2026-12-01',
    });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    signInAs(learner.id);
    await expect(
      joinCohort({ inviteCode: code.toLowerCase().replace('-', ' ') }),
    ).resolves.toMatchObject({ id });
    await expect(joinCohort({ inviteCode: code })).resolves.toMatchObject({ id }); // idempotent
    await expect(joinCohort({ inviteCode: 'ZZZZ-ZZZZ' })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await listMyCohorts()).toEqual([
      expect.objectContaining({ id, access: 'learner', members: 1 }),
    ]);
    // The learner's data export lists the membership.
    expect((await exportMyData()).cohortMemberships).toEqual([
      expect.objectContaining({ cohort: 'Backend guild, winter 2026', role: 'learner' }),
    ]);
    // A member who is not a lead cannot see the dashboard.
    await expect(getCohortDashboard(id)).rejects.toMatchObject({ code: 'not_found' });
    await leaveCohort(id);
    expect(await listMyCohorts()).toEqual([]);
  });

  it('show completion, quiz results and at-risk reasons computed for an injected clock', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Risk cohort' });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    const ada = await createTestUser({ name: 'Ada Active' });
    const bo = await createTestUser({ name: 'Bo Quiet' });
    for (const user of [ada, bo]) {
      signInAs(user.id);
      await joinCohort({ inviteCode: code });
    }
    signInAs(ada.id);
    await setLessonCompletion({ lessonId: lesson.id, completed: true });
    for (let attempt = 0; attempt < 3; attempt += 1)
      await gradeQuiz({
        lessonId: lessons[1]!.id,
        answers: wrongAnswers(lessons[1]!),
      });

    // Two tasks of the lesson's lab passed, one failed; a task since removed from the lab and a lab
    // no lesson embeds do not count. Someone outside the cohort passed everything.
    await recordLabTasks(ada.id, [
      { taskId: 'revenue-per-customer', passed: true },
      { taskId: 'unique-emails', passed: true },
      { taskId: 'index-for-a-day', passed: false },
      { taskId: 'retired-task', passed: true },
      { labId: 'not-embedded', taskId: 'revenue-per-customer', passed: true },
    ]);
    const outsider = await createTestUser({ name: 'Otto Outsider' });
    await recordLabTasks(outsider.id, [
      { taskId: 'revenue-per-customer', passed: true },
      { taskId: 'index-for-a-day', passed: true },
    ]);

    signInAs(owner.id);
    const today = await getCohortDashboard(id);
    const adaRow = today.learners.find((learner) => learner.id === ada.id)!;
    expect(adaRow.cells[lesson.id]!.practice).toEqual({ done: 2, total: 3 });
    expect(adaRow.cells[lessons[1]!.id]!.practice).toBeNull();
    expect(adaRow.labTasks).toEqual({ done: 2, total: 3 });
    const boRow = today.learners.find((learner) => learner.id === bo.id)!;
    expect(boRow.cells[lesson.id]).toEqual({
      state: 'not-started',
      bestScore: null,
      completedAt: null,
      practice: { done: 0, total: 3 },
    });
    expect(boRow.labTasks).toEqual({ done: 0, total: 3 });
    // Marked complete without passing its quiz: still counts towards completion.
    expect(adaRow.cells[lesson.id]).toMatchObject({ state: 'quiz-not-passed' });
    expect(adaRow.completion).toBe(Math.round(100 / lessons.length));
    expect(adaRow.risks.some((risk) => /Failed the quiz of ".*" 3 times/.test(risk.text))).toBe(
      true,
    );
    expect(today.summary).toMatchObject({ members: 2, activeLast7Days: 1 });
    expect(today.learners.find((learner) => learner.id === bo.id)!.risks).toEqual([]);

    const nextWeek = await getCohortDashboard(id, new Date(Date.now() + 8 * 86_400_000));
    expect(nextWeek.learners.find((learner) => learner.id === bo.id)!.risks).toEqual([
      { kind: 'inactive', text: 'No activity in the 8 days since joining' },
    ]);
    expect(nextWeek.summary.atRisk).toBe(2);

    // Practising is activity: a lab submission a day before keeps Bo off the inactive list.
    await recordLabTasks(bo.id, [
      { taskId: 'index-for-a-day', passed: false, at: new Date(Date.now() + 7 * 86_400_000) },
    ]);
    const afterPractice = await getCohortDashboard(id, new Date(Date.now() + 8 * 86_400_000));
    expect(afterPractice.learners.find((learner) => learner.id === bo.id)!.risks).toEqual([]);
  });

  it('let leads see but not change, and refuse everyone else without revealing anything', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id: x } = await createCohort({ name: 'Cohort X' });
    const { id: y } = await createCohort({ name: 'Cohort Y' });
    const codeX = (await getCohortDashboard(x)).cohort.inviteCode!;
    const codeY = (await getCohortDashboard(y)).cohort.inviteCode!;
    const lead = await createTestUser({ name: 'Lee Lead' });
    const secret = await createTestUser({ name: 'Yasmin Only-In-Y' });
    signInAs(lead.id);
    await joinCohort({ inviteCode: codeX });
    signInAs(secret.id);
    await joinCohort({ inviteCode: codeY });
    signInAs(owner.id);
    await setMemberRole({ cohortId: x, userId: lead.id }, 'lead');

    signInAs(lead.id);
    const asLead = await getCohortDashboard(x);
    expect(asLead.cohort).toMatchObject({ canManage: false, inviteCode: null });
    await expect(regenerateInviteCode(x)).rejects.toMatchObject({ code: 'forbidden' });
    // A lead of X asking for Y: refused, and nothing about Y comes back.
    const refusal = await getCohortDashboard(y).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'not_found' });
    expect(JSON.stringify(refusal)).not.toContain('Yasmin');
    await expect(exportCsv(y)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getMyCohortView(y)).rejects.toMatchObject({ code: 'not_found' });
    // Every cohort action aimed at Y: refused, and no reply mentions Y's members.
    const replies = [
      await sendNudgeAction(y, secret.id, { status: 'idle' }, form({ message: 'hi' })),
      await setScheduleAction(y, { status: 'idle' }, form({ 'due:the-role': '2026-12-01' })),
      await updateThresholdsAction(
        y,
        { status: 'idle' },
        form({ inactiveDays: '1', failedQuizAttempts: '1', behindLessons: '1' }),
      ),
      await regenerateInviteCodeAction(y),
      await setEnrolmentAction(y, false),
      await removeMemberAction(y, secret.id),
      await setMemberRoleAction(y, secret.id, 'lead'),
    ];
    for (const reply of replies) {
      expect(reply).toMatchObject({ status: 'error', code: 'not_found' });
      expect(JSON.stringify(reply)).not.toContain('Yasmin');
    }
    signInAs(owner.id);
    const y2 = await getCohortDashboard(y);
    expect(y2.cohort).toMatchObject({ enrolmentOpen: true, inactiveDays: 7 });
    expect(y2.learners.map((learner) => [learner.name, learner.role])).toEqual([
      ['Yasmin Only-In-Y', 'learner'],
    ]);
    signInAs(lead.id);
    await expect(getCohortDashboard('not-a-uuid')).rejects.toThrow();
  });

  it('export every member × lesson of a 10,000-member cohort, each member exactly once per lesson', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Ten thousand' });
    const prefix = `csv-${Date.now()}-`;
    const db = await getDb();
    await db.execute(sql`
      insert into users (id, name, email)
      select ${prefix} || g, '=Learner ' || g, ${prefix} || g || '@example.test'
      from generate_series(1, 10000) g`);
    await db.execute(sql`
      insert into cohort_members (cohort_id, user_id)
      select ${id}, ${prefix} || g from generate_series(1, 10000) g`);
    // One learner has completed the first lesson, so a state other than not-started shows up.
    await db.execute(sql`
      insert into lesson_progress (user_id, lesson_id, status, completed_at)
      values (${`${prefix}42`}, ${lesson.id}, 'completed', now())`);
    await recordLabTasks(`${prefix}42`, [{ taskId: 'unique-emails', passed: true }]);
    const lines = (await exportCsv(id)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 10_000 * lessons.length);
    const perMember = new Map<string, number>();
    for (const line of lines.slice(1)) {
      const name = line.slice(0, line.indexOf(','));
      perMember.set(name, (perMember.get(name) ?? 0) + 1);
    }
    expect(perMember.size).toBe(10_000);
    expect([...perMember.values()].every((count) => count === lessons.length)).toBe(true);
    // Names starting with "=" are defused for spreadsheets. Completed by hand, without a passing
    // attempt at the lesson's quiz.
    expect(perMember.has(`"'=Learner 42"`)).toBe(true);
    expect(lines.filter((line) => line.includes(',Completed · quiz not passed,'))).toEqual([
      expect.stringMatching(
        new RegExp(`^"'=Learner 42",${prefix}42@example.test,.*,${lesson.id},.*,1,1,3$`),
      ),
    ]);
    // The lab task is counted for learner 42 alone, whichever block of members it falls in.
    expect(lines.filter((line) => line.endsWith(',1,1,3'))).toHaveLength(1);
    expect(lines.filter((line) => line.endsWith(',0,0,3'))).toHaveLength(9_999);
    await db.execute(sql`delete from users where id like ${`${prefix}%`}`);
  }, 120_000);

  it('stop accepting an old code after a new one, and any code once enrolment is closed', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Rotating' });
    const oldCode = (await getCohortDashboard(id)).cohort.inviteCode!;
    const { inviteCode: newCode } = await regenerateInviteCode(id);
    expect(newCode).not.toBe(oldCode);
    const learner = await createTestUser();
    signInAs(learner.id);
    await expect(joinCohort({ inviteCode: oldCode })).rejects.toMatchObject({ code: 'invalid' });
    signInAs(owner.id);
    await setEnrolmentOpen(id, false);
    signInAs(learner.id);
    await expect(joinCohort({ inviteCode: newCode })).rejects.toMatchObject({ code: 'invalid' });
  });

  it('export every member × lesson as CSV, with names that cannot run as formulas', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'CSV cohort' });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    const mallory = await createTestUser({ name: '=HYPERLINK("https://evil.example","click")' });
    const quinn = await createTestUser({ name: 'Quinn, "Q" Smith' });
    for (const user of [mallory, quinn]) {
      signInAs(user.id);
      await joinCohort({ inviteCode: code });
    }
    signInAs(mallory.id);
    await setLessonCompletion({ lessonId: lesson.id, completed: true });
    await recordLabTasks(mallory.id, [
      { taskId: 'revenue-per-customer', passed: true },
      { taskId: 'unique-emails', passed: false },
    ]);
    signInAs(owner.id);
    const csv = await exportCsv(id);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 2 * lessons.length);
    // The lab columns come after the ones spreadsheets already use, in the same order as before.
    expect(lines[0]).toBe(
      '\uFEFFLearner,E-mail,Role,Last active (UTC),Behind (lessons),At risk,Module,Lesson,Lesson ID,State,Completed at (UTC),Best quiz score (%),Lab tasks passed (course),Lab tasks passed (lesson),Lab tasks (lesson)',
    );
    const labColumns = (user: { email: string }, lessonId: string) =>
      lines
        .find((line) => line.includes(`,${user.email},`) && line.includes(`,${lessonId},`))!
        .split(',')
        .slice(-3);
    // Passed in the lesson's lab, out of its tasks; empty for a lesson without a lab.
    expect(labColumns(mallory, lesson.id)).toEqual(['1', '1', '3']);
    expect(labColumns(mallory, lessons[1]!.id)).toEqual(['1', '', '']);
    expect(labColumns(quinn, lesson.id)).toEqual(['0', '0', '3']);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")",${mallory.email},`);
    expect(csv).toContain(`"Quinn, ""Q"" Smith",${quinn.email},`);
    expect(
      lines.filter((line) => line.includes(`,${lesson.id},`) && line.includes(',Completed')),
    ).toHaveLength(1);
    for (const value of ['+1', '-1', '@SUM(A1)', '\tx'])
      expect(csvField(value).replace(/^"/, '')).toMatch(/^'/);
  });
});

describe('cohort ownership', () => {
  async function admin() {
    const user = await createTestUser({ name: 'Ada Admin' });
    await setUserRoleByEmail({ email: user.email, role: 'admin' });
    return user;
  }

  it('ends every right of an owner who is demoted, on the next request', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Demoted owner' });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    const member = await createTestUser();
    signInAs(member.id);
    await joinCohort({ inviteCode: code });

    await setUserRoleByEmail({ email: owner.email, role: 'learner' });
    signInAs(owner.id);
    await expect(getCohortDashboard(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportCsv(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(regenerateInviteCode(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(setEnrolmentOpen(id, false)).rejects.toMatchObject({ code: 'not_found' });
    expect(await removeMemberAction(id, member.id).then((result) => result.status)).not.toBe(
      'success',
    );
    expect((await listMyCohorts()).map((cohort) => cohort.id)).not.toContain(id);

    // Promoted again, they manage it again: the role is read on every request.
    await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
    await expect(getCohortDashboard(id)).resolves.toMatchObject({ cohort: { canManage: true } });
  });

  it("outlives its owner's account with its members and their history, until an admin reassigns it", async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Orphaned cohort' });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    const member = await createTestUser({ name: 'Mia Member' });
    signInAs(member.id);
    await joinCohort({ inviteCode: code });
    await setLessonCompletion({ lessonId: lesson.id, completed: true });

    const db = await getDb();
    await db.execute(sql`delete from users where id = ${owner.id}`);

    // The member still belongs to it, with their progress.
    const view = await getMyCohortView(id);
    expect(view.me.completed).toBe(1);

    const boss = await admin();
    signInAs(boss.id);
    const listed = (await listCohortsForAdmin()).find((row) => row.id === id);
    expect(listed).toMatchObject({ owner: null, needsOwner: true, members: 1 });

    const learner = await createTestUser();
    await expect(
      reassignCohort({ cohortId: id, ownerEmail: learner.email }, { ip: '192.0.2.9' }),
    ).rejects.toThrow(/must be an instructor or an admin/);
    await expect(
      reassignCohort({ cohortId: id, ownerEmail: 'nobody@example.test' }, { ip: '192.0.2.9' }),
    ).rejects.toMatchObject({ code: 'invalid' });

    const next = await instructor();
    await expect(
      reassignCohort({ cohortId: id, ownerEmail: next.email.toUpperCase() }, { ip: '192.0.2.9' }),
    ).resolves.toEqual({ ownerEmail: next.email });
    expect((await listCohortsForAdmin()).find((row) => row.id === id)).toMatchObject({
      needsOwner: false,
      owner: { email: next.email, role: 'instructor' },
    });
    const audit = await db.execute(
      sql`select actor_id, target_id from audit_log where action = 'cohort.reassigned' and target_id = ${next.id}`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { actor_id: boss.id, target_id: next.id },
    ]);

    signInAs(next.id);
    const dashboard = await getCohortDashboard(id);
    expect(dashboard.cohort.canManage).toBe(true);
    expect(dashboard.learners.map((row) => row.name)).toEqual(['Mia Member']);
  });

  it('lets only admins list and reassign cohorts', async () => {
    const owner = await instructor();
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Not yours to give' });
    await expect(listCohortsForAdmin()).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      reassignCohort({ cohortId: id, ownerEmail: owner.email }, { ip: '192.0.2.9' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
