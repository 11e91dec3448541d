import Link from 'next/link';

/** A short full-page message with a way on, for refusals and empty states. */
export function NoticePage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold text-zinc-950 dark:text-white">{title}</h1>
      <div className="text-zinc-700 dark:text-zinc-300">{children}</div>
      <Link href="/learn" className="font-semibold text-sky-800 underline dark:text-sky-300">
        Browse the course
      </Link>
    </div>
  );
}
