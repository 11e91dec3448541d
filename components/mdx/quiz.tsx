'use client';

// The lesson's quiz: questions and choices (with stable ids) only, until the learner checks their
// answers. Grading happens on the server (checkQuizAction), by choice id: it says which answers
// were wrong and where the lesson teaches them, and reveals the right answers and explanations
// only once the learner passes or has tried three times. Choices are reshuffled for every retry.
// Answers are kept in this tab's sessionStorage, so signing in midway brings them back.
import Link from 'next/link';
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react';
import { checkQuizAction } from '@/app/(learn)/actions';
import { useLessonState } from '@/components/progress/lesson-state';
import { InlineCode } from '@/components/ui/inline-code';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { QuizQuestionView } from '@/lib/content/quiz';
import type { QuizResult } from '@/lib/dal/quiz';
import { revealAfterAttempts } from '@/lib/dal/quiz-rules';
import { plural } from '@/lib/format';
import { ChoiceList } from './quiz-choices';

type Answers = (string | null)[];

const storageKey = (lessonId: string) => `backend-path:quiz-answers:${lessonId}`;

/** A new random order of each question's choices (Fisher-Yates), never the one just shown. */
function reshuffle(questions: QuizQuestionView[]): QuizQuestionView[] {
  return questions.map((question) => {
    const choices = [...question.choices];
    if (choices.length < 2) return question;
    do {
      for (let i = choices.length - 1; i > 0; i -= 1) {
        const j = Math.floor(Math.random() * (i + 1));
        [choices[i], choices[j]] = [choices[j]!, choices[i]!];
      }
    } while (choices.every((choice, index) => choice.id === question.choices[index]?.id));
    return { ...question, choices };
  });
}

function readStoredAnswers(lessonId: string, questions: QuizQuestionView[]): Answers | null {
  try {
    const stored: unknown = JSON.parse(
      window.sessionStorage.getItem(storageKey(lessonId)) ?? 'null',
    );
    if (!Array.isArray(stored) || stored.length !== questions.length) return null;
    return questions.map((question, index) => {
      const id: unknown = stored[index];
      return question.choices.some((choice) => choice.id === id) ? (id as string) : null;
    });
  } catch {
    return null;
  }
}

function storeAnswers(lessonId: string, answers: Answers | null) {
  try {
    if (answers) window.sessionStorage.setItem(storageKey(lessonId), JSON.stringify(answers));
    else window.sessionStorage.removeItem(storageKey(lessonId));
  } catch {
    // Storage disabled or full: the answers are still on the page.
  }
}

