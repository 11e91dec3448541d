import Link from 'next/link';
import type { Lesson } from '@/lib/content';

export function LessonPager({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  return (
    <nav aria-label="Lessons" className="grid gap-4 sm:grid-cols-2">
      {previous ? (
        <Link
          href={previous.href}
          rel="prev"
          className="rounded-lg border border-zinc-200 p-4 hover:border-sky-600 dark:border-zinc-800"
        >
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">Previous</span>
          <span className="font-medium text-sky-800 dark:text-sky-300">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={next.href}
          rel="next"
          className="rounded-lg border border-zinc-200 p-4 text-right hover:border-sky-600 dark:border-zinc-800"
        >
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">Next</span>
          <span className="font-medium text-sky-800 dark:text-sky-300">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
