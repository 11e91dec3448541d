'use client';

// Records completion through a server action; the rest of the lesson page is static.
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { setLessonCompletionAction } from '@/app/(learn)/actions';
import { lessonStateLabels, type LessonState } from '@/lib/dal/lesson-state';
import { deriveOpenLessonState, useLessonState } from './lesson-state';

export function LessonProgress({ lessonId, signInHref }: { lessonId: string; signInHref: string }) {
  const context = useLessonState();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!context) return null;
  const { state, update, signedOut } = context;

  function toggle(completed: boolean) {
    setError(null);
    startTransition(async () => {
      try {
        const result = await setLessonCompletionAction(lessonId, completed);
        if (result.status === 'success')
          update({ completed: result.data.status === 'completed', updated: result.data.updated });
        else if (result.status === 'error' && result.code === 'unauthenticated') signedOut();
        else setError(result.message);
      } catch {
        setError('Could not reach the server. Your progress was not changed; try again.');
      }
    });
  }

  return (
    <section
      aria-label="Your progress"
      className="not-prose rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      aria-busy={state.kind === 'loading' || pending}
    >
      {state.kind === 'loading' ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading your progress…</p>
      ) : state.kind === 'signed-out' ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          <Link
            href={signInHref as never}
            className="font-semibold text-sky-800 underline dark:text-sky-300"
          >
            Sign in to track your progress
          </Link>{' '}
          and pick up where you left off on any device.
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-4">
          <LessonStateText state={deriveOpenLessonState(context) ?? 'started'} />
          {state.updated ? (
            <>
              <p className="text-sm font-semibold text-sky-800 dark:text-sky-300">
                Updated since you completed it
              </p>
              <button
                type="button"
                onClick={() => toggle(true)}
                disabled={pending}
                className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
              >
                Mark as complete again
              </button>
            </>
          ) : null}
          <button
            type="button"
            onClick={() => toggle(!state.completed)}
            disabled={pending}
            className={
              state.completed
                ? 'rounded-md border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800'
                : 'rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60'
            }
          >
            {state.completed ? 'Mark as incomplete' : 'Mark as complete'}
          </button>
          {error ? (
            <p
              className="w-full text-sm text-rose-700 dark:text-rose-400"
              data-testid="progress-error"
            >
              {error}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}

function LessonStateText({ state }: { state: LessonState }) {
  const label = lessonStateLabels[state];
  return (
    <p aria-live="polite" className="text-sm font-medium" data-testid="lesson-state">
      {state === 'completed' ? (
        <span className="text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">✓ </span>
          <span>{label}</span>
        </span>
      ) : state === 'quiz-not-passed' ? (
        <span className="text-amber-800 dark:text-amber-300">
          <span aria-hidden="true">✓ </span>
          <span>{label}</span>{' '}
          <a href="#check-your-understanding" className="underline">
            Take the quiz
          </a>
        </span>
      ) : (
        <span className="text-zinc-700 dark:text-zinc-300">{label}</span>
      )}
    </p>
  );
}
