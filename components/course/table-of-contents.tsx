import type { Heading } from '@/lib/content';

export function TableOfContents({ headings, id }: { headings: Heading[]; id: string }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-labelledby={id} className="text-sm" data-toc>
      <h2 id={id} className="mb-3 font-semibold text-zinc-950 dark:text-white">
        On this page
      </h2>
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
    </nav>
  );
}
