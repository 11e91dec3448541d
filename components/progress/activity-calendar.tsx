import type { ActivityDay } from '@/lib/dal/activity';

const shade = (count: number) =>
  count === 0
    ? 'bg-zinc-200 dark:bg-zinc-800'
    : count < 3
      ? 'bg-emerald-300 dark:bg-emerald-800'
      : count < 6
        ? 'bg-emerald-500 dark:bg-emerald-600'
        : 'bg-emerald-700 dark:bg-emerald-400';

const labelFormat = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The last 12 weeks as a grid of days (columns are weeks); every day has a text label. */
export function ActivityCalendar({ days }: { days: ActivityDay[] }) {
  // Start the first column on the weekday of the first day, so rows are weekdays.
  const firstWeekday = new Date(`${days[0]?.date ?? '1970-01-01'}T00:00:00Z`).getUTCDay();
  return (
    <ol
      aria-label="Activity in the last 12 weeks"
      className="grid w-fit grid-flow-col grid-rows-7 gap-1"
    >
      {Array.from({ length: firstWeekday }, (_, index) => (
        <li key={`pad-${index}`} aria-hidden="true" className="size-3.5" />
      ))}
      {days.map((day) => {
        const label = `${labelFormat.format(new Date(`${day.date}T00:00:00Z`))}: ${day.count === 0 ? 'no activity' : `${day.count} ${day.count === 1 ? 'activity' : 'activities'}`}`;
        return (
          <li key={day.date} className={`size-3.5 rounded-sm ${shade(day.count)}`} title={label}>
            <span className="sr-only">{label}</span>
          </li>
        );
      })}
    </ol>
  );
}
