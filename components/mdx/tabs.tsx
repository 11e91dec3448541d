'use client';

// Accessible tabs (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs). Tabs that
// share a syncKey follow each other on the page, and the last choice is remembered in the browser,
// so a reader who picks "Go" once sees Go first everywhere.
import {
  Children,
  isValidElement,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';

interface TabProps {
  label: string;
  children: ReactNode;
}

/** One tab of <Tabs>; its label names it. Rendered by Tabs, never on its own. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

const storageKey = (syncKey: string) => `backend-path:tabs:${syncKey}`;
const syncEvent = 'backend-path:tabs';

interface SyncDetail {
  syncKey: string;
  label: string;
}

export function Tabs({ children, syncKey }: { children: ReactNode; syncKey?: string }) {
  const tabs = Children.toArray(children).filter(
    (child): child is ReactElement<TabProps> =>
      isValidElement(child) && typeof (child.props as TabProps).label === 'string',
  );
  const labels = tabs.map((tab) => tab.props.label);
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const baseId = useId();
  // Before hydration a tab cannot switch: the tabs are disabled (the first panel reads as usual).
  const hydrated = useHydrated();

  useEffect(() => {
    if (!syncKey) return;
    const follow = (label: string | null) => {
      const index = label === null ? -1 : labels.indexOf(label);
      if (index >= 0) setSelected(index);
    };
    try {
      follow(window.localStorage.getItem(storageKey(syncKey)));
    } catch {
      // Storage can be unavailable (private mode, disabled cookies): tabs still work.
    }
    const onSync = (event: Event) => {
      const detail = (event as CustomEvent<SyncDetail>).detail;
      if (detail.syncKey === syncKey) follow(detail.label);
    };
    window.addEventListener(syncEvent, onSync);
    return () => window.removeEventListener(syncEvent, onSync);
    // labels is derived from children; its joined value is the real dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [syncKey, labels.join('\u0000')]);

  function select(index: number, focus: boolean) {
    setSelected(index);
    if (focus) tabRefs.current[index]?.focus();
    const label = labels[index];
    if (!syncKey || label === undefined) return;
    try {
      window.localStorage.setItem(storageKey(syncKey), label);
    } catch {
      // Not remembered, still switched.
    }
    window.dispatchEvent(new CustomEvent<SyncDetail>(syncEvent, { detail: { syncKey, label } }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    select(target, true);
  }

  return (
    <div className="tabs not-prose my-6">
      <div
        role="tablist"
        aria-orientation="horizontal"
        aria-busy={!hydrated || undefined}
        aria-describedby={hydrated ? undefined : `${baseId}-loading`}
        className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800"
      >
        {tabs.map((tab, index) => (
          <button
            key={tab.props.label}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${baseId}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            disabled={!hydrated}
            onClick={() => select(index, false)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className="-mb-px rounded-t-md border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-950 disabled:cursor-progress disabled:not-aria-selected:opacity-60 aria-selected:border-sky-600 aria-selected:text-sky-800 dark:text-zinc-400 dark:hover:text-white dark:aria-selected:text-sky-300"
          >
            {tab.props.label}
          </button>
        ))}
      </div>
      {hydrated ? null : (
        <span id={`${baseId}-loading`} hidden>
          Loading…
        </span>
      )}
      {tabs.map((tab, index) => (
        <div
          key={tab.props.label}
          role="tabpanel"
          id={`${baseId}-panel-${index}`}
          aria-labelledby={`${baseId}-tab-${index}`}
          hidden={index !== selected}
          tabIndex={0}
          className="tab-panel prose pt-1 [&>:first-child]:mt-3"
        >
          {tab.props.children}
        </div>
      ))}
    </div>
  );
}
