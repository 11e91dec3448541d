'use client';

// Ctrl+K (⌘K on Apple devices) opens the course search from any page: results as the user types,
// grouped by lesson, chosen with the arrow keys (the combobox and listbox pattern). The engine and
// the course's packed index load when the dialog first opens, and a lesson's text when one of its
// results is shown, for the snippets (load-course-search.ts). Without JavaScript the trigger is a
// plain link to /search, which works on its own.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { Button } from '@/components/ui/button';
import { describeSearchCount, maxQueryLength } from '@/lib/content/search-results';
import { plural } from '@/lib/format';
import { loadCourseSearch, type CourseSearch } from './load-course-search';
import { hitLabel, SearchSnippet } from './search-snippet';

const openEvent = 'backend-path:open-search';
const shownResults = 20;

/** Opens the search dialog from any client component (a menu item, say). */
export function openSearchDialog() {
  window.dispatchEvent(new Event(openEvent));
}

// <SearchDialog /> may be rendered more than once (the header's, a phone menu's): the first one
// mounted owns the dialog and the shortcut, every trigger opens that one dialog, and the next one
// takes over if the owner unmounts.
const mounted: object[] = [];
const ownerListeners = new Set<() => void>();

function subscribeToOwner(listener: () => void) {
  ownerListeners.add(listener);
  return () => {
    ownerListeners.delete(listener);
  };
}

function useOwnsDialog(): boolean {
  const [token] = useState(() => ({}));
  useEffect(() => {
    mounted.push(token);
    ownerListeners.forEach((listener) => listener());
    return () => {
      mounted.splice(mounted.indexOf(token), 1);
      ownerListeners.forEach((listener) => listener());
    };
  }, [token]);
  return useSyncExternalStore(
    subscribeToOwner,
    () => mounted[0] === token,
    () => false,
  );
}

const noSubscription = () => () => {};

function isApplePlatform(): boolean {
  const { userAgentData } = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac|iphone|ipad|ipod/i.test(userAgentData?.platform || navigator.userAgent);
}

/** ⌘ on Apple devices, Ctrl elsewhere; null while the server renders and until hydration. */
function useShortcutModifier(): '⌘' | 'Ctrl' | null {
  return useSyncExternalStore(
    noSubscription,
    () => (isApplePlatform() ? '⌘' : 'Ctrl'),
    () => null,
  );
}

/** The header's search trigger, and the dialog it opens. */
export function SearchDialog() {
  const ownsDialog = useOwnsDialog();
  const modifier = useShortcutModifier();

  return (
    <>
      <a
        href="/search"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={(event) => {
          event.preventDefault();
          openSearchDialog();
        }}
        className="hidden items-center gap-2 rounded-md border border-zinc-300 px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 md:inline-flex dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        Search
        {/* A fixed width, so the label chosen after hydration does not move the header. */}
        <kbd aria-hidden="true" className="inline-block w-12 text-center font-mono text-xs">
          {modifier ? `${modifier} K` : '\u00a0'}
        </kbd>
      </a>
      {ownsDialog ? createPortal(<SearchDialogPanel />, document.body) : null}
    </>
  );
}

