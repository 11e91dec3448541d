'use client';

// Records completion through a server action; the rest of the lesson page is static.
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { setLessonCompletionAction } from '@/app/(learn)/actions';
import { lessonStateLabels, type LessonState } from '@/lib/dal/lesson-state';
import { plural } from '@/lib/format';
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

  // Below 1024 px this box is the first part of the lesson's tools bar (lesson-view.tsx): the
  // buttons only, in a smaller type, with the state for screen readers (the button names it too).
  const buttonSize = 'min-h-11 px-2 py-1 text-xs lg:min-h-0 lg:px-4 lg:py-2 lg:text-sm';
  return (
    <section
      aria-label="Your progress"
      className="not-prose flex min-w-0 flex-1 items-center lg:block lg:rounded-lg lg:border lg:border-zinc-200 lg:p-4 lg:dark:border-zinc-800"
      aria-busy={state.kind === 'loading' || pending}
    >
      {state.kind === 'loading' ? (
        <p className="px-1 text-xs text-zinc-600 lg:px-0 lg:text-sm dark:text-zinc-400">
          Loading your progress…
        </p>
      ) : state.kind === 'signed-out' ? (
        <p className="px-1 text-xs text-zinc-700 lg:px-0 lg:text-sm dark:text-zinc-300">
          <Link
            href={signInHref as never}
            className="inline-flex min-h-11 items-center font-semibold text-sky-800 underline lg:inline lg:min-h-0 dark:text-sky-300"
          >
            Sign in to track your progress
          </Link>
          <span className="max-lg:sr-only"> and pick up where you left off on any device.</span>
        </p>
      ) : (
        <div className="relative flex min-w-0 flex-1 items-center gap-1 lg:flex-wrap lg:gap-4">
          <LessonStateText state={deriveOpenLessonState(context) ?? 'started'} />
          {state.practice ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="lesson-practice">
              Practice: {state.practice.done} of {plural(state.practice.total, 'task')}
            </p>
          ) : null}
          {state.updated ? (
            <>
              <p className="text-sm font-semibold text-sky-800 max-lg:sr-only dark:text-sky-300">
                Updated since you completed it
              </p>
              <button
                type="button"
                onClick={() => toggle(true)}
                disabled={pending}
                className={`${buttonSize} rounded-md bg-emerald-700 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60`}
              >
                Mark as complete again
              </button>
            </>
          ) : null}
          <button
            type="button"
            onClick={() => toggle(!state.completed)}
            disabled={pending}
            className={`${buttonSize} ${
              state.completed
                ? 'rounded-md border border-zinc-300 font-semibold hover:bg-zinc-100 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800'
                : 'rounded-md bg-emerald-700 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60'
            }`}
          >
            {state.completed ? 'Mark as incomplete' : 'Mark as complete'}
          </button>
          {error ? (
            // Above the bar on narrow screens.
            <p
              className="absolute inset-x-0 bottom-full mb-2 rounded-md bg-white p-2 text-sm text-rose-700 shadow-md lg:static lg:mb-0 lg:w-full lg:bg-transparent lg:p-0 lg:shadow-none dark:bg-zinc-900 dark:text-rose-400 lg:dark:bg-transparent"
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
    <p aria-live="polite" className="text-sm font-medium max-lg:sr-only" data-testid="lesson-state">
      {state === 'completed' ? (
        <span className="text-emerald-700 dark:text-emerald-400">
          <span aria-hidden="true">✓ </span>
          <span>{label}</span>
        </span>
      ) : state === 'quiz-not-passed' ? (
        <span className="text-amber-800 dark:text-amber-300">
          <span aria-hidden="true">✓ </span>
          <span>{label}</span>{' '}
          {/* Not focusable where the state is for screen readers only (the tools bar). */}
          <a href="#check-your-understanding" className="underline max-lg:hidden">
            Take the quiz
          </a>
        </span>
      ) : (
        <span className="text-zinc-700 dark:text-zinc-300">{label}</span>
      )}
    </p>
  );
}
