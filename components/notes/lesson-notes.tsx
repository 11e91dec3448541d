'use client';

// A private note per lesson, saved as the learner types. If saving fails (offline, server down),
// the text stays in the editor and in this browser's storage, and saving is retried with a
// growing delay; the status line says what is happening. Plus a bookmark toggle.
import { useEffect, useRef, useState, useTransition } from 'react';
import { saveNoteAction, setBookmarkAction } from '@/app/(learn)/actions';
import { toolCellClassName } from '@/components/course/tool-cell';
import { useLessonState } from '@/components/progress/lesson-state';
import { textLimits } from '@/lib/validations/limits';

type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'invalid';

const draftKey = (lessonId: string) => `backend-path:note-draft:${lessonId}`;
const maxRetryDelay = 30_000;

function NoteEditor({ lessonId, initialNote }: { lessonId: string; initialNote: string }) {
  const [text, setText] = useState(() => {
    try {
      return window.localStorage.getItem(draftKey(lessonId)) ?? initialNote;
    } catch {
      return initialNote;
    }
  });
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const attempt = useRef(0);
  const latest = useRef(text);

  const save = async () => {
    const body = latest.current;
    setStatus('saving');
    try {
      const result = await saveNoteAction(lessonId, body);
      if (result.status === 'success') {
        attempt.current = 0;
        if (latest.current === body) {
          window.localStorage.removeItem(draftKey(lessonId));
          setStatus('saved');
          setMessage(
            `Saved at ${new Date(result.data.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`,
          );
        }
        return;
      }
      if (result.status === 'invalid') {
        // The text stays in the editor (and in this browser) until the learner fixes it.
        setStatus('invalid');
        setMessage(result.fieldErrors.body?.join(' ') || result.message);
        return;
      }
      throw new Error(result.message);
    } catch {
      attempt.current += 1;
      const delay = Math.min(maxRetryDelay, 1000 * 2 ** attempt.current);
      setStatus('retrying');
      setMessage(
        `Not saved yet: your note is kept in this browser and we will try again in ${Math.round(delay / 1000)} s.`,
      );
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(save, delay);
    }
  };

  // A draft left by an earlier failed save is sent again when the page opens.
  useEffect(() => {
    if (latest.current !== initialNote) timer.current = window.setTimeout(save, 0);
    return () => window.clearTimeout(timer.current);
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="space-y-2">
      <label
        htmlFor={`note-${lessonId}`}
        className="block text-sm font-medium text-zinc-800 dark:text-zinc-200"
      >
        Your notes (private)
      </label>
      <textarea
        id={`note-${lessonId}`}
        value={text}
        rows={5}
        maxLength={textLimits.note}
        aria-invalid={status === 'invalid' || undefined}
        aria-describedby={`note-status-${lessonId}`}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          latest.current = value;
          setStatus('pending');
          try {
            window.localStorage.setItem(draftKey(lessonId), value);
          } catch {
            // Storage full or disabled: the text is still in the editor.
          }
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(save, 800);
        }}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 aria-invalid:border-rose-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:aria-invalid:border-rose-400"
      />
      {/* Takes no space while empty; the error of a refused note is what the editor is described by. */}
      <p
        id={`note-status-${lessonId}`}
        aria-live="polite"
        className={`text-sm empty:sr-only ${status === 'invalid' ? 'text-rose-700 dark:text-rose-400' : 'text-zinc-600 dark:text-zinc-400'}`}
        data-testid="note-status"
      >
        {status === 'pending' || status === 'saving' ? 'Saving…' : message}
      </p>
    </div>
  );
}

export function LessonNotes({ lessonId }: { lessonId: string }) {
  const context = useLessonState();
  const [pending, startTransition] = useTransition();
  const [bookmarked, setBookmarked] = useState<boolean | null>(null);
  if (!context || context.state.kind !== 'ready') return null;
  const isBookmarked = bookmarked ?? context.state.bookmarked ?? false;

  // Below 1024 px: two cells of the lesson's tools bar, Bookmark and Note (a disclosure whose
  // editor opens above the bar). In the rail the editor is always shown (globals.css,
  // .lesson-panel).
  return (
    <section
      aria-label="Notes and bookmark"
      className="not-prose flex items-stretch gap-1 lg:block lg:space-y-4 lg:rounded-lg lg:border lg:border-zinc-200 lg:p-4 lg:dark:border-zinc-800"
    >
      <button
        type="button"
        aria-pressed={isBookmarked}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await setBookmarkAction(lessonId, !isBookmarked);
            if (result.status === 'success') setBookmarked(result.data.bookmarked);
          })
        }
        className={`${toolCellClassName} border border-transparent aria-pressed:border-amber-500 aria-pressed:bg-amber-50 lg:inline-flex lg:min-h-0 lg:min-w-0 lg:flex-row lg:gap-1 lg:border-zinc-300 lg:px-3 lg:py-1.5 lg:text-sm dark:aria-pressed:bg-amber-950/40 lg:dark:border-zinc-700`}
      >
        <span aria-hidden="true">{isBookmarked ? '★' : '☆'}</span>
        Bookmark
      </button>
      <details name="lesson-tools" className="lesson-panel group">
        <summary
          className={`${toolCellClassName} h-full list-none [&::-webkit-details-marker]:hidden`}
        >
          <span aria-hidden="true">✎</span>
          <span>Note</span>
        </summary>
        {/* display: none while closed below 1024 px, so nothing measures or reaches outside it. */}
        <div className="absolute inset-x-0 bottom-full hidden border-t border-zinc-200 bg-white p-4 shadow-lg group-open:block lg:static lg:block lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:border-zinc-800 dark:bg-zinc-950 lg:dark:bg-transparent">
          <NoteEditor lessonId={lessonId} initialNote={context.state.note ?? ''} />
        </div>
      </details>
    </section>
  );
}
