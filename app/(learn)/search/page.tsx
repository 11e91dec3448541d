import type { Metadata } from 'next';
import Link from 'next/link';
import { searchCourse } from '@/lib/content/search';

export const metadata: Metadata = { title: 'Search' };

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { q } = await searchParams;
  const query = typeof q === 'string' ? q.slice(0, 200) : '';
  const hits = query ? searchCourse(query) : [];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Search the course
      </h1>
      {/* A plain GET form: search works without JavaScript. */}
      <form role="search" action="/search" className="flex gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search lessons
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="For example: idempotency key"
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800"
        >
          Search
        </button>
      </form>
      {query ? (
        <p
          aria-live="polite"
          className="text-sm text-zinc-600 dark:text-zinc-400"
          data-testid="search-summary"
        >
          {hits.length === 0
            ? `No results for “${query}”.`
            : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”.`}
        </p>
      ) : null}
      <ol className="space-y-5">
        {hits.map((hit) => (
          <li key={hit.href}>
            <Link href={hit.href as never} className="group block space-y-1">
              <span className="block font-semibold text-sky-800 group-hover:underline dark:text-sky-300">
                {hit.lessonTitle}
                {hit.heading ? (
                  <span className="font-normal text-zinc-600 dark:text-zinc-400">
                    {' '}
                    › {hit.heading}
                  </span>
                ) : null}
              </span>
              <span className="block text-sm text-zinc-700 dark:text-zinc-300">
                {hit.snippet.map((part, index) =>
                  part.match ? (
                    <mark
                      key={index}
                      className="rounded bg-amber-100 px-0.5 text-zinc-950 dark:bg-amber-300"
                    >
                      {part.text}
                    </mark>
                  ) : (
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
