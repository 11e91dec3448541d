import Link from 'next/link';
import type { SearchGroup } from '@/lib/content/search-results';
import { hitLabel, SearchSnippet } from './search-snippet';

/** /search's results, grouped by lesson: plain links, so they work without JavaScript. */
export function SearchResultGroups({ groups }: { groups: SearchGroup[] }) {
  return (
    <div className="space-y-8">
      {groups.map((group) => (
        <section key={group.lessonId} aria-labelledby={`results-${group.lessonId}`}>
          <h2
            id={`results-${group.lessonId}`}
            className="text-lg font-semibold text-zinc-950 dark:text-white"
          >
            <Link href={group.href as never} className="hover:underline">
              {group.lessonTitle}
            </Link>
            <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">
              {group.moduleTitle}
            </span>
          </h2>
          <ol className="mt-3 space-y-4 border-l border-zinc-200 pl-4 dark:border-zinc-800">
            {group.hits.map((hit, index) => (
              <li key={index}>
                <Link href={hit.href as never} className="group block space-y-1">
                  <span className="block font-semibold text-sky-800 group-hover:underline dark:text-sky-300">
                    {hitLabel(hit)}
                  </span>
                  <SearchSnippet snippet={hit.snippet} />
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
