import Link from 'next/link';

const linkClassName = 'font-semibold text-sky-800 underline dark:text-sky-300';

/** The body of a 403 page: what the page is for, who may open it, and where to go instead. */
export function ForbiddenNotice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold text-zinc-950 dark:text-white">{title}</h1>
      <div className="space-y-2 text-zinc-700 dark:text-zinc-300">{children}</div>
      <p className="flex flex-wrap justify-center gap-6">
        <Link href="/dashboard" className={linkClassName}>
          Your dashboard
        </Link>
        <Link href="/learn" className={linkClassName}>
          Browse the course
        </Link>
      </p>
    </div>
  );
}
