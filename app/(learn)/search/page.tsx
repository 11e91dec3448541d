import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchResultGroups } from '@/components/search/search-result-groups';
import { Button } from '@/components/ui/button';
import { searchCourse } from '@/lib/content/search';
import { describeSearchCount, maxQueryLength } from '@/lib/content/search-results';
import { courseSearchSchema } from '@/lib/validations/search';

export const metadata: Metadata = { title: 'Search' };

const pageSize = 20;

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; page?: string | string[] }>;
}) {
  const { q: query, page } = courseSearchSchema.parse(await searchParams);
  const offset = (page - 1) * pageSize;
  const results = query ? searchCourse(query, { offset, limit: pageSize }) : null;
  const pageHref = (target: number) =>
    `/search?${new URLSearchParams({ q: query, ...(target > 1 ? { page: String(target) } : {}) })}`;
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
          maxLength={maxQueryLength}
          placeholder="For example: idempotency key"
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit">Search</Button>
      </form>
      {results ? (
        <p
          aria-live="polite"
          className="text-sm text-zinc-600 dark:text-zinc-400"
          data-testid="search-summary"
        >
          {describeSearchCount(query, results, offset)}
        </p>
      ) : null}
      {results ? <SearchResultGroups groups={results.groups} /> : null}
      {results && results.total > pageSize ? (
        <nav aria-label="Result pages" className="flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link
              href={pageHref(page - 1) as never}
              className="font-semibold text-sky-800 hover:underline dark:text-sky-300"
            >
              Previous results
            </Link>
          ) : (
            <span />
          )}
          {offset + pageSize < results.total ? (
            <Link
              href={pageHref(page + 1) as never}
              className="font-semibold text-sky-800 hover:underline dark:text-sky-300"
            >
              More results
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
