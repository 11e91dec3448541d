import 'server-only';
// The numbers behind a cohort dashboard, from four aggregate queries whatever the cohort's size:
// members, progress and quiz results each folded into one row per learner by Postgres, and the
// schedule. No access checks here: callers (lib/dal/cohorts.ts, the benchmark) do those.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cohortDueDates, cohorts } from '@/db/schema';
import { listLessons, listModules } from '@/lib/content';
import { passRatio } from './quiz-rules';

/** "K7M2QX9P" → "K7M2-QX9P", for display. */
export const formatInviteCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export type CellState = 'not-started' | 'started' | 'completed';

/** One learner × lesson cell. Completion dates are in the CSV export, not on the dashboard. */
export interface Cell {
  state: CellState;
  bestScore: number | null;
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
    moduleSlug: string;
    /** The lesson's own due date, else its module's. */
    dueOn: string | null;
    quizAverage: number | null;
  }[];
  modules: { slug: string; title: string; completion: number; dueOn: string | null }[];
  learners: LearnerRow[];
}

const day = 86_400_000;
const notStarted: Cell = Object.freeze({ state: 'not-started', bestScore: null });
const started: Cell = Object.freeze({ state: 'started', bestScore: null });
const completed: Cell = Object.freeze({ state: 'completed', bestScore: null });
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

interface MemberRow {
  id: string;
  name: string | null;
  role: 'learner' | 'lead';
  joinedAt: Date | string;
  /** "lesson-id c|s" lines, one per progress row. */
  progress: string | null;
  lastProgress: Date | string | null;
  /** "lesson-id best-percent failed-count" lines, one per quiz tried. */
  quizzes: string | null;
  lastQuiz: Date | string | null;
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
  const onlyThisUser = onlyUserId ? sql`and m.user_id = ${onlyUserId}` : sql``;
  // Each learner's progress and quiz results arrive folded into one text column per learner, so
  // the driver materializes one row per learner instead of one per learner and lesson.
  const result = await db.execute(sql`
    with members as (
      select m.user_id, m.role, m.joined_at
      from cohort_members m
      where m.cohort_id = ${cohort.id} ${onlyThisUser}
    ),
    progress as (
      select p.user_id,
             string_agg(p.lesson_id || case when p.status = 'completed' then ' c' else ' s' end,
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
             max(q.created_at) as last
      from quiz_attempts q
      join members m on m.user_id = q.user_id
      group by q.user_id, q.lesson_id
    ),
    quizzes as (
      select user_id, string_agg(lesson_id || ' ' || best || ' ' || failed, E'\n') as quizzes,
             max(last) as last_quiz
      from per_quiz
      group by user_id
    )
    select u.id, u.name, m.role, m.joined_at as "joinedAt", p.progress,
           p.last_progress as "lastProgress", q.quizzes, q.last_quiz as "lastQuiz"
    from members m
    join users u on u.id = m.user_id
    left join progress p on p.user_id = m.user_id
    left join quizzes q on q.user_id = m.user_id
    order by u.name, u.id`);
  const members = (result as unknown as { rows: MemberRow[] }).rows;
  const dueRows = await db
    .select({ unit: cohortDueDates.unit, dueOn: cohortDueDates.dueOn })
    .from(cohortDueDates)
    .where(eq(cohortDueDates.cohortId, cohort.id));

  const lessons = listLessons();
  const modules = listModules();
  const schedule = Object.fromEntries(dueRows.map((row) => [row.unit, row.dueOn]));
  const dueOn = new Map(
    lessons.map((lesson) => [
      lesson.id,
      schedule[lesson.id] ?? schedule[lesson.moduleSlug] ?? null,
    ]),
  );
  const today = now.toISOString().slice(0, 10);
  // Due "on" a day means by the end of it: overdue from the next day.
  const overdue = lessons.filter((lesson) => {
    const due = dueOn.get(lesson.id);
    return due !== null && due !== undefined && due < today;
  });
  const titles = new Map(lessons.map((lesson) => [lesson.id, lesson.title]));
  const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));

  const learners = members.map((member): LearnerRow => {
    const cells: Record<string, Cell> = {};
    for (const lesson of lessons) cells[lesson.id] = notStarted;
    for (const line of member.progress?.split('\n') ?? []) {
      const lessonId = line.slice(0, -2);
      if (cells[lessonId]) cells[lessonId] = line.endsWith('c') ? completed : started;
    }
    const risks: LearnerRow['risks'] = [];
    for (const line of member.quizzes?.split('\n') ?? []) {
      const [lessonId = '', best, failedText] = line.split(' ');
      const cell = cells[lessonId];
      if (!cell) continue;
      cells[lessonId] = { ...cell, bestScore: Number(best) };
      const failed = Number(failedText);
      if (failed >= cohort.failedQuizAttempts) {
        risks.push({
          kind: 'quiz',
          text: `Failed the quiz of "${titles.get(lessonId) ?? lessonId}" ${plural(failed, 'time')}`,
        });
      }
    }
    const lastProgress = toDate(member.lastProgress);
    const lastQuiz = toDate(member.lastQuiz);
    const last =
      lastProgress && lastQuiz
        ? lastProgress > lastQuiz
          ? lastProgress
          : lastQuiz
        : (lastProgress ?? lastQuiz);
    const behind = overdue.filter((lesson) => cells[lesson.id]!.state !== 'completed').length;
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
    let done = 0;
    for (const lesson of lessons) if (cells[lesson.id]!.state === 'completed') done += 1;
    return {
      id: member.id,
      name: member.name ?? 'Unnamed learner',
      role: member.role,
      completed: done,
      completion: lessons.length ? Math.round((done / lessons.length) * 100) : 0,
      lastActiveAt: last?.toISOString() ?? null,
      behind,
      cells,
      risks,
    };
  });

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
      moduleSlug: lesson.moduleSlug,
      dueOn: dueOn.get(lesson.id) ?? null,
      quizAverage: quizAverage(lesson.id),
    })),
    modules: modules.map((module) => {
      const ids = module.lessons.map((lesson) => lesson.id);
      let done = 0;
      for (const learner of learners)
        for (const id of ids) if (learner.cells[id]?.state === 'completed') done += 1;
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
