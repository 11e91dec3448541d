import type { SearchHit } from '@/lib/content/search-results';

/** A result's snippet with the matched words marked: the same on /search and in the dialog. */
export function SearchSnippet({
  snippet,
  className = '',
}: {
  snippet: SearchHit['snippet'];
  className?: string;
}) {
  return (
    <span className={`block text-sm text-zinc-700 dark:text-zinc-300 ${className}`}>
      {snippet.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded bg-amber-100 px-0.5 text-zinc-950 dark:bg-amber-300">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}

/** What a result is called: its heading, or the lesson's opening for the text above the first. */
export const hitLabel = (hit: SearchHit) => hit.heading ?? 'Introduction';
