import 'server-only';
// The numbers behind a cohort dashboard, from two queries whatever the cohort's size: members,
// progress, quiz results and lab tasks passed each folded into one row per learner by Postgres, and
// the schedule. No access checks here: callers (lib/dal/cohorts.ts, the benchmark) do those.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cohortDueDates, cohorts, type ProgressStatus } from '@/db/schema';
import { listLessons, listModules } from '@/lib/content';
import { plural } from '@/lib/format';
import { listLessonLabs } from '@/lib/labs/server/catalog';
import type { LabTaskCount } from './labs';
import { deriveLessonState, isCompletedState, type LessonState } from './lesson-state';
import { passingAttempt } from './quiz-passing';
import { passRatio } from './quiz-rules';

/** "K7M2QX9P" → "K7M2-QX9P", for display. */
export const formatInviteCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/** A learner's state on a lesson, as the learner's own pages name it (lib/dal/lesson-state.ts). */
export type CellState = LessonState;

/** One learner × lesson cell. */
export interface Cell {
  state: CellState;
  bestScore: number | null;
  completedAt: string | null;
  /** Tasks passed of the lesson's labs (the lesson's "Practice"), or null when it embeds none. */
  practice: LabTaskCount | null;
}

export type RiskKind = 'inactive' | 'behind' | 'quiz';

export interface LearnerRow {
  id: string;
  name: string;
  role: 'learner' | 'lead';
  completed: number;
  completion: number;
  lastActiveAt: string | null;
  /** Lessons past their due date and not completed. */
  behind: number;
  cells: Record<string, Cell>;
  /** Lab tasks passed over every lab the course's lessons embed. */
  labTasks: LabTaskCount;
  risks: { kind: RiskKind; text: string }[];
}

export interface CohortDashboard {
  cohort: {
    id: string;
    name: string;
    inviteCode: string | null;
    enrolmentOpen: boolean;
    canManage: boolean;
    startsOn: string | null;
    endsOn: string | null;
    inactiveDays: number;
    failedQuizAttempts: number;
    behindLessons: number;
  };
  /** The day the dashboard judges by (YYYY-MM-DD, UTC). */
  today: string;
  summary: { members: number; averageCompletion: number; activeLast7Days: number; atRisk: number };
  /** Due dates as set: module slug or lesson id → YYYY-MM-DD. */
  schedule: Record<string, string>;
  lessons: {
    id: string;
    title: string;
    href: string;
    moduleSlug: string;
    /** The lesson's own due date, else its module's. */
    dueOn: string | null;
    quizAverage: number | null;
  }[];
  modules: { slug: string; title: string; completion: number; dueOn: string | null }[];
  learners: LearnerRow[];
}

const day = 86_400_000;
const notStarted: Cell = Object.freeze({
  state: 'not-started',
  bestScore: null,
  completedAt: null,
  practice: null,
});

interface MemberRow {
  id: string;
  name: string | null;
  email: string;
  role: 'learner' | 'lead';
  joinedAt: Date | string;
  /** "lesson-id c|s completed-at-ms" lines, one per progress row. */
  progress: string | null;
  lastProgress: Date | string | null;
  /** "lesson-id best-percent failed-count passed(0|1)" lines, one per quiz tried. */
  quizzes: string | null;
  lastQuiz: Date | string | null;
  /** "lesson-id passed-count" lines, one per lesson with a lab task passed. */
  practice: string | null;
  /** The last lab submission (passed or not): practising is activity too. */
  lastLab: Date | string | null;
}

/**
 * The tasks of the labs each lesson embeds: totals per lesson, and every task (lab id, task id, its
 * lesson's id) as three aligned comma-separated lists that the query unnests into a table, so the
 * query takes three parameters whatever the number of labs (ids are kebab-case and lesson ids
 * "module/slug": no commas). Tasks since removed from a lab, and labs no lesson embeds, are not in
 * it, so they do not count.
 */
interface LabTaskIndex {
  totals: Map<string, number>;
  total: number;
  labIds: string;
  taskIds: string;
  keyLessons: string;
}

