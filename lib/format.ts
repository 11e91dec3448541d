// Wording shared by every page: counts with the right plural, and dates that name their year.

/** "1 lesson", "2 lessons"; `many` for irregular plurals ("1 activity", "3 activities"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar day ("2026-12-02", an ISO timestamp or a Date) as "2 Dec 2026", read in UTC. */
export function formatDay(day: string | Date): string {
  const iso = typeof day === 'string' ? day : day.toISOString();
  return dayFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}
