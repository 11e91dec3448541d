'use client';

// The only client JavaScript of a lesson page: records the visit and toggles completion through
// server actions. The page itself is static, so the learner's state is fetched after load.
import Link from 'next/link';
import { useEffect, useState, useTransition } from 'react';
import { openLessonAction, setLessonCompletionAction } from '@/app/(learn)/actions';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'ready'; completed: boolean; error?: string };

export function LessonProgress({ lessonId, signInHref }: { lessonId: string; signInHref: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let cancelled = false;
    openLessonAction(lessonId)
      .then((result) => {
        if (cancelled) return;
        if (result.status === 'success')
          setState({ kind: 'ready', completed: result.data.status === 'completed' });
        else setState({ kind: 'signed-out' });
      })
      .catch(() => !cancelled && setState({ kind: 'signed-out' }));
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  function toggle(completed: boolean) {
    startTransition(async () => {
      try {
        const result = await setLessonCompletionAction(lessonId, completed);
        if (result.status === 'success')
          setState({ kind: 'ready', completed: result.data.status === 'completed' });
        else if (result.status === 'error' && result.code === 'unauthenticated')
          setState({ kind: 'signed-out' });
        else setState({ kind: 'ready', completed: !completed, error: result.message });
      } catch {
        setState({
          kind: 'ready',
          completed: !completed,
          error: 'Could not reach the server. Your progress was not changed; try again.',
        });
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
          <p aria-live="polite" className="text-sm font-medium">
            {state.completed ? (
              <span className="text-emerald-700 dark:text-emerald-400">
                <span aria-hidden="true">✓ </span>
                <span>Completed</span>
              </span>
            ) : (
              <span className="text-zinc-700 dark:text-zinc-300">In progress</span>
            )}
          </p>
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
          {state.error ? (
            <p
              className="w-full text-sm text-rose-700 dark:text-rose-400"
              data-testid="progress-error"
            >
              {state.error}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
