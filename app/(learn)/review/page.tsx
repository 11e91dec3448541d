import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { ReviewCard } from '@/components/review/review-card';
import { loadForPage } from '@/lib/dal/guard';
import { normalizeTimeZone } from '@/lib/dal/activity';
import { listMyLabTasksToRetry } from '@/lib/dal/labs';
import { listDueReviews, reviewIntervalsDays } from '@/lib/dal/review';
import { plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Review', robots: { index: false } };

const questions = (count: number) => plural(count, 'question');

export default async function ReviewPage() {
  const reviews = await loadForPage('/review', () => listDueReviews());
  const labTasks = await loadForPage('/review', () => listMyLabTasksToRetry());
  const nextDue = reviews.nextDueAt
    ? new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: normalizeTimeZone((await cookies()).get('tz')?.value),
      }).format(new Date(reviews.nextDueAt))
    : null;
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Review</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Quiz questions you got wrong come back here: after {reviewIntervalsDays.join(', ')} days
          as long as you keep answering them right, and tomorrow again when you don&apos;t.
        </p>
      </header>
      <p className="text-zinc-800 dark:text-zinc-200" data-testid="review-summary">
        <span className="font-semibold">
          {reviews.due.length === 0
            ? 'Nothing is due right now.'
            : `${questions(reviews.due.length)} due now.`}
        </span>
        {nextDue ? (
          <>
            {' '}
            {questions(reviews.upcoming)} will come back later; the next on{' '}
            <time dateTime={reviews.nextDueAt ?? undefined}>{nextDue}</time>.
          </>
        ) : null}
      </p>
      {reviews.due.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300" data-testid="review-empty">
          <Link href="/learn" className="font-semibold text-sky-800 underline dark:text-sky-300">
            Back to the course
          </Link>
        </p>
      ) : (
        <ol className="space-y-8">
          {reviews.due.map((item) => (
            <li
              key={`${item.lessonId}-${item.questionIndex}`}
              className="space-y-2 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
            >
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                From{' '}
                <Link href={item.lessonHref} className="underline">
                  {item.lessonTitle}
                </Link>
              </p>
              <ReviewCard
                lessonId={item.lessonId}
                questionIndex={item.questionIndex}
                view={item.view}
              />
            </li>
          ))}
        </ol>
      )}
      {labTasks.length > 0 ? (
        <section aria-labelledby="lab-tasks-heading" className="space-y-3" data-testid="lab-tasks">
          <h2
            id="lab-tasks-heading"
            className="text-xl font-semibold text-zinc-950 dark:text-white"
          >
            Lab tasks to finish
          </h2>
          <p className="text-zinc-700 dark:text-zinc-300">
            Tasks you submitted that have not passed yet. Each leaves this list once a submission
            passes.
          </p>
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {labTasks.map((task) => (
              <li key={`${task.labId}/${task.taskId}`} className="space-y-1 p-4">
                <p className="font-semibold text-zinc-950 dark:text-white">
                  {task.lesson ? (
                    <Link href={task.lesson.href} className="underline">
                      {task.taskTitle}
                    </Link>
                  ) : (
                    task.taskTitle
                  )}
                </p>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {task.labTitle}
                  {task.lesson ? ` · in ${task.lesson.title}` : ''} ·{' '}
                  {plural(task.attempts, 'attempt')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
