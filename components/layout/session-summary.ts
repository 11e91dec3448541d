'use client';

// The signed-in user's summary (name, role, reviews due, next lesson), read in the browser from
// /api/session-summary so the pages around it stay static. One store for the whole tab: the
// header and the page share it, and it is kept between client navigations. It is read again when
// it is older than `maxAgeMs` (on the next navigation or when the window regains focus), at once
// after what changes it (signing out, resetting progress, answering a review), and on the next
// navigation after signing in or up. A failed read is retried, and shows as 'unavailable', never
// as signed out: a signed-in user is not offered Sign in because the network blinked.
import { usePathname } from 'next/navigation';
import { useEffect, useSyncExternalStore } from 'react';
import type { SessionSummaryDto } from '@/lib/dal/me';

export type SessionSummary =
  | { status: 'loading' }
  | { status: 'unavailable' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: SessionSummaryDto };

/** How long a summary is used without asking the server again. */
export const maxAgeMs = 60_000;
const maxRetryDelayMs = 30_000;

interface Store {
  summary: SessionSummary;
  /** When the summary in hand was read (ms); 0 when it must be read again before it is trusted. */
  readAt: number;
  /** The Continue lesson may have changed since the summary was read (a lesson opened or completed). */
  continueLessonStale: boolean;
  /** Known to be out of date and being read again: shown as 'loading' meanwhile. */
  invalidated: boolean;
}

let store: Store = {
  summary: { status: 'loading' },
  readAt: 0,
  continueLessonStale: false,
  invalidated: false,
};
let inFlight = false;
/** Bumped by every invalidation: a read started before the latest one is not trusted. */
let generation = 0;
let continueLessonGeneration = 0;
let failures = 0;
let retryTimer: number | undefined;
const listeners = new Set<() => void>();

function setStore(next: Partial<Store>) {
  store = { ...store, ...next };
  for (const listener of listeners) listener();
}

async function fetchSummary(): Promise<SessionSummary> {
  const response = await fetch('/api/session-summary', { cache: 'no-store' });
  if (!response.ok) throw new Error(`session summary: HTTP ${response.status}`);
  const data = (await response.json()) as { user?: SessionSummaryDto | null };
  return data.user ? { status: 'signed-in', user: data.user } : { status: 'signed-out' };
}

function read() {
  if (inFlight) return;
  inFlight = true;
  window.clearTimeout(retryTimer);
  const started = generation;
  const startedContinueLesson = continueLessonGeneration;
  fetchSummary().then(
    (summary) => {
      inFlight = false;
      failures = 0;
      const current = started === generation;
      setStore({
        summary,
        readAt: current ? Date.now() : 0,
        continueLessonStale: startedContinueLesson !== continueLessonGeneration,
        invalidated: store.invalidated && !current,
      });
      // Invalidated while the answer was on its way: it may predate the change.
      if (!current && listeners.size > 0) read();
    },
    () => {
      inFlight = false;
      failures += 1;
      setStore({ summary: { status: 'unavailable' }, readAt: 0, invalidated: false });
      if (listeners.size === 0) return;
      const delay = Math.min(maxRetryDelayMs, 1000 * 2 ** (failures - 1));
      retryTimer = window.setTimeout(read, delay);
    },
  );
}

function readIfStale({ needsContinueLesson }: { needsContinueLesson: boolean }) {
  const stale =
    Date.now() - store.readAt > maxAgeMs || (needsContinueLesson && store.continueLessonStale);
  if (stale) read();
}

function onFocus() {
  if (document.visibilityState === 'visible') readIfStale({ needsContinueLesson: false });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.removeEventListener('focus', onFocus);
    document.removeEventListener('visibilitychange', onFocus);
    window.clearTimeout(retryTimer);
  };
}

/**
 * The session is about to change with a redirect (signing in or up, a password reset that signs
 * in, deleting the account): the summary is read again on the page the redirect lands on.
 */
export function markSessionSummaryStale() {
  generation += 1;
  setStore({ readAt: 0 });
}

/**
 * Something the header shows has changed on this page (signed out, progress reset, a review
 * answered): read the summary again now.
 */
export function refreshSessionSummary() {
  generation += 1;
  setStore({ readAt: 0, invalidated: true });
  if (listeners.size > 0) read();
}

/** A lesson was opened or its completion changed: "Continue" is read again where it is shown. */
export function markContinueLessonStale() {
  continueLessonGeneration += 1;
  setStore({ continueLessonStale: true });
}

const loading: SessionSummary = { status: 'loading' };

/**
 * The summary from the shared store, read again if stale when a page is opened. With
 * `needsContinueLesson`, it reads 'loading' while the Continue lesson it holds may be out of date,
 * so a page never shows the previous lesson first.
 */
export function useSessionSummary({ needsContinueLesson = false } = {}): SessionSummary {
  const pathname = usePathname();
  const current = useSyncExternalStore(
    subscribe,
    () => store,
    () => null,
  );

  useEffect(() => {
    readIfStale({ needsContinueLesson });
  }, [pathname, needsContinueLesson]);

  if (!current || current.invalidated) return loading;
  if (needsContinueLesson && current.continueLessonStale && current.summary.status === 'signed-in')
    return loading;
  return current.summary;
}
