'use client';

import { useState, useTransition } from 'react';
import { answerReviewAction } from '@/app/(learn)/actions';
import { refreshSessionSummary } from '@/components/layout/session-summary';
import { FormStatus } from '@/components/auth/form-status';
import { ChoiceList } from '@/components/mdx/quiz-choices';
import { InlineCode } from '@/components/ui/inline-code';
import type { QuizQuestionView } from '@/lib/content/quiz';
import { plural } from '@/lib/format';

interface Outcome {
  correct: boolean;
  answerId: string;
  explanation: string;
  nextInDays: number;
}

/** One due question: answer it, see why, and when it comes back. */
export function ReviewCard({
  lessonId,
  questionIndex,
  view,
}: {
  lessonId: string;
  questionIndex: number;
  view: QuizQuestionView;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // An error about the choice is shown on the question; any other failure in the form's status.
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = `review-${lessonId.replace('/', '-')}-${questionIndex}`;
  const choiceErrorId = `${name}-error`;

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        if (choice === null) {
          setChoiceError('Choose an answer first.');
          return;
        }
        setChoiceError(null);
        // A refusal keeps the chosen answer selected.
        startTransition(async () => {
          const result = await answerReviewAction(lessonId, questionIndex, choice);
          if (result.status === 'success') {
            setOutcome(result.data);
            // The account menu counts the questions due.
            refreshSessionSummary();
          }
          // The question is the card's only field: its own message says what is wrong.
          else if (result.status === 'invalid' && result.fieldErrors.choiceId?.length)
            setChoiceError(result.fieldErrors.choiceId.join(' '));
          else setError(result.message);
        });
      }}
    >
      <ChoiceList
        name={name}
        view={view}
        selected={choice}
        onSelect={(id) => {
          setChoice(id);
          setChoiceError(null);
        }}
        disabled={Boolean(outcome) || pending}
        describedBy={choiceError ? choiceErrorId : undefined}
        invalid={Boolean(choiceError)}
        outcome={
          outcome
            ? { chosenId: choice, correct: outcome.correct, answerId: outcome.answerId }
            : null
        }
      />
      <div aria-live="polite" className="space-y-3 empty:sr-only">
        {outcome ? (
          <div
            className={`rounded-md px-3 py-2 text-sm ${outcome.correct ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'bg-rose-50 text-rose-900 dark:bg-rose-950/40 dark:text-rose-200'}`}
          >
            <p className="font-semibold">
              {outcome.correct ? 'Correct.' : 'Not quite.'} Next review in{' '}
              {plural(outcome.nextInDays, 'day')}.
            </p>
            <p>
              <InlineCode text={outcome.explanation} />
            </p>
          </div>
        ) : null}
        {choiceError ? (
          <p
            id={choiceErrorId}
            className="text-sm text-rose-700 dark:text-rose-400"
            data-testid="review-choice-error"
          >
            {choiceError}
          </p>
        ) : null}
      </div>
      <FormStatus message={error ?? undefined} />
      {outcome ? null : (
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          Check
        </button>
      )}
    </form>
  );
}
