import type { QuizQuestion } from '@/lib/content';
import { InlineCode } from '@/components/ui/inline-code';

/** The lesson's frontmatter quiz: questions and choices only. Answers and explanations stay on the server. */
export function Quiz({
  questions,
  lessonId,
}: {
  questions: Pick<QuizQuestion, 'question' | 'choices'>[];
  lessonId: string;
}) {
  const idPrefix = `quiz-${lessonId.replace('/', '-')}`;
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
          {questions.length} questions. Choose the answer you would defend in a code review; each
          one tests an idea from the lesson, not a detail to memorise.
        </p>
      </div>
      <ol className="space-y-6">
        {questions.map((question, index) => (
          <li key={question.question}>
            <fieldset className="space-y-2">
              <legend className="font-medium text-zinc-900 dark:text-zinc-100">
                <span className="text-zinc-500 dark:text-zinc-400">{index + 1}. </span>
                <InlineCode text={question.question} />
              </legend>
              {question.choices.map((choice, choiceIndex) => {
                const id = `${idPrefix}-${index}-${choiceIndex}`;
                return (
                  <div key={choice} className="flex items-start gap-2">
                    <input
                      type="radio"
                      id={id}
                      name={`${idPrefix}-${index}`}
                      value={choiceIndex}
                      className="mt-1.5"
                    />
                    <label htmlFor={id} className="text-zinc-800 dark:text-zinc-200">
                      <InlineCode text={choice} />
                    </label>
                  </div>
                );
              })}
            </fieldset>
          </li>
        ))}
      </ol>
    </section>
  );
}
