'use client';

// The signed-in user's summary (name, role, reviews due, next lesson), read in the browser from
// /api/session-summary so the pages around it stay static. The header and the page read it
// together: one request per page, shared; it is read again after a navigation or a sign-out.
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SessionSummaryDto } from '@/lib/dal/me';

export type SessionSummary =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionSummaryDto };

let latest: { key: string; summary: Promise<SessionSummary> } | null = null;
let generation = 0;
const listeners = new Set<() => void>();

function loadSummary(key: string): Promise<SessionSummary> {
  if (latest?.key !== key) {
    const summary = fetch('/api/session-summary', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { user?: SessionSummaryDto | null } | null): SessionSummary =>
        data?.user ? { status: 'signed-in', user: data.user } : { status: 'signed-out' },
      )
      .catch((): SessionSummary => ({ status: 'signed-out' }));
    latest = { key, summary };
  }
  return latest.summary;
}

/** Reads the summary again (after signing out on a page that stays where it is). */
export function refreshSessionSummary() {
  generation += 1;
  for (const listener of listeners) listener();
}

export function useSessionSummary(): SessionSummary {
  const pathname = usePathname();
  const [summary, setSummary] = useState<SessionSummary>({ status: 'loading' });
  const [seen, setSeen] = useState(generation);

  useEffect(() => {
    const listener = () => setSeen(generation);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);

  useEffect(() => {
    let cancelled = false;
    void loadSummary(`${seen}:${pathname}`).then((next) => {
      if (!cancelled) setSummary(next);
    });
    return () => {
      cancelled = true;
    };
  }, [pathname, seen]);

  return summary;
}