function indexLabTasks(lessons: { id: string }[]): LabTaskIndex {
  const totals = new Map<string, number>();
  const labIds: string[] = [];
  const taskIds: string[] = [];
  const keyLessons: string[] = [];
  for (const lesson of lessons) {
    const labs = listLessonLabs(lesson.id);
    if (labs.length === 0) continue;
    let count = 0;
    for (const lab of labs)
      for (const task of lab.lab.tasks) {
        labIds.push(lab.id);
        taskIds.push(task.id);
        keyLessons.push(lesson.id);
        count += 1;
      }
    totals.set(lesson.id, count);
  }
  return {
    totals,
    total: labIds.length,
    labIds: labIds.join(','),
    taskIds: taskIds.join(','),
    keyLessons: keyLessons.join(','),
  };
}

/**
 * Members in name order with their progress and quiz results, each folded into one text column
 * per member, so the driver materializes one row per member instead of one per member and lesson.
 * `page` reads one block of members (the CSV export streams the cohort block by block).
 */
async function queryMembers(
  db: Database,
  cohortId: string,
  labTasks: LabTaskIndex,
  { onlyUserId, page }: { onlyUserId?: string; page?: { limit: number; offset: number } } = {},
): Promise<MemberRow[]> {
  const onlyThisUser = onlyUserId ? sql`and m.user_id = ${onlyUserId}` : sql``;
  const block = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  const result = await db.execute(sql`
    with members as (
      select m.user_id, m.role, m.joined_at, u.name, u.email
      from cohort_members m
      join users u on u.id = m.user_id
      where m.cohort_id = ${cohortId} ${onlyThisUser}
      order by u.name, u.id
      ${block}
    ),
    progress as (
      select p.user_id,
             string_agg(p.lesson_id || case when p.status = 'completed' then ' c ' else ' s ' end
                        || coalesce(floor(extract(epoch from p.completed_at) * 1000)::bigint::text, ''),
                        E'\n') as progress,
             max(greatest(p.last_opened_at, p.updated_at)) as last_progress
      from lesson_progress p
      join members m on m.user_id = p.user_id
      group by p.user_id
    ),
    per_quiz as (
      select q.user_id, q.lesson_id,
             round(max(q.correct::float / q.total) * 100)::int as best,
             count(*) filter (where q.correct::float / q.total < ${passRatio})::int as failed,
             bool_or(${passingAttempt(sql`q.correct`, sql`q.total`)})::int as passed,
             max(q.created_at) as last
      from quiz_attempts q
      join members m on m.user_id = q.user_id
      group by q.user_id, q.lesson_id
    ),
    quizzes as (
      select user_id,
             string_agg(lesson_id || ' ' || best || ' ' || failed || ' ' || passed, E'\n') as quizzes,
             max(last) as last_quiz
      from per_quiz
      group by user_id
    ),
    lab_tasks as (
      select * from unnest(string_to_array(${labTasks.labIds}, ','),
                           string_to_array(${labTasks.taskIds}, ','),
                           string_to_array(${labTasks.keyLessons}, ',')) as t(lab_id, task_id, lesson_id)
    ),
    per_lesson_labs as (
      select t.user_id, k.lesson_id, count(*)::int as passed
      from lab_task_progress t
      join members m on m.user_id = t.user_id
      join lab_tasks k on k.lab_id = t.lab_id and k.task_id = t.task_id
      where t.passed_at is not null
      group by t.user_id, k.lesson_id
    ),
    practice as (
      select user_id, string_agg(lesson_id || ' ' || passed, E'\n') as practice
      from per_lesson_labs
      group by user_id
    ),
    lab_activity as (
      select t.user_id, max(t.last_attempt_at) as last_lab
      from lab_task_progress t
      join members m on m.user_id = t.user_id
      group by t.user_id
    )
    select m.user_id as id, m.name, m.email, m.role, m.joined_at as "joinedAt", p.progress,
           p.last_progress as "lastProgress", q.quizzes, q.last_quiz as "lastQuiz",
           l.practice, a.last_lab as "lastLab"
    from members m
    left join progress p on p.user_id = m.user_id
    left join quizzes q on q.user_id = m.user_id
    left join practice l on l.user_id = m.user_id
    left join lab_activity a on a.user_id = m.user_id
    order by m.name, m.user_id`);
  return (result as unknown as { rows: MemberRow[] }).rows;
}