function SearchDialogPanel() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const id = useId();
  const [search, setSearch] = useState<CourseSearch | null>(null);
  // Bumped when lessons' text arrives, so the results are made again with their snippets.
  const [textLoads, setTextLoads] = useState(0);
  const [loadFailed, setLoadFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);

  const open = useCallback(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    input.current?.focus();
    input.current?.select();
    setLoadFailed(false);
    loadCourseSearch().then(setSearch, () => setLoadFailed(true));
  }, []);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener(openEvent, open);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(openEvent, open);
    };
  }, [open]);

  const trimmed = query.trim();
  const results = useMemo(
    () => (search && trimmed ? search.engine.search(trimmed, { limit: shownResults }) : null),
    // textLoads: the same query again once snippets can be made (the engine reads the texts).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search, trimmed, textLoads],
  );
  useEffect(() => {
    if (!search || !results) return;
    const missing = search.lessonsWithoutText(results);
    if (missing.length === 0) return;
    let current = true;
    // A failed download leaves those snippets empty; the results themselves stand.
    search.loadText(missing).then(
      () => current && setTextLoads((count) => count + 1),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [search, results]);
  const hits = useMemo(() => results?.groups.flatMap((group) => group.hits) ?? [], [results]);
  const optionId = (position: number) => `${id}-option-${position}`;

  useEffect(() => {
    if (active >= 0) {
      document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }, [active, id]);

  function go(href: string) {
    dialog.current?.close();
    router.push(href as never);
  }

  function onInputKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) =>
        current === -1 && step === -1
          ? hits.length - 1
          : (current + step + hits.length) % hits.length,
      );
    } else if (event.key === 'Enter') {
      const hit = hits[active];
      // Without a chosen result, Enter submits the form: every result, on /search.
      if (hit) {
        event.preventDefault();
        go(hit.href);
      }
    } else if (event.key === 'Escape') {
      // Handled here: in a search field, Escape would only clear the text.
      event.preventDefault();
      dialog.current?.close();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(trimmed ? `/search?${new URLSearchParams({ q: trimmed })}` : '/search');
  }

  let status = '';
  if (trimmed) {
    if (results) status = describeSearchCount(trimmed, results);
    else if (loadFailed)
      status = 'Search could not load here. Press Enter to search on the search page.';
    else status = 'Loading the search…';
  }

  let position = 0;
  return (
    <dialog
      ref={dialog}
      aria-label="Search the course"
      className="mx-auto mt-16 w-[calc(100%-2rem)] max-w-xl rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 sm:mt-24 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      onClose={() => setActive(-1)}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current.close();
      }}
    >
      <form action="/search" method="get" role="search" onSubmit={onSubmit} className="flex gap-2">
        <label htmlFor={`${id}-input`} className="sr-only">
          Search lessons
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          name="q"
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${id}-results`}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          maxLength={maxQueryLength}
          placeholder="Search lessons"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onInputKeyDown}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button type="submit">Search</Button>
      </form>
      <p
        aria-live="polite"
        data-testid="search-dialog-summary"
        className="mt-2 min-h-5 text-sm text-zinc-600 dark:text-zinc-400"
      >
        {status}
      </p>
      <div
        id={`${id}-results`}
        role="listbox"
        aria-label="Search results"
        hidden={hits.length === 0}
        className="mt-2 max-h-[55vh] space-y-3 overflow-y-auto"
      >
        {results?.groups.map((group) => (
          <div key={group.lessonId} role="group" aria-labelledby={`${id}-${group.lessonId}`}>
            <div
              role="presentation"
              id={`${id}-${group.lessonId}`}
              className="px-2 py-1 text-xs font-semibold text-zinc-600 dark:text-zinc-400"
            >
              {group.lessonTitle} <span className="font-normal">· {group.moduleTitle}</span>
            </div>
            {group.hits.map((hit) => {
              const index = position++;
              return (
                <div
                  key={index}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  // Keeps the focus in the input, where the arrow keys work.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => go(hit.href)}
                  className="cursor-pointer rounded-md px-2 py-1.5 hover:bg-zinc-100 aria-selected:bg-sky-100 aria-selected:outline-2 aria-selected:outline-sky-700 dark:hover:bg-zinc-800 dark:aria-selected:bg-sky-950 dark:aria-selected:outline-sky-400"
                >
                  <span className="block font-medium text-sky-800 dark:text-sky-300">
                    {hitLabel(hit)}
                  </span>
                  <SearchSnippet snippet={hit.snippet} className="line-clamp-2" />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {results && results.total > results.shown ? (
        <Link
          href={`/search?${new URLSearchParams({ q: trimmed })}` as never}
          onClick={() => dialog.current?.close()}
          className="mt-3 inline-block text-sm font-semibold text-sky-800 hover:underline dark:text-sky-300"
        >
          See all {plural(results.total, 'result')}
        </Link>
      ) : null}
      <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
        ↑ and ↓ choose a result, Enter opens it, Esc closes.
      </p>
    </dialog>
  );
}
