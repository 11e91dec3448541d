import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewCard } from '@/components/review/review-card';
import { loadForPage } from '@/lib/dal/guard';
import { listDueReviews, reviewIntervalsDays } from '@/lib/dal/review';

export const metadata: Metadata = { title: 'Review', robots: { index: false } };

export default async function ReviewPage() {
  const reviews = await loadForPage('/review', () => listDueReviews());
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Review</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Quiz questions you got wrong come back here: after {reviewIntervalsDays.join(', ')} days
          as long as you keep answering them right, and tomorrow again when you don&apos;t.
        </p>
      </header>
      {reviews.due.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300" data-testid="review-empty">
          Nothing is due right now.
          {reviews.upcoming > 0
            ? ` ${reviews.upcoming} question${reviews.upcoming === 1 ? '' : 's'} will come back later.`
            : ''}{' '}
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
                question={item.question}
                choices={item.choices}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
