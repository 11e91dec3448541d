// Classes for a table whose rows stack as cards below 768 px (still one table for assistive
// technology; the column titles stay for screen readers), so a phone never scrolls sideways.
// A cell whose value needs its column title visible on a phone adds <StackedLabel>.
export const stackedTable = {
  table: 'w-full text-left text-sm max-md:block',
  head: 'border-b border-zinc-200 max-md:sr-only dark:border-zinc-800',
  body: 'divide-y divide-zinc-200 max-md:block dark:divide-zinc-800',
  row: 'max-md:block max-md:py-3',
  cell: 'py-2 pr-4 max-md:block max-md:py-0.5 max-md:pr-0 max-md:break-words',
} as const;
