'use client';

// Progress marks for static lists of lessons (course outline, lesson sidebar): the learner's
// states are fetched once after load; signed out, the marks stay empty.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { getMyProgressAction } from '@/app/(learn)/actions';
import { useLessonState } from './lesson-state';

type States = Record<string, 'started' | 'completed' | 'updated'> | null;
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

const marks = {
  completed: { icon: '✓', label: 'Completed', className: 'text-emerald-700 dark:text-emerald-400' },
  updated: {
    icon: '↻',
    label: 'Updated since you completed it',
    className: 'text-sky-800 dark:text-sky-300',
  },
  started: { icon: '◐', label: 'In progress', className: 'text-amber-700 dark:text-amber-400' },
  'not-started': { icon: '○', label: 'Not started', className: 'text-zinc-500 dark:text-zinc-400' },
} as const;

/** A lesson's state as an icon and text (the text is visible to screen readers). */
export function ProgressMark({ lessonId }: { lessonId: string }) {
  const states = useContext(ProgressMapContext);
  const current = useLessonState();
  if (!states) return null;
  // On a lesson page, the open lesson's own state is the freshest.
  const live =
    current?.state.kind === 'ready' && current.lessonId === lessonId
      ? current.state.completed
        ? 'completed'
        : 'started'
      : undefined;
  const mark = marks[live ?? states[lessonId] ?? 'not-started'];
  return (
    <span
      className={`inline-flex items-center gap-1 text-sm ${mark.className}`}
      data-testid={`progress-${lessonId}`}
    >
      <span aria-hidden="true">{mark.icon}</span>
      {mark === marks.updated ? <span className="text-xs font-semibold">Updated</span> : null}
      <span className="sr-only">{mark.label}</span>
    </span>
  );
}
