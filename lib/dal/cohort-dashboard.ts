import 'server-only';
// The numbers behind a cohort dashboard, computed from a handful of aggregate queries (never one
// per learner). No access checks here: callers (lib/dal/cohorts.ts, the benchmark) do those.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cohortMembers, cohorts, lessonProgress, quizAttempts, users } from '@/db/schema';
import { listLessons, listModules } from '@/lib/content';
import { passRatio } from './quiz-rules';

/** "K7M2QX9P" → "K7M2-QX9P", for display. */
export const formatInviteCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export type CellState = 'not-started' | 'started' | 'completed';

export interface CohortDashboard {
  cohort: {
    id: string;
    name: string;
    inviteCode: string | null;
    enrolmentOpen: boolean;
    canManage: boolean;
    inactiveDays: number;
    failedQuizAttempts: number;
  };
  summary: { members: number; averageCompletion: number; activeLast7Days: number; atRisk: number };
  lessons: { id: string; title: string; moduleSlug: string; quizAverage: number | null }[];
  modules: { slug: string; title: string; completion: number }[];
  learners: {
    id: string;
    name: string;
    role: 'learner' | 'lead';
    completed: number;
    completion: number;
    lastActiveAt: string | null;
    cells: Record<
      string,
      { state: CellState; completedAt: string | null; bestScore: number | null }
    >;
    risks: string[];
  }[];
}

/**
 * The cohort dashboard from a handful of aggregate queries (never one per learner): members,
 * their progress rows, their last activity, and per-lesson quiz results.
 */
export async function computeCohortDashboard(
  db: Database,
  cohort: typeof cohorts.$inferSelect,
  canManage: boolean,
  now = new Date(),
): Promise<CohortDashboard> {
  const members = await db
    .select({
      id: users.id,
      name: users.name,
      role: cohortMembers.role,
      joinedAt: cohortMembers.joinedAt,
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .where(eq(cohortMembers.cohortId, cohort.id))
    .orderBy(users.name);
  const memberIds = db
    .select({ id: cohortMembers.userId })
    .from(cohortMembers)
    .where(eq(cohortMembers.cohortId, cohort.id));
  const progressRows = await db
    .select({
      userId: lessonProgress.userId,
      lessonId: lessonProgress.lessonId,
      status: lessonProgress.status,
      completedAt: lessonProgress.completedAt,
    })
    .from(lessonProgress)
    .where(inArray(lessonProgress.userId, memberIds));
  const activityRows = await db
    .select({
      userId: lessonProgress.userId,
      last: sql<
        Date | string | null
      >`max(greatest(${lessonProgress.lastOpenedAt}, ${lessonProgress.updatedAt}))`,
    })
    .from(lessonProgress)
    .where(inArray(lessonProgress.userId, memberIds))
    .groupBy(lessonProgress.userId);
  const quizRows = await db
    .select({
      userId: quizAttempts.userId,
      lessonId: quizAttempts.lessonId,
      best: sql<number>`max(${quizAttempts.correct}::float / ${quizAttempts.total})`,
      failed: sql<number>`count(*) filter (where ${quizAttempts.correct}::float / ${quizAttempts.total} < ${passRatio})::int`,
      last: sql<Date | string>`max(${quizAttempts.createdAt})`,
    })
    .from(quizAttempts)
    .where(inArray(quizAttempts.userId, memberIds))
    .groupBy(quizAttempts.userId, quizAttempts.lessonId);

  const lessons = listLessons();
  const toDate = (value: Date | string | null) => (value === null ? null : new Date(value));
  const lastActive = new Map<string, Date>();
  const bump = (userId: string, at: Date | null) => {
    if (at && (!lastActive.has(userId) || at > lastActive.get(userId)!)) lastActive.set(userId, at);
  };
  for (const row of activityRows) bump(row.userId, toDate(row.last));
  for (const row of quizRows) bump(row.userId, toDate(row.last));

  const day = 86_400_000;
  // Group the rows by learner once, so assembling the table is linear in the number of rows.
  const byUser = <T extends { userId: string }>(rows: T[]) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const group = groups.get(row.userId);
      if (group) group.push(row);
      else groups.set(row.userId, [row]);
    }
    return groups;
  };
  const progressByUser = byUser(progressRows);
  const quizByUser = byUser(quizRows);
  const titles = new Map(lessons.map((lesson) => [lesson.id, lesson.title]));
  const learners = members.map((member) => {
    const cells: CohortDashboard['learners'][number]['cells'] = {};
    for (const lesson of lessons)
      cells[lesson.id] = { state: 'not-started', completedAt: null, bestScore: null };
    for (const row of progressByUser.get(member.id) ?? []) {
      if (cells[row.lessonId]) {
        cells[row.lessonId] = {
          ...cells[row.lessonId]!,
          state: row.status,
          completedAt: row.completedAt?.toISOString() ?? null,
        };
      }
    }
    const risks: string[] = [];
    for (const row of quizByUser.get(member.id) ?? []) {
      if (cells[row.lessonId]) cells[row.lessonId]!.bestScore = Math.round(row.best * 100);
      if (row.failed >= cohort.failedQuizAttempts) {
        const title = titles.get(row.lessonId) ?? row.lessonId;
        risks.push(`Failed the quiz of "${title}" ${row.failed} times`);
      }
    }
    const last = lastActive.get(member.id) ?? null;
    const idleSince = last ?? member.joinedAt;
    const idleDays = Math.floor((now.getTime() - idleSince.getTime()) / day);
    if (idleDays >= cohort.inactiveDays) risks.unshift(`Inactive for ${idleDays} days`);
    const completed = Object.values(cells).filter((cell) => cell.state === 'completed').length;
    return {
      id: member.id,
      name: member.name ?? 'Unnamed learner',
      role: member.role,
      completed,
      completion: lessons.length ? Math.round((completed / lessons.length) * 100) : 0,
      lastActiveAt: last?.toISOString() ?? null,
      cells,
      risks,
    };
  });

  const quizAverage = (lessonId: string) => {
    const scores = learners
      .map((learner) => learner.cells[lessonId]?.bestScore)
      .filter((score): score is number => score !== null && score !== undefined);
    return scores.length
      ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length)
      : null;
  };
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      inviteCode: canManage ? formatInviteCode(cohort.inviteCode) : null,
      enrolmentOpen: cohort.enrolmentOpen,
      canManage,
      inactiveDays: cohort.inactiveDays,
      failedQuizAttempts: cohort.failedQuizAttempts,
    },
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
    lessons: lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      moduleSlug: lesson.moduleSlug,
      quizAverage: quizAverage(lesson.id),
    })),
    modules: listModules().map((module) => {
      const ids = module.lessons.map((lesson) => lesson.id);
      const done = learners.reduce(
        (sum, learner) => sum + ids.filter((id) => learner.cells[id]?.state === 'completed').length,
        0,
      );
      return {
        slug: module.slug,
        title: module.title,
        completion:
          learners.length && ids.length
            ? Math.round((done / (learners.length * ids.length)) * 100)
            : 0,
      };
    }),
    learners,
  };
}
