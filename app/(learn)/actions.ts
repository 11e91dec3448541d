'use server';

import { runAction } from '@/lib/action-result';
import {
  getMyLessonStates,
  recordLessonOpened,
  resetMyProgress,
  setLessonCompletion,
} from '@/lib/dal/progress';
import { getMyLessonPractice } from '@/lib/dal/labs';
import { getMyLessonNotes, saveNote, setBookmark } from '@/lib/dal/notes';
import { getBestQuizScore, gradeQuiz } from '@/lib/dal/quiz';
import { answerReview } from '@/lib/dal/review';

/** Records the visit and returns what the lesson page shows about the learner. */
export async function openLessonAction(lessonId: string) {
  return runAction(async () => {
    const progress = await recordLessonOpened({ lessonId });
    return {
      ...progress,
      bestQuiz: await getBestQuizScore(lessonId),
      practice: await getMyLessonPractice(lessonId),
      ...(await getMyLessonNotes(lessonId)),
    };
  });
}

export async function setLessonCompletionAction(lessonId: string, completed: boolean) {
  return runAction(() => setLessonCompletion({ lessonId, completed }));
}

/**
 * Grades the quiz on the server by choice id (one per question, in order); the right answers and
 * explanations come back only once the learner passes or has made three attempts.
 */
export async function checkQuizAction(lessonId: string, answers: string[]) {
  return runAction(() => gradeQuiz({ lessonId, answers }));
}

/** The learner's state on every lesson, for the marks in the course outline and lesson sidebar. */
export async function getMyProgressAction() {
  return runAction(() => getMyLessonStates());
}

/** Forgets all of the learner's progress and quiz attempts (after they confirmed). */
export async function resetProgressAction() {
  return runAction(() => resetMyProgress());
}

/** Autosaves the learner's private note on a lesson. */
/** Saves a lesson's note; a refusal of the text is an error on the editor's only field, `body`. */
export async function saveNoteAction(lessonId: string, body: string) {
  return runAction(() => saveNote({ lessonId, body }), { fields: ['body'] });
}

export async function setBookmarkAction(lessonId: string, bookmarked: boolean) {
  return runAction(() => setBookmark({ lessonId, bookmarked }));
}

/** Answers one question of the review queue and reschedules it. */
export async function answerReviewAction(
  lessonId: string,
  questionIndex: number,
  choiceId: string,
) {
  return runAction(() => answerReview({ lessonId, questionIndex, choiceId }), {
    fields: ['choiceId'],
  });
}
