// Quiz answers for tests, as the browser sends them: one choice id per question.
import type { Lesson } from '@/lib/content';
import { choiceId } from '@/lib/content/quiz';

export const rightAnswers = (lesson: Lesson): string[] =>
  lesson.quiz.map((question) => choiceId(question.answer));

/** A wrong choice for every question (the first choice that is not the answer). */
export const wrongAnswers = (lesson: Lesson): string[] =>
  lesson.quiz.map((question) =>
    choiceId(question.choices.find((choice) => choice !== question.answer)!),
  );

/** Exactly `count` right answers (the first ones), the rest wrong. */
export const withRight = (lesson: Lesson, count: number): string[] =>
  rightAnswers(lesson).map((right, index) =>
    index < count ? right : wrongAnswers(lesson)[index]!,
  );
