'use client';

// What the static lesson page knows about the signed-in learner (fetched after load): progress
// and best quiz score, shared by the progress box and the quiz.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { openLessonAction } from '@/app/(learn)/actions';
import { markContinueLessonStale } from '@/components/layout/session-summary';
import {
  deriveLessonState,
  isPassingScore,
  type LessonState as DerivedLessonState,
} from '@/lib/dal/lesson-state';

export type LessonState =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | {
      kind: 'ready';
      completed: boolean;
      updated: boolean;
      bestQuiz: { correct: number; total: number } | null;
      /** Tasks passed in the lesson's labs, or null when it has none. */
      practice?: { done: number; total: number } | null;
      /** The learner's saved note and bookmark, as loaded with the page. */
      note?: string;
      bookmarked?: boolean;
    };

interface LessonStateContextValue {
  lessonId: string;
  /** The lesson ends with a quiz: completed without passing it is "quiz not passed". */
  hasQuiz: boolean;
  state: LessonState;
  update: (change: {
    completed?: boolean;
    updated?: boolean;
    bestQuiz?: { correct: number; total: number } | null;
    practice?: { done: number; total: number } | null;
  }) => void;
  signedOut: () => void;
}

const LessonStateContext = createContext<LessonStateContextValue | null>(null);

export function LessonStateProvider({
  lessonId,
  hasQuiz,
  children,
}: {
  lessonId: string;
  hasQuiz: boolean;
  children: ReactNode;
}) {
  const [state, setState] = useState<LessonState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    openLessonAction(lessonId)
      .then((result) => {
        // Opening a lesson makes it the one "Continue" leads to.
        if (result.status === 'success') markContinueLessonStale();
        if (cancelled) return;
        setState(
          result.status === 'success'
            ? {
                kind: 'ready',
                completed: result.data.status === 'completed',
                updated: result.data.updated,
                bestQuiz: result.data.bestQuiz,
                practice: result.data.practice,
                note: result.data.note,
                bookmarked: result.data.bookmarked,
              }
            : { kind: 'signed-out' },
        );
      })
      .catch(() => !cancelled && setState({ kind: 'signed-out' }));
    return () => {
      cancelled = true;
    };
  }, [lessonId]);

  const update = useCallback<LessonStateContextValue['update']>((change) => {
    if (change.completed !== undefined) markContinueLessonStale();
    setState((current) =>
      current.kind === 'ready'
        ? { ...current, ...change }
        : {
            kind: 'ready',
            completed: change.completed ?? false,
            updated: change.updated ?? false,
            bestQuiz: change.bestQuiz ?? null,
          },
    );
  }, []);
  const signedOut = useCallback(() => setState({ kind: 'signed-out' }), []);
  const value = useMemo(
    () => ({ lessonId, hasQuiz, state, update, signedOut }),
    [lessonId, hasQuiz, state, update, signedOut],
  );
  return <LessonStateContext.Provider value={value}>{children}</LessonStateContext.Provider>;
}

/** The learner's state on this lesson, or null outside a tracked lesson page (e.g. a draft preview). */
export function useLessonState(): LessonStateContextValue | null {
  return useContext(LessonStateContext);
}

/**
 * The open lesson's state as the dashboard and the outline name it, from what the page has loaded
 * (kept current as the learner completes the lesson or passes its quiz); null until loaded.
 */
export function deriveOpenLessonState(context: LessonStateContextValue): DerivedLessonState | null {
  const { state, hasQuiz } = context;
  if (state.kind !== 'ready') return null;
  return deriveLessonState({
    status: state.completed ? 'completed' : 'started',
    hasQuiz,
    quizPassed: state.bestQuiz
      ? isPassingScore(state.bestQuiz.correct, state.bestQuiz.total)
      : false,
  });
}
