// One quiz question as a group of radios, shared by the lesson quiz and the review queue. Each
// whole choice row is the label (a tap target of at least 44 px), and after grading the learner's
// own choice and the right one are named in words, not only by colour.
import { InlineCode } from '@/components/ui/inline-code';
import type { QuizQuestionView } from '@/lib/content/quiz';

export interface ChoiceOutcome {
  /** The choice the learner submitted (null if unknown). */
  chosenId: string | null;
  correct: boolean;
  /** The right choice, once the server has revealed it. */
  answerId?: string;
}

export function ChoiceList({
  name,
  view,
  number,
  selected,
  onSelect,
  disabled,
  outcome,
  describedBy,
  invalid = false,
}: {
  name: string;
  view: QuizQuestionView;
  /** Shown before the question, when it is one of several. */
  number?: number;
  selected: string | null;
  onSelect: (choiceId: string) => void;
  disabled: boolean;
  outcome: ChoiceOutcome | null;
  describedBy?: string;
  /** The question was submitted without a usable answer (its message is in describedBy). */
  invalid?: boolean;
}) {
  return (
    <fieldset
      className="space-y-2"
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      <legend className="mb-2 font-medium text-zinc-900 dark:text-zinc-100">
        {number === undefined ? null : (
          <span className="text-zinc-500 dark:text-zinc-400">{number}. </span>
        )}
        <InlineCode text={view.question} />
      </legend>
      {view.choices.map((choice) => {
        const isChosen = outcome?.chosenId === choice.id;
        const isAnswer = outcome?.answerId === choice.id;
        const tone = !outcome
          ? 'border-zinc-200 has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50 dark:border-zinc-800 dark:has-[:checked]:border-sky-400 dark:has-[:checked]:bg-sky-950/40'
          : isChosen && outcome.correct
            ? 'border-2 border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/40'
            : isChosen
              ? 'border-2 border-rose-600 bg-rose-50 dark:border-rose-400 dark:bg-rose-950/40'
              : isAnswer
                ? 'border-2 border-dashed border-emerald-600 dark:border-emerald-400'
                : 'border-zinc-200 dark:border-zinc-800';
        return (
          <label
            key={choice.id}
            className={`flex min-h-11 items-start gap-3 rounded-md border px-3 py-2.5 text-zinc-800 dark:text-zinc-200 ${disabled ? '' : 'cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900'} ${tone}`}
          >
            <input
              type="radio"
              name={name}
              value={choice.id}
              checked={selected === choice.id}
              disabled={disabled}
              onChange={() => onSelect(choice.id)}
              className="mt-1 size-4 shrink-0"
            />
            <span className="min-w-0 flex-1">
              <InlineCode text={choice.text} />
              {isChosen || isAnswer ? (
                <span className="mt-1 flex flex-wrap gap-2 text-xs font-semibold">
                  {isChosen ? (
                    <span
                      className={
                        outcome?.correct
                          ? 'text-emerald-800 dark:text-emerald-300'
                          : 'text-rose-800 dark:text-rose-300'
                      }
                    >
                      <span aria-hidden="true">{outcome?.correct ? '✓ ' : '✗ '}</span>
                      <span>Your answer{outcome?.correct ? ' (right)' : ' (wrong)'}</span>
                    </span>
                  ) : null}
                  {isAnswer && !isChosen ? (
                    <span className="text-emerald-800 dark:text-emerald-300">
                      <span aria-hidden="true">✓ </span>
                      <span>Right answer</span>
                    </span>
                  ) : null}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
