'use client';

// The signed-in user's menu: a disclosure button with their name that opens their links and Sign
// out. Keyboard: Enter or Space opens, the arrows (or Tab) move, Escape closes and returns focus.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useFormStatus } from 'react-dom';
import { signOutAction } from '@/app/(auth)/actions';
import type { SessionSummaryDto } from '@/lib/dal/me';
import { markSessionSummaryStale, refreshSessionSummary } from './session-summary';

const itemClassName =
  'block w-full rounded-md px-3 py-2.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-700 dark:text-zinc-200 dark:hover:bg-zinc-800';

const itemsOf = (panel: HTMLElement | null) =>
  Array.from(panel?.querySelectorAll<HTMLElement>('a, button') ?? []);

/** Signing out may leave the browser on the same page: the summary is read again once it is done. */
function SignOutButton() {
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) refreshSessionSummary();
    wasPending.current = pending;
  }, [pending]);
  return (
    <button type="submit" className={itemClassName} aria-disabled={pending || undefined}>
      Sign out
    </button>
  );
}

export function AccountMenu({ user }: { user: SessionSummaryDto }) {
  const pathname = usePathname();
  // Open on the page where it was opened: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  function close(returnFocus: boolean) {
    setOpenOn(null);
    if (returnFocus) button.current?.focus();
  }

  // Opening by arrow key moves focus into the menu once it is rendered.
  const focusOnOpen = useRef<'first' | 'last' | null>(null);
  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    const list = itemsOf(panel.current);
    (focusOnOpen.current === 'first' ? list[0] : list.at(-1))?.focus();
    focusOnOpen.current = null;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpenOn(null);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const end = event.key === 'ArrowDown' ? 'first' : 'last';
      if (open) {
        const list = itemsOf(panel.current);
        (end === 'first' ? list[0] : list.at(-1))?.focus();
      } else {
        focusOnOpen.current = end;
        setOpenOn(pathname);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  }

  function onPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = itemsOf(panel.current);
    const index = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number | undefined> = {
      ArrowDown: (index + 1) % list.length,
      ArrowUp: (index - 1 + list.length) % list.length,
      Home: 0,
      End: list.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      list[target]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  }

  return (
    <div
      className="relative"
      onBlur={(event) => {
        // Tabbing out of the menu closes it.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) close(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpenOn(open ? null : pathname)}
        onKeyDown={onButtonKeyDown}
        className="flex max-w-full items-center gap-1.5 rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 lg:max-w-48 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span className="sr-only">Account menu for </span>
        <span className="truncate" data-testid="user-name">
          {user.name}
        </span>
        <span aria-hidden="true" className="text-xs">
          {open ? '▴' : '▾'}
        </span>
      </button>
      <div
        ref={panel}
        id={panelId}
        hidden={!open}
        onKeyDown={onPanelKeyDown}
        className="mt-2 w-full rounded-lg border border-zinc-200 bg-white p-1 shadow-lg lg:absolute lg:right-0 lg:z-30 lg:w-56 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <ul>
          <li>
            <Link href="/account" className={itemClassName}>
              Account
            </Link>
          </li>
          <li>
            <Link href="/review" className={`${itemClassName} flex items-center justify-between`}>
              Review
              <span className="rounded-full bg-sky-100 px-2 text-xs font-semibold text-sky-900 dark:bg-sky-950 dark:text-sky-200">
                {user.reviewsDue} due
              </span>
            </Link>
          </li>
          {user.canPreview ? (
            <li>
              <Link href="/preview" className={itemClassName}>
                Preview
              </Link>
            </li>
          ) : null}
          {user.isAdmin ? (
            <li>
              <Link href="/admin/users" className={itemClassName}>
                Admin
              </Link>
            </li>
          ) : null}
          <li className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-800">
            <form action={signOutAction} onSubmit={markSessionSummaryStale}>
              <SignOutButton />
            </form>
          </li>
        </ul>
      </div>
    </div>
  );
}
