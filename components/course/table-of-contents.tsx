import type { Heading } from '@/lib/content';

/**
 * The lesson's sections. A disclosure, closed at first, on narrow screens (where it sits between
 * the objectives and the text); always open in the wide layout's rail, where the summary is only
 * its title.
 */
export function TableOfContents({ headings, id }: { headings: Heading[]; id: string }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-labelledby={id} className="text-sm" data-toc>
      <details className="group lg:[&::details-content]:[content-visibility:visible]">
        <summary
          id={id}
          className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md font-semibold text-zinc-950 lg:pointer-events-none lg:mb-3 lg:min-h-0 lg:list-none dark:text-white [&::-webkit-details-marker]:hidden"
        >
          <span aria-hidden="true" className="text-zinc-500 group-open:rotate-90 lg:hidden">
            ▸
          </span>
          On this page
        </summary>
        <ol className="mt-2 space-y-2 border-l border-zinc-200 lg:mt-0 dark:border-zinc-800">
          {headings.map((heading) => (
            <li key={heading.id} className={heading.depth === 3 ? 'pl-7' : 'pl-4'}>
              <a
                href={`#${heading.id}`}
                className="text-zinc-600 hover:text-zinc-950 aria-[current=location]:font-semibold aria-[current=location]:text-sky-800 dark:text-zinc-400 dark:hover:text-white dark:aria-[current=location]:text-sky-300"
              >
                {heading.text}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
