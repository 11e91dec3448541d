import type { Metadata } from 'next';
import Link from 'next/link';
import { listDraftsForPreview } from '@/lib/dal/drafts';
import { loadForPage } from '@/lib/dal/guard';

export const metadata: Metadata = { title: 'Draft lessons', robots: { index: false } };

export default async function DraftsPage() {
  const drafts = await loadForPage('/preview', listDraftsForPreview);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Draft lessons
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Lessons with <code>draft: true</code> are left out of the published course. Preview them
        here; remove the flag to publish. Any published lesson can be previewed at{' '}
        <code>/preview/&lt;module&gt;/&lt;lesson&gt;</code> too.
      </p>
      {drafts.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">There are no drafts right now.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {drafts.map((lesson) => (
            <li key={lesson.id} className="px-4 py-3">
              <Link
                href={`/preview/${lesson.moduleSlug}/${lesson.slug}` as never}
                className="font-medium text-sky-800 hover:underline dark:text-sky-300"
              >
                {lesson.title}
              </Link>
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">{lesson.file}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
