import type { ReactNode } from 'react';

const variants = {
  note: { label: 'Note', className: 'border-sky-500 bg-sky-50 dark:bg-sky-950/40' },
  tip: { label: 'Tip', className: 'border-emerald-500 bg-emerald-50 dark:bg-emerald-950/40' },
  warning: { label: 'Warning', className: 'border-amber-500 bg-amber-50 dark:bg-amber-950/40' },
  security: { label: 'Security', className: 'border-rose-500 bg-rose-50 dark:bg-rose-950/40' },
} as const;

export type CalloutType = keyof typeof variants;

export function Callout({
  type = 'note',
  title,
  children,
}: {
  type?: CalloutType;
  title?: string;
  children: ReactNode;
}) {
  const variant = variants[type] ?? variants.note;
  return (
    <aside
      className={`not-prose my-6 rounded-r-lg border-l-4 px-5 py-4 ${variant.className}`}
      aria-label={title ? `${variant.label}: ${title}` : variant.label}
    >
      <p className="mb-2 text-sm font-semibold tracking-wide text-zinc-900 uppercase dark:text-zinc-100">
        {variant.label}
        {title ? <span className="font-normal normal-case">: {title}</span> : null}
      </p>
      <div className="prose text-[0.95rem] [&>:first-child]:mt-0 [&>:last-child]:mb-0">
        {children}
      </div>
    </aside>
  );
}
