// What the browser may know about a quiz question: its text and its choices, each with a stable id.
// The right answer and the explanation stay on the server until it decides to reveal them.
import { createHash } from 'node:crypto';
import type { QuizQuestion } from './schema';

export interface QuizChoiceView {
  /** Derived from the choice's text, so it survives reordering: grading compares ids, never positions. */
  id: string;
  text: string;
}

export interface QuizQuestionView {
  question: string;
  choices: QuizChoiceView[];
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

export function choiceId(choice: string): string {
  return digest(choice).slice(0, 12);
}

/**
 * The question for the browser, its choices in an order fixed by `seed` but unrelated to the
 * authored one (authors tend to put the right answer in the same place). Retries reshuffle in the
 * browser; the first order must be stable so the static page and its hydration agree.
 */
export function toQuestionView(question: QuizQuestion, seed: string): QuizQuestionView {
  const choices = question.choices
    .map((text) => ({ id: choiceId(text), text, key: digest(`${seed}\n${text}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ id, text }) => ({ id, text }));
  return { question: question.question, choices };
}
