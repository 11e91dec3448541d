// A learner's state on one lesson, derived in one place from the stored progress row and quiz
// attempts. Pure, with no database access, so the lesson page's client box, the learner dashboard,
// the cohort matrix and the CSV export all name a state the same way.
import type { ProgressStatus } from '@/db/schema';
import { passRatio } from './quiz-rules';

export type LessonState = 'not-started' | 'started' | 'completed' | 'quiz-not-passed';

/**
 * The mark beside a lesson in the course outline and the lesson sidebar: its state, or "updated"
 * when it was completed against an older version of the lesson.
 */
export type LessonMark = LessonState | 'updated';

/** The names the UI and the CSV export give each state. */
export const lessonStateLabels: Record<LessonState, string> = {
  'not-started': 'Not started',
  started: 'In progress',
  completed: 'Completed',
  'quiz-not-passed': 'Completed · quiz not passed',
};

/** Whether an attempt with this score passes (the same rule as grading). */
export const isPassingScore = (correct: number, total: number) =>
  total > 0 && correct / total >= passRatio - 1e-9;

/**
 * Marked complete (by hand or by passing) counts as completed; a lesson that has a quiz and was
 * marked complete without a passing attempt is "Completed · quiz not passed".
 */
export function deriveLessonState({
  status,
  hasQuiz,
  quizPassed,
}: {
  status: ProgressStatus | null | undefined;
  hasQuiz: boolean;
  quizPassed: boolean;
}): LessonState {
  if (!status) return 'not-started';
  if (status === 'started') return 'started';
  return hasQuiz && !quizPassed ? 'quiz-not-passed' : 'completed';
}

/** Completed, whether or not its quiz was passed: what completion percentages count. */
export const isCompletedState = (state: LessonState) =>
  state === 'completed' || state === 'quiz-not-passed';
