import { useId, type ReactNode } from 'react';

/** A glossary term: its definition shows on hover and keyboard focus, and is read by screen readers. */
export function Term({ definition, children }: { definition: string; children: ReactNode }) {
  const id = useId();
  return (
    <span className="term" tabIndex={0} aria-describedby={id}>
      {children}
      <span role="tooltip" id={id} className="term-tooltip">
        {definition}
      </span>
    </span>
  );
}