/** What judging a learner needs besides their own rows: the course, the schedule and the day. */
interface Judging {
  cohort: typeof cohorts.$inferSelect;
  now: Date;
  today: string;
  lessons: ReturnType<typeof listLessons>;
  schedule: Record<string, string>;
  dueOn: Map<string, string | null>;
  labTasks: LabTaskIndex;
}

async function loadJudging(
  db: Database,
  cohort: typeof cohorts.$inferSelect,
  now: Date,
): Promise<Judging> {
  const dueRows = await db
    .select({ unit: cohortDueDates.unit, dueOn: cohortDueDates.dueOn })
    .from(cohortDueDates)
    .where(eq(cohortDueDates.cohortId, cohort.id));
  const lessons = listLessons();
  const schedule = Object.fromEntries(dueRows.map((row) => [row.unit, row.dueOn]));
  const dueOn = new Map(
    lessons.map((lesson) => [
      lesson.id,
      schedule[lesson.id] ?? schedule[lesson.moduleSlug] ?? null,
    ]),
  );
  return {
    cohort,
    now,
    today: now.toISOString().slice(0, 10),
    lessons,
    schedule,
    dueOn,
    labTasks: indexLabTasks(lessons),
  };
}

/** One member's row of the dashboard: cell states, completion, last activity and risks. */
function toLearnerRow(member: MemberRow, judging: Judging): LearnerRow {
  const { cohort, now, today, lessons } = judging;
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));
  const status = new Map<string, { status: ProgressStatus; completedAt: string | null }>();
  for (const line of member.progress?.split('\n') ?? []) {
    const [lessonId = '', flag, completedMs] = line.split(' ');
    status.set(lessonId, {
      status: flag === 'c' ? 'completed' : 'started',
      completedAt: completedMs ? new Date(Number(completedMs)).toISOString() : null,
    });
  }
  const quizzes = new Map<string, { best: number; passed: boolean }>();
  const risks: LearnerRow['risks'] = [];
  for (const line of member.quizzes?.split('\n') ?? []) {
    const [lessonId = '', best, failedText, passed] = line.split(' ');
    const lesson = byId.get(lessonId);
    if (!lesson) continue;
    quizzes.set(lessonId, { best: Number(best), passed: passed === '1' });
    const failed = Number(failedText);
    if (failed >= cohort.failedQuizAttempts) {
      risks.push({
        kind: 'quiz',
        text: `Failed the quiz of "${lesson.title}" ${plural(failed, 'time')}`,
      });
    }
  }
  const passedTasks = new Map<string, number>();
  for (const line of member.practice?.split('\n') ?? []) {
    const [lessonId = '', passed] = line.split(' ');
    passedTasks.set(lessonId, Number(passed));
  }
  const cells: Record<string, Cell> = {};
  let done = 0;
  let labTasksPassed = 0;
  for (const lesson of lessons) {
    const progress = status.get(lesson.id);
    const quiz = quizzes.get(lesson.id);
    const labTotal = judging.labTasks.totals.get(lesson.id);
    const practice =
      labTotal === undefined ? null : { done: passedTasks.get(lesson.id) ?? 0, total: labTotal };
    labTasksPassed += practice?.done ?? 0;
    if (!progress && !quiz) {
      cells[lesson.id] = practice ? { ...notStarted, practice } : notStarted;
      continue;
    }
    const state = deriveLessonState({
      status: progress?.status,
      hasQuiz: lesson.quiz.length > 0,
      quizPassed: quiz?.passed ?? false,
    });
    if (isCompletedState(state)) done += 1;
    cells[lesson.id] = {
      state,
      bestScore: quiz?.best ?? null,
      completedAt: progress?.completedAt ?? null,
      practice,
    };
  }
  const last = [member.lastProgress, member.lastQuiz, member.lastLab]
    .map(toDate)
    .reduce<Date | null>(
      (latest, date) => (date && (!latest || date > latest) ? date : latest),
      null,
    );
  // Due "on" a day means by the end of it: overdue from the next day.
  const behind = lessons.filter((lesson) => {
    const due = judging.dueOn.get(lesson.id);
    return (
      due !== null && due !== undefined && due < today && !isCompletedState(cells[lesson.id]!.state)
    );
  }).length;
  if (behind >= cohort.behindLessons && behind > 0)
    risks.unshift({ kind: 'behind', text: `Behind the schedule by ${plural(behind, 'lesson')}` });
  const idleSince = last ?? toDate(member.joinedAt)!;
  const idleDays = Math.floor((now.getTime() - idleSince.getTime()) / day);
  if (idleDays >= cohort.inactiveDays)
    risks.unshift({
      kind: 'inactive',
      text: last
        ? `Inactive for ${plural(idleDays, 'day')}`
        : `No activity in the ${plural(idleDays, 'day')} since joining`,
    });
  return {
    id: member.id,
    name: member.name ?? 'Unnamed learner',
    role: member.role,
    completed: done,
    completion: lessons.length ? Math.round((done / lessons.length) * 100) : 0,
    lastActiveAt: last?.toISOString() ?? null,
    behind,
    cells,
    labTasks: { done: labTasksPassed, total: judging.labTasks.total },
    risks,
  };
}

