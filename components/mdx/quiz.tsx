'use client';

// The lesson's quiz: questions and choices only, until the learner checks their answers. Grading
// happens on the server (checkQuizAction); only then do the right answers and explanations arrive.
import { useState, useTransition, type FormEvent } from 'react';
import { checkQuizAction } from '@/app/(learn)/actions';
import { useLessonState } from '@/components/progress/lesson-state';
import { InlineCode } from '@/components/ui/inline-code';
import type { QuizResult } from '@/lib/dal/quiz';

export interface QuizQuestionView {
  question: string;
  choices: string[];
}

export function Quiz({ questions, lessonId }: { questions: QuizQuestionView[]; lessonId: string }) {
  const lessonState = useLessonState();
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const idPrefix = `quiz-${lessonId.replace('/', '-')}`;
  const best = lessonState?.state.kind === 'ready' ? lessonState.state.bestQuiz : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const unanswered = answers.findIndex((answer) => answer === null);
    if (unanswered !== -1) {
      setError(
        `Answer all ${questions.length} questions before checking (question ${unanswered + 1} is still open).`,
      );
      return;
    }
    startTransition(async () => {
      try {
        const response = await checkQuizAction(lessonId, answers as number[]);
        if (response.status !== 'success') {
          setError(response.message);
          return;
        }
        setResult(response.data);
        if (response.data.saved)
          lessonState?.update({ bestQuiz: response.data.best, completed: response.data.completed });
      } catch {
        setError('Could not reach the server to check your answers. Nothing was lost; try again.');
      }
    });
  }

  function retry() {
    setResult(null);
    setAnswers(questions.map(() => null));
  }

  return (
    <section
      aria-labelledby="check-your-understanding"
      className="not-prose space-y-6 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <div className="space-y-1">
        <h2
          id="check-your-understanding"
          className="text-xl font-semibold text-zinc-950 dark:text-white"
        >
          Check your understanding
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {questions.length} questions. Get at least two thirds right to complete the lesson.
          {best ? ` Your best so far: ${best.correct} of ${best.total}.` : ''}
        </p>
      </div>
      <form onSubmit={submit} className="space-y-6" noValidate>
        <ol className="space-y-6">
          {questions.map((question, index) => {
            const outcome = result?.results[index];
            return (
              <li key={question.question}>
                <fieldset
                  className="space-y-2"
                  aria-describedby={outcome ? `${idPrefix}-${index}-outcome` : undefined}
                >
                  <legend className="font-medium text-zinc-900 dark:text-zinc-100">
                    <span className="text-zinc-500 dark:text-zinc-400">{index + 1}. </span>
                    <InlineCode text={question.question} />
                  </legend>
                  {question.choices.map((choice, choiceIndex) => {
                    const id = `${idPrefix}-${index}-${choiceIndex}`;
                    const isAnswer = outcome?.answerIndex === choiceIndex;
                    return (
                      <div key={choice} className="flex items-start gap-2">
                        <input
                          type="radio"
                          id={id}
                          name={`${idPrefix}-${index}`}
                          value={choiceIndex}
                          checked={answers[index] === choiceIndex}
                          disabled={Boolean(result) || pending}
                          onChange={() =>
                            setAnswers((current) =>
                              current.map((value, position) =>
                                position === index ? choiceIndex : value,
                              ),
                            )
                          }
                          className="mt-1.5"
                        />
                        <label
                          htmlFor={id}
                          className={
                            isAnswer
                              ? 'font-semibold text-emerald-800 dark:text-emerald-300'
                              : 'text-zinc-800 dark:text-zinc-200'
                          }
                        >
                          <InlineCode text={choice} />
                          {isAnswer ? <span className="sr-only"> (the right answer)</span> : null}
                        </label>
                      </div>
                    );
                  })}
                  {outcome ? (
                    <div
                      id={`${idPrefix}-${index}-outcome`}
                      className={`rounded-md px-3 py-2 text-sm ${outcome.correct ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'bg-rose-50 text-rose-900 dark:bg-rose-950/40 dark:text-rose-200'}`}
                    >
                      <p className="font-semibold">{outcome.correct ? 'Correct.' : 'Not quite.'}</p>
                      <p>
                        <InlineCode text={outcome.explanation} />
                      </p>
                    </div>
                  ) : null}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div aria-live="polite" className="space-y-1">
          {result ? (
            <p className="font-semibold text-zinc-950 dark:text-white" data-testid="quiz-score">
              {result.correct} of {result.total} correct
              {result.passed ? ' — passed.' : '.'}
            </p>
          ) : null}
          {result && result.passed && result.saved ? (
            <p className="text-sm text-emerald-800 dark:text-emerald-300">
              This lesson is marked as completed.
            </p>
          ) : null}
          {result && !result.saved ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Sign in to keep your score and progress.
            </p>
          ) : null}
          {error ? (
            <p className="text-sm text-rose-700 dark:text-rose-400" data-testid="quiz-error">
              {error}
            </p>
          ) : null}
        </div>
        {result ? (
          <button
            type="button"
            onClick={retry}
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Try again
          </button>
        ) : (
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
          >
            {pending ? 'Checking…' : 'Check answers'}
          </button>
        )}
      </form>
    </section>
  );
}
