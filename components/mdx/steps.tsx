import type { ReactNode } from 'react';

/** A numbered procedure: wraps a markdown ordered list and draws each step on a rail. */
export function Steps({ children }: { children: ReactNode }) {
  return <div className="steps">{children}</div>;
}
