import type { ActivityDay } from '@/lib/dal/activity';
import { plural } from '@/lib/format';

const levels = [
  { label: 'none', max: 0, className: 'bg-zinc-200 dark:bg-zinc-800' },
  { label: '1–2', max: 2, className: 'bg-emerald-300 dark:bg-emerald-800' },
  { label: '3–5', max: 5, className: 'bg-emerald-500 dark:bg-emerald-600' },
  { label: '6 or more', max: Infinity, className: 'bg-emerald-700 dark:bg-emerald-400' },
] as const;

const shade = (count: number) => levels.find((level) => count <= level.max)!.className;

const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const labelFormat = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });
// Rows are weekdays from Sunday; every other one is named, as in most activity calendars.
const weekdayLabels = ['', 'Mon', '', 'Wed', '', 'Fri', ''];

/**
 * The last 12 weeks as a grid of days (columns are weeks, rows weekdays), with month and weekday
 * labels and a legend of the shades; every day also has a text label for screen readers.
 */
export function ActivityCalendar({ days }: { days: ActivityDay[] }) {
  // Start the first column on the weekday of the first day, so rows are weekdays.
  const firstWeekday = utc(days[0]?.date ?? '1970-01-01').getUTCDay();
  const weeks = Math.ceil((firstWeekday + days.length) / 7);
  // A month is named above the week holding its first day (the first week: if it has time to show).
  const months = Array.from({ length: weeks }, (_, week) => {
    const inWeek = days.slice(Math.max(0, week * 7 - firstWeekday), week * 7 + 7 - firstWeekday);
    const first = inWeek.find((day) => day.date.endsWith('-01'));
    if (first) return monthFormat.format(utc(first.date));
    const start = inWeek[0];
    return week === 0 && start && Number(start.date.slice(8)) <= 14
      ? monthFormat.format(utc(start.date))
      : '';
  });
  return (
    <div className="space-y-2">
      <div className="flex gap-1">
        <div aria-hidden="true" className="grid grid-rows-7 gap-1 pt-5 text-[10px] leading-3.5">
          {weekdayLabels.map((label, index) => (
            <span key={index} className="h-3.5 pr-1 text-zinc-600 dark:text-zinc-400">
              {label}
            </span>
          ))}
        </div>
        <div className="space-y-1">
          <div aria-hidden="true" className="grid h-4 auto-cols-[0.875rem] grid-flow-col gap-1">
            {months.map((month, index) => (
              <span
                key={index}
                className="text-[10px] whitespace-nowrap text-zinc-600 dark:text-zinc-400"
              >
                {month}
              </span>
            ))}
          </div>
          <ol
            aria-label="Activity in the last 12 weeks"
            className="grid w-fit grid-flow-col grid-rows-7 gap-1"
          >
            {Array.from({ length: firstWeekday }, (_, index) => (
              <li key={`pad-${index}`} aria-hidden="true" className="size-3.5" />
            ))}
            {days.map((day) => {
              const label = `${labelFormat.format(utc(day.date))}: ${day.count === 0 ? 'no activity' : plural(day.count, 'activity', 'activities')}`;
              return (
                <li
                  key={day.date}
                  className={`size-3.5 rounded-sm ${shade(day.count)}`}
                  title={label}
                >
                  <span className="sr-only">{label}</span>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
      <ul
        aria-label="Activities per day"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400"
      >
        {levels.map((level) => (
          <li key={level.label} className="flex items-center gap-1">
            <span aria-hidden="true" className={`size-3.5 rounded-sm ${level.className}`} />
            {level.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
