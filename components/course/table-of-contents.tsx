import type { Heading } from '@/lib/content';
import { toolCellClassName } from './tool-cell';

/**
 * The lesson's sections. Below 1024 px, a cell of the lesson's tools bar: a disclosure, closed at
 * first, whose list opens above the bar (following a link closes it, TocHighlighter). In the wide
 * layout's rail it is always open, and the summary is only its title.
 */
export function TableOfContents({ headings, id }: { headings: Heading[]; id: string }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-labelledby={id} className="text-sm max-lg:ml-auto" data-toc>
      <details
        name="lesson-tools"
        className="group h-full lg:[&::details-content]:[content-visibility:visible]"
      >
        <summary
          id={id}
          className={`${toolCellClassName} h-full list-none lg:pointer-events-none lg:mb-3 lg:block lg:min-h-0 lg:p-0 lg:text-sm lg:font-semibold lg:text-zinc-950 lg:hover:bg-transparent lg:dark:text-white [&::-webkit-details-marker]:hidden`}
        >
          <span aria-hidden="true" className="text-zinc-500 group-open:rotate-180 lg:hidden">
            ▴
          </span>
          <span>On this page</span>
        </summary>
        {/* display: none while closed below 1024 px, so nothing measures or reaches outside it. */}
        <div className="absolute inset-x-0 bottom-full hidden max-h-[60vh] overflow-y-auto border-t border-zinc-200 bg-white p-4 shadow-lg group-open:block lg:static lg:block lg:max-h-none lg:overflow-visible lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:border-zinc-800 dark:bg-zinc-950 lg:dark:bg-transparent">
          <ol className="space-y-2 border-l border-zinc-200 dark:border-zinc-800">
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
        </div>
      </details>
    </nav>
  );
}
