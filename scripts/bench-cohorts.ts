// Cohort dashboard server time for cohorts of 200, 2,000 and 10,000 learners over the whole course,
// on an in-memory PGlite (and on DATABASE_URL's server when set: use a scratch database, the rows
// it adds are removed at the end). Part of `npm run bench`.
import { eq, inArray, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { cohortDueDates, cohorts, users } from '@/db/schema';
import { listLessons, listModules } from '@/lib/content';
import { computeCohortDashboard } from '@/lib/dal/cohort-dashboard';
import type { DatabaseConfig } from '@/lib/env';
import { listCourseLabs } from '@/lib/labs/server/catalog';

export const cohortSizes = [200, 2_000, 10_000] as const;

async function seed(handle: DatabaseHandle, size: number, run: string): Promise<string> {
  const db = handle.db;
  const lessonIds = listLessons().map((lesson) => lesson.id);
  const prefix = `bench-${run}-${size}-`;
  const ownerId = `${prefix}owner`;
  await db.insert(users).values({
    id: ownerId,
    name: 'Bench owner',
    email: `${ownerId}@example.test`,
    role: 'instructor',
  });
  await db.execute(sql`
    insert into users (id, name, email)
    select ${prefix} || g, 'Learner ' || g, ${prefix} || g || '@example.test' from generate_series(1, ${size}) g`);
  const [cohort] = await db
    .insert(cohorts)
    .values({
      name: `Bench ${size}`,
      ownerId,
      inviteCode: `B${run.slice(0, 3)}${String(size).padStart(5, '0')}`.slice(0, 8).toUpperCase(),
    })
    .returning({ id: cohorts.id });
  const cohortId = cohort!.id;
  await db.execute(
    sql`insert into cohort_members (cohort_id, user_id) select ${cohortId}, ${prefix} || g from generate_series(1, ${size}) g`,
  );
  // Each learner has opened about half the lessons and completed most of those; a third tried quizzes.
  await db.execute(sql`
    insert into lesson_progress (user_id, lesson_id, status, started_at, completed_at, last_opened_at, updated_at)
    select ${prefix} || g, l, case when random() < 0.7 then 'completed'::progress_status else 'started'::progress_status end,
           now() - (random() * interval '30 days'), now() - (random() * interval '20 days'), now() - (random() * interval '10 days'), now()
    from generate_series(1, ${size}) g cross join unnest(string_to_array(${lessonIds.join(',')}, ',')) l where random() < 0.5`);
  await db.execute(sql`
    insert into quiz_attempts (user_id, lesson_id, answers, correct, total, created_at)
    select ${prefix} || g, l, '[0,1,2,0]'::jsonb, floor(random() * 5)::int, 4, now() - (random() * interval '20 days')
    from generate_series(1, ${size}) g cross join unnest(string_to_array(${lessonIds.join(',')}, ',')) l where random() < 0.3`);
  // Each learner submitted about half the tasks of the labs the course's lessons embed, passing most.
  const labTasks = listCourseLabs().flatMap((lab) =>
    lab.lab.tasks.map((task) => `${lab.id} ${task.id}`),
  );
  await db.execute(sql`
    insert into lab_task_progress (user_id, lab_id, task_id, attempts, passed_at, last_attempt_at)
    select ${prefix} || g, split_part(t, ' ', 1), split_part(t, ' ', 2), 1 + floor(random() * 3)::int,
           case when random() < 0.8 then now() - (random() * interval '20 days') end, now() - (random() * interval '20 days')
    from generate_series(1, ${size}) g cross join unnest(string_to_array(${labTasks.join(',')}, ',')) t where random() < 0.5`);
  // A schedule: the first three modules were due over the past weeks, so "behind" is computed too.
  const modules = listModules().slice(0, 3);
  await db.insert(cohortDueDates).values(
    modules.map((module, index) => ({
      cohortId,
      unit: module.slug,
      dueOn: new Date(Date.now() - (3 - index) * 7 * 86_400_000).toISOString().slice(0, 10),
    })),
  );
  return cohortId;
}

export interface CohortBenchRow {
  driver: string;
  learners: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export async function benchCohorts(config: DatabaseConfig, runs = 5): Promise<CohortBenchRow[]> {
  const handle = await openDatabase(config);
  const run = Math.random().toString(36).slice(2, 8);
  const rows: CohortBenchRow[] = [];
  try {
    await handle.migrate();
    for (const size of cohortSizes) {
      const cohortId = await seed(handle, size, run);
      const [cohort] = await handle.db.select().from(cohorts).where(eq(cohorts.id, cohortId));
      await computeCohortDashboard(handle.db, cohort!, true); // warm-up
      const timings: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const start = performance.now();
        const dashboard = await computeCohortDashboard(handle.db, cohort!, true);
        timings.push(performance.now() - start);
        if (dashboard.learners.length !== size)
          throw new Error(`expected ${size} learners, got ${dashboard.learners.length}`);
      }
      timings.sort((a, b) => a - b);
      rows.push({
        driver: handle.driver,
        learners: size,
        medianMs: timings[Math.floor(runs / 2)]!,
        minMs: timings[0]!,
        maxMs: timings.at(-1)!,
      });
    }
  } finally {
    if (handle.driver !== 'pglite') {
      // Remove what the benchmark added to a server database (members, progress and attempts cascade).
      const ids = await handle.db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.id} like ${`bench-${run}-%`}`);
      if (ids.length > 0)
        await handle.db.delete(users).where(
          inArray(
            users.id,
            ids.map((row) => row.id),
          ),
        );
    }
    await handle.close();
  }
  return rows;
}
