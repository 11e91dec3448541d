'use client';

// For static pages (/, /learn): a visitor sees `visitor`; a signed-in learner sees "Continue:
// <lesson>" instead (their next lesson), or a link to their dashboard once every lesson is done.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useSessionSummary } from '@/components/layout/session-summary';
import { buttonClassName } from '@/components/ui/button';

export function ContinueOrVisitor({ visitor }: { visitor: ReactNode }) {
  const session = useSessionSummary({ needsContinueLesson: true });
  // Unknown (still reading, or the read failed and is retried): neither offer, in the same space.
  if (session.status === 'loading' || session.status === 'unavailable') {
    // Hidden, not absent, while the session is read: nothing moves when it is replaced.
    return (
      <>
        <div className="invisible" aria-hidden="true">
          {visitor}
        </div>
        <noscript>{visitor}</noscript>
      </>
    );
  }
  if (session.status === 'signed-out') return visitor;
  const next = session.user.continueLesson;
  return (
    <div className="flex flex-wrap items-center gap-4">
      {next ? (
        <Link href={next.href} className={buttonClassName('primary')}>
          Continue: {next.title}
        </Link>
      ) : (
        <p className="font-medium text-emerald-700 dark:text-emerald-400">
          You have completed every lesson.
        </p>
      )}
      <Link
        href="/dashboard"
        className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
      >
        Your dashboard
      </Link>
    </div>
  );
}
