/** A column title shown before a stacked table cell's value on a phone (see stacked-table.ts). */
export function StackedLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="text-zinc-600 md:hidden dark:text-zinc-400">
      {children}:{' '}
    </span>
  );
}