export function Quiz({
  questions: initialQuestions,
  lessonId,
  lessonHref,
}: {
  questions: QuizQuestionView[];
  lessonId: string;
  /** The lesson's address, for the sign-in link that brings an anonymous learner back here. */
  lessonHref: string;
}) {
  const lessonState = useLessonState();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [questions, setQuestions] = useState(initialQuestions);
  const [answers, setAnswers] = useState<Answers>(() => initialQuestions.map(() => null));
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const idPrefix = `quiz-${lessonId.replace('/', '-')}`;
  const nameOf = (index: number) => `${idPrefix}-${index}`;
  const best = lessonState?.state.kind === 'ready' ? lessonState.state.bestQuiz : null;
  const signedOut = lessonState?.state.kind === 'signed-out';
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`${lessonHref}#check-your-understanding`)}`;

  // Once hydrated: choices picked before React took over are still checked in the page (React
  // leaves them alone while hydrating), and answers stored before a sign-in come back. Both can
  // only be read in the browser, after the server-rendered first paint.
  useEffect(() => {
    const form = formRef.current;
    const picked = form ? new FormData(form) : null;
    const stored = readStoredAnswers(lessonId, initialQuestions);
    const restored = initialQuestions.map((question, index) => {
      const value = picked?.get(nameOf(index));
      return typeof value === 'string' && question.choices.some((choice) => choice.id === value)
        ? value
        : (stored?.[index] ?? null);
    });
    if (restored.some((answer) => answer !== null)) {
      setAnswers(restored);
      storeAnswers(lessonId, restored);
    }
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function select(index: number, choiceId: string) {
    const next = answers.map((value, position) => (position === index ? choiceId : value));
    setAnswers(next);
    storeAnswers(lessonId, next);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const unanswered = answers.findIndex((answer) => answer === null);
    if (unanswered !== -1) {
      setError(
        `Answer all ${plural(questions.length, 'question')} before checking (question ${unanswered + 1} is still open).`,
      );
      return;
    }
    startTransition(async () => {
      try {
        const response = await checkQuizAction(lessonId, answers as string[]);
        if (response.status !== 'success') {
          setError(response.message);
          return;
        }
        setResult(response.data);
        // Signed out, the answers stay stored: signing in to keep the score brings them back.
        if (response.data.saved) {
          storeAnswers(lessonId, null);
          lessonState?.update({ bestQuiz: response.data.best, completed: response.data.completed });
        }
      } catch {
        setError('Could not reach the server to check your answers. Nothing was lost; try again.');
      }
    });
  }

  function retry() {
    setResult(null);
    setQuestions(reshuffle(questions));
    setAnswers(questions.map(() => null));
    storeAnswers(lessonId, null);
  }

  const revealNote = !result
    ? null
    : result.revealed
      ? null
      : result.attempts === null
        ? 'The right answers and explanations appear once you pass.'
        : `The right answers and explanations appear once you pass, or after your ${
            revealAfterAttempts === 3 ? 'third' : `${revealAfterAttempts}th`
          } attempt (this was attempt ${result.attempts}).`;

  return (
    <section
      aria-labelledby="check-your-understanding"
      className="not-prose space-y-6 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
    >
      <div className="space-y-1">
        <h2
          id="check-your-understanding"
          className="scroll-mt-20 text-xl font-semibold text-zinc-950 dark:text-white"
        >
          Check your understanding
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {plural(questions.length, 'question')}. Get at least two thirds right to complete the
          lesson.
          {best ? ` Your best so far: ${best.correct} of ${best.total}.` : ''}
        </p>
        {signedOut && !result ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <Link
              href={signInHref as never}
              className="font-semibold text-sky-800 underline dark:text-sky-300"
            >
              Sign in to keep your score
            </Link>
            ; the answers you pick here stay selected.
          </p>
        ) : null}
      </div>
      <form ref={formRef} onSubmit={submit} className="space-y-6" noValidate>
        <ol className="space-y-6">
          {questions.map((question, index) => {
            const outcome = result?.results[index];
            const outcomeId = `${idPrefix}-${index}-outcome`;
            return (
              <li key={question.question} className="space-y-2">
                <ChoiceList
                  name={nameOf(index)}
                  view={question}
                  number={index + 1}
                  selected={answers[index] ?? null}
                  onSelect={(choiceId) => select(index, choiceId)}
                  disabled={Boolean(result) || pending}
                  outcome={outcome ?? null}
                  describedBy={outcome ? outcomeId : undefined}
                />
                {outcome ? (
                  <div
                    id={outcomeId}
                    className={`rounded-md px-3 py-2 text-sm ${outcome.correct ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200' : 'bg-rose-50 text-rose-900 dark:bg-rose-950/40 dark:text-rose-200'}`}
                  >
                    <p className="font-semibold">{outcome.correct ? 'Correct.' : 'Not quite.'}</p>
                    {outcome.explanation ? (
                      <p>
                        <InlineCode text={outcome.explanation} />
                      </p>
                    ) : null}
                    {outcome.correct ? null : (
                      <p>
                        Read again:{' '}
                        <a href={`#${outcome.section.id}`} className="font-semibold underline">
                          {outcome.section.title}
                        </a>
                      </p>
                    )}
                  </div>
                ) : null}
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
          {revealNote ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="quiz-reveal-note">
              {revealNote}
            </p>
          ) : null}
          {result && !result.saved ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              <Link
                href={signInHref as never}
                className="font-semibold text-sky-800 underline dark:text-sky-300"
              >
                Sign in to keep your score and progress
              </Link>
              ; you come back here with your answers still selected.
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
          // Disabled until hydrated: a native submit would reload the page and lose every answer.
          <button
            type="submit"
            disabled={!hydrated || pending}
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
          >
            {!hydrated ? 'Loading…' : pending ? 'Checking…' : 'Check answers'}
          </button>
        )}
      </form>
    </section>
  );
}
