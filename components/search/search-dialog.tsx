'use client';

// Ctrl+K (Cmd+K on a Mac) opens a search box from any page; it submits to /search.
import { useEffect, useRef } from 'react';

export function SearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        dialog.current?.showModal();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <a
        href="/search"
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
        }}
        className="hidden items-center gap-2 rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 md:inline-flex dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        Search <kbd className="font-mono text-xs">Ctrl K</kbd>
      </a>
      <dialog
        ref={dialog}
        aria-label="Search the course"
        className="mx-auto mt-24 w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
        onClick={(event) => {
          if (event.target === dialog.current) dialog.current.close();
        }}
      >
        <form action="/search" method="get" role="search" className="flex gap-2">
          <label htmlFor="dialog-search" className="sr-only">
            Search lessons
          </label>
          <input
            id="dialog-search"
            name="q"
            type="search"
            autoFocus
            placeholder="Search lessons"
            className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950"
          />
          <button
            type="submit"
            className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800"
          >
            Search
          </button>
        </form>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Press Esc to close.</p>
      </dialog>
    </>
  );
}
