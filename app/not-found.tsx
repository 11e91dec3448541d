import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold text-zinc-950 dark:text-white">Page not found</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        There is no page at this address. The lesson may have moved.
      </p>
      <Link href="/learn" className="font-semibold text-sky-800 underline dark:text-sky-300">
        Browse the course
      </Link>
    </div>
  );
}