/**
 * Every member's dashboard row with their e-mail address, block by block in name order, so a
 * caller that writes them out (the CSV export) holds one block in memory whatever the cohort's size.
 */
export async function* listLearnerRowBlocks(
  db: Database,
  cohort: typeof cohorts.$inferSelect,
  now = new Date(),
  blockSize = 500,
): AsyncGenerator<{ learner: LearnerRow; email: string }[]> {
  const judging = await loadJudging(db, cohort, now);
  for (let offset = 0; ; offset += blockSize) {
    const members = await queryMembers(db, cohort.id, judging.labTasks, {
      page: { limit: blockSize, offset },
    });
    if (members.length === 0) return;
    yield members.map((member) => ({
      learner: toLearnerRow(member, judging),
      email: member.email,
    }));
    if (members.length < blockSize) return;
  }
}

/**
 * The cohort dashboard. With `onlyUserId`, the same figures for that one member: what the
 * dashboard shows about them, for "What my cohort leads see".
 */
export async function computeCohortDashboard(
  db: Database,
  cohort: typeof cohorts.$inferSelect,
  canManage: boolean,
  now = new Date(),
  { onlyUserId }: { onlyUserId?: string } = {},
): Promise<CohortDashboard> {
  const judging = await loadJudging(db, cohort, now);
  const members = await queryMembers(db, cohort.id, judging.labTasks, { onlyUserId });
  const { lessons, schedule, dueOn, today } = judging;
  const modules = listModules();
  const learners = members.map((member) => toLearnerRow(member, judging));

  const quizAverage = (lessonId: string) => {
    let sum = 0;
    let count = 0;
    for (const learner of learners) {
      const score = learner.cells[lessonId]?.bestScore;
      if (score !== null && score !== undefined) {
        sum += score;
        count += 1;
      }
    }
    return count ? Math.round(sum / count) : null;
  };
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      inviteCode: canManage ? formatInviteCode(cohort.inviteCode) : null,
      enrolmentOpen: cohort.enrolmentOpen,
      canManage,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      inactiveDays: cohort.inactiveDays,
      failedQuizAttempts: cohort.failedQuizAttempts,
      behindLessons: cohort.behindLessons,
    },
    today,
    summary: {
      members: learners.length,
      averageCompletion: learners.length
        ? Math.round(
            learners.reduce((sum, learner) => sum + learner.completion, 0) / learners.length,
          )
        : 0,
      activeLast7Days: learners.filter(
        (learner) =>
          learner.lastActiveAt && now.getTime() - Date.parse(learner.lastActiveAt) < 7 * day,
      ).length,
      atRisk: learners.filter((learner) => learner.risks.length > 0).length,
    },
    schedule,
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      href: lesson.href,
      moduleSlug: lesson.moduleSlug,
      dueOn: dueOn.get(lesson.id) ?? null,
      quizAverage: quizAverage(lesson.id),
    })),
    modules: modules.map((module) => {
      const ids = module.lessons.map((lesson) => lesson.id);
      let done = 0;
      for (const learner of learners)
        for (const id of ids) {
          const cell = learner.cells[id];
          if (cell && isCompletedState(cell.state)) done += 1;
        }
      return {
        slug: module.slug,
        title: module.title,
        dueOn: schedule[module.slug] ?? null,
        completion:
          learners.length && ids.length
            ? Math.round((done / (learners.length * ids.length)) * 100)
            : 0,
      };
    }),
    learners,
  };
}
