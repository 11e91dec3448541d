'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { themeChoices, themeStorageKey, type ThemeChoice } from '@/lib/theme';

const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Overrides the system colour scheme; the choice is remembered in this browser. */
const changeEvent = 'backend-path:theme';

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(themeStorageKey);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener('storage', onChange);
  window.addEventListener(changeEvent, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(changeEvent, onChange);
  };
}

/** What the inline script in <head> does, for pages where it did not run. */
function applyChoice(choice: ThemeChoice) {
  const dark =
    choice === 'dark' ||
    (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  document.documentElement.dataset.themeChoice = choice;
}

export function ThemeSelect() {
  // The server renders "System"; the browser shows the stored choice once hydrated. Until then the
  // select's own text is hidden and the choice the theme script wrote on <html> is shown instead.
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as const);
  const hydrated = useHydrated();

  useEffect(() => {
    // A page that calls notFound() or forbidden() is sent as an empty HTML shell and drawn by the
    // browser (Next.js 16, vercel/next.js#62228), so the inline theme script never ran there.
    if (!document.documentElement.dataset.theme) applyChoice(readChoice());
  }, []);

  function choose(next: ThemeChoice) {
    try {
      if (next === 'system') window.localStorage.removeItem(themeStorageKey);
      else window.localStorage.setItem(themeStorageKey, next);
    } catch {
      // Not remembered (storage disabled), applied anyway below.
    }
    const apply = (window as Window & { __applyTheme?: () => void }).__applyTheme;
    if (apply) apply();
    else applyChoice(next);
    window.dispatchEvent(new Event(changeEvent));
  }

  return (
    <label className="relative flex items-center gap-1 text-sm text-zinc-600 dark:text-zinc-400">
      <span className="sr-only">Colour theme</span>
      {/* Disabled until hydrated: a choice made before would change the list, not the theme. */}
      <select
        value={choice}
        disabled={!hydrated}
        aria-busy={!hydrated || undefined}
        onChange={(event) => choose(event.target.value as ThemeChoice)}
        className={`rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-sm disabled:cursor-progress dark:border-zinc-700 dark:bg-zinc-900 ${hydrated ? 'text-zinc-800 dark:text-zinc-200' : 'text-transparent'}`}
      >
        {themeChoices.map((option) => (
          <option key={option} value={option} className="text-zinc-800 dark:text-zinc-200">
            {labels[option]}
          </option>
        ))}
      </select>
      {hydrated ? null : (
        <span
          aria-hidden="true"
          data-testid="theme-before-hydration"
          className="pointer-events-none absolute left-2 text-zinc-800 dark:text-zinc-200"
        >
          <span className="hidden in-data-[theme-choice=system]:inline">{labels.system}</span>
          <span className="hidden in-data-[theme-choice=light]:inline">{labels.light}</span>
          <span className="hidden in-data-[theme-choice=dark]:inline">{labels.dark}</span>
        </span>
      )}
    </label>
  );
}
