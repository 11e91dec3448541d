'use client';

// Progress marks for static lists of lessons (course outline, lesson sidebar): the learner's
// states are fetched once after load; signed out, the marks stay empty.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getMyProgressAction } from '@/app/(learn)/actions';
import { lessonStateLabels, type LessonMark } from '@/lib/dal/lesson-state';
import { deriveOpenLessonState, useLessonState } from './lesson-state';

type States = Record<string, LessonMark> | null;
const ProgressMapContext = createContext<States>(null);

export function ProgressMapProvider({ children }: { children: ReactNode }) {
  const [states, setStates] = useState<States>(null);
  useEffect(() => {
    let cancelled = false;
    getMyProgressAction()
      .then((result) => {
        if (!cancelled && result.status === 'success') setStates(result.data);
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
  return <ProgressMapContext.Provider value={states}>{children}</ProgressMapContext.Provider>;
}

/** Icon, optional short visible text, and the full name screen readers hear. */
const marks: Record<
  LessonMark,
  { icon: string; short?: string; label: string; className: string }
> = {
  completed: {
    icon: '✓',
    label: lessonStateLabels.completed,
    className: 'text-emerald-700 dark:text-emerald-400',
  },
  // Done, but the quiz still stands between the learner and mastery: said in words, not only
  // by colour.
  'quiz-not-passed': {
    icon: '✓',
    short: 'Quiz not passed',
    label: lessonStateLabels['quiz-not-passed'],
    className: 'text-amber-800 dark:text-amber-300',
  },
  updated: {
    icon: '↻',
    short: 'Updated',
    label: 'Updated since you completed it',
    className: 'text-sky-800 dark:text-sky-300',
  },
  started: {
    icon: '◐',
    label: lessonStateLabels.started,
    className: 'text-amber-700 dark:text-amber-400',
  },
  'not-started': {
    icon: '○',
    label: lessonStateLabels['not-started'],
    className: 'text-zinc-500 dark:text-zinc-400',
  },
};

/** A lesson's state as an icon and text (the full name is read by screen readers). */
export function ProgressMark({ lessonId }: { lessonId: string }) {
  const states = useContext(ProgressMapContext);
  const current = useLessonState();
  if (!states) return null;
  // On a lesson page, the open lesson's own state is the freshest (it changes as the learner
  // completes the lesson or passes its quiz).
  const live =
    current?.lessonId === lessonId
      ? current.state.kind === 'ready' && current.state.updated
        ? 'updated'
        : (deriveOpenLessonState(current) ?? undefined)
      : undefined;
  const mark = marks[live ?? states[lessonId] ?? 'not-started'];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 text-sm ${mark.className}`}
      data-testid={`progress-${lessonId}`}
    >
      <span aria-hidden="true">{mark.icon}</span>
      {mark.short ? (
        <span aria-hidden="true" className="text-xs font-semibold whitespace-nowrap">
          {mark.short}
        </span>
      ) : null}
      <span className="sr-only">{mark.label}</span>
    </span>
  );
}
