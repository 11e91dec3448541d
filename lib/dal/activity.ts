import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { requireUser } from './session';

export interface ActivityDay {
  /** YYYY-MM-DD in the learner's time zone. */
  date: string;
  count: number;
}

export interface ActivitySummary {
  /** Consecutive days with activity, ending today (or yesterday, if today has none yet). */
  streak: number;
  /** The last 12 weeks, oldest first, one entry per day. */
  days: ActivityDay[];
  timeZone: string;
}

/** A time zone the database and Intl both understand, or UTC. */
export function normalizeTimeZone(timeZone: string | undefined): string {
  if (!timeZone || timeZone.length > 64) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const dayOf = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);

/**
 * Activity per day in the learner's time zone: lessons started, opened and completed, and quiz
 * attempts. Computed from those rows (no separate event log), so a lesson re-opened on several
 * days counts on the first and the latest of them.
 */
export async function getMyActivity(
  timeZoneInput: string | undefined,
  now = new Date(),
): Promise<ActivitySummary> {
  const user = await requireUser();
  const timeZone = normalizeTimeZone(timeZoneInput);
  const db = await getDb();
  const result = await db.execute(sql`
    select to_char(ts at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as count
    from (
      select started_at as ts from lesson_progress where user_id = ${user.id}
      union all select completed_at from lesson_progress where user_id = ${user.id} and completed_at is not null
      union all select last_opened_at from lesson_progress where user_id = ${user.id} and last_opened_at > started_at + interval '1 hour'
      union all select created_at from quiz_attempts where user_id = ${user.id}
    ) activity
    group by 1`);
  const counts = new Map(
    (result as unknown as { rows: { day: string; count: number }[] }).rows.map((row) => [
      row.day,
      row.count,
    ]),
  );

  // Calendar arithmetic on the learner's local date (not 24-hour steps, which slip at DST changes).
  const [year, month, date] = dayOf(now, timeZone).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const localDay = (back: number) =>
    new Date(Date.UTC(year, month - 1, date - back)).toISOString().slice(0, 10);
  const days: ActivityDay[] = [];
  for (let back = 83; back >= 0; back -= 1)
    days.push({ date: localDay(back), count: counts.get(localDay(back)) ?? 0 });
  let streak = 0;
  for (let back = counts.has(localDay(0)) ? 0 : 1; counts.has(localDay(back)); back += 1)
    streak += 1;
  return { streak, days, timeZone };
}
