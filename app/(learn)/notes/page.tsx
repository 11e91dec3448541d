import type { Metadata } from 'next';
import Link from 'next/link';
import { loadForPage } from '@/lib/dal/guard';
import { listMyNotes } from '@/lib/dal/notes';
import { formatDay } from '@/lib/format';

export const metadata: Metadata = { title: 'Notes and bookmarks', robots: { index: false } };

export default async function NotesPage() {
  const mine = await loadForPage('/notes', listMyNotes);
  return (
    <div className="max-w-3xl space-y-10">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
        Notes and bookmarks
      </h1>
      <section aria-labelledby="bookmarks-heading" className="space-y-3">
        <h2 id="bookmarks-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Bookmarks
        </h2>
        {mine.bookmarks.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            No bookmarks yet. Use ☆ Bookmark on a lesson to keep it here.
          </p>
        ) : (
          <ul className="space-y-2">
            {mine.bookmarks.map((bookmark) => (
              <li key={bookmark.lessonId}>
                <Link
                  href={bookmark.href}
                  className="font-medium text-sky-800 hover:underline dark:text-sky-300"
                >
                  {bookmark.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notes-heading" className="space-y-4">
        <h2 id="notes-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Notes
        </h2>
        {mine.notes.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">
            No notes yet. Each lesson has a private note field below it.
          </p>
        ) : (
          <ul className="space-y-6">
            {mine.notes.map((note) => (
              <li key={note.lessonId} className="space-y-1">
                <Link
                  href={note.href}
                  className="font-medium text-sky-800 hover:underline dark:text-sky-300"
                >
                  {note.title}
                </Link>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Updated <time dateTime={note.updatedAt}>{formatDay(note.updatedAt)}</time>
                </p>
                <p className="whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
