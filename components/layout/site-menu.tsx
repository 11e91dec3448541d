'use client';

// The header's navigation, search, theme and account controls. From 1024 px they sit in the bar;
// below (they do not fit in 768 px), a Menu button opens them under it (Escape closes it, and
// focus goes back to the button). The search trigger stays in the bar from 768 px.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { AccountMenu } from './account-menu';
import { useSessionSummary } from './session-summary';
import { ThemeSelect } from './theme-select';

const linkClassName =
  'block rounded-md px-2 py-2.5 text-zinc-700 hover:text-zinc-950 lg:p-0 dark:text-zinc-300 dark:hover:text-white';

function NavLink({
  href,
  children,
}: {
  href: '/learn' | '/dashboard' | '/notes' | '/cohorts' | '/authoring' | '/search';
  children: ReactNode;
}) {
  return (
    <li>
      <Link href={href} className={linkClassName}>
        {children}
      </Link>
    </li>
  );
}

/**
 * The parts of the header after the logo, in reading order: the Menu button (below 1024 px), the
 * navigation, `search` and the controls. Below 1024 px the navigation and the controls are hidden
 * until the Menu button opens them as rows under the bar; from 1024 px they sit in the bar.
 */
export function SiteMenu({ search }: { search: ReactNode }) {
  const session = useSessionSummary();
  const pathname = usePathname();
  const hydrated = useHydrated();
  // Open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const controls = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      // The account menu inside handles its own Escape first.
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpenOn(null);
      button.current?.focus();
    }
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      const inside = [button, nav, controls].some((part) => part.current?.contains(target));
      if (!inside) setOpenOn(null);
    }
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const user = session.status === 'signed-in' ? session.user : null;
  const shown = open ? 'flex' : 'hidden';
  return (
    <>
      {/* Until React has hydrated the header the button cannot open anything: it is disabled and
          says it is loading (a spinner; "Loading" for screen readers), instead of losing a tap. */}
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-nav ${id}-controls`}
        disabled={!hydrated}
        aria-busy={!hydrated || undefined}
        aria-describedby={hydrated ? undefined : `${id}-menu-loading`}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="ml-auto flex min-h-11 items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-progress disabled:text-zinc-500 lg:hidden dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800 dark:disabled:text-zinc-400"
      >
        {hydrated ? (
          <span aria-hidden="true" className="w-4 text-center">
            {open ? '✕' : '☰'}
          </span>
        ) : (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
          />
        )}
        Menu
      </button>
      {/* The button's description (outside it, so its name stays "Menu"). */}
      {hydrated ? null : (
        <span id={`${id}-menu-loading`} hidden>
          Loading…
        </span>
      )}
      <nav
        ref={nav}
        id={`${id}-nav`}
        aria-label="Main"
        className={`${shown} basis-full border-t border-zinc-200 pt-2 text-sm font-medium max-lg:order-2 lg:flex lg:basis-auto lg:border-0 lg:pt-0 dark:border-zinc-800`}
      >
        <ul className="flex w-full flex-col lg:flex-row lg:items-center lg:gap-4">
          <NavLink href="/learn">Course</NavLink>
          <NavLink href="/dashboard">Dashboard</NavLink>
          <NavLink href="/notes">Notes</NavLink>
          <NavLink href="/cohorts">Cohorts</NavLink>
          {/* Learners find the authoring guide in the footer. */}
          {user?.canPreview ? <NavLink href="/authoring">Authoring</NavLink> : null}
          <li className="md:hidden">
            <Link href="/search" className={linkClassName}>
              Search
            </Link>
          </li>
        </ul>
      </nav>
      {/* Never hidden itself: the search dialog inside opens with Ctrl+K at any width; its
          trigger shows from 768 px (below, the navigation has a Search link). */}
      <div className="max-md:contents md:flex lg:ml-auto">{search}</div>
      <div
        ref={controls}
        id={`${id}-controls`}
        className={`${shown} basis-full flex-col gap-4 border-t border-zinc-200 py-4 max-lg:order-2 lg:flex lg:basis-auto lg:flex-row lg:items-center lg:gap-3 lg:border-0 lg:py-0 dark:border-zinc-800`}
      >
        <ThemeSelect />
        {session.status === 'loading' ? (
          // Nothing to click yet: it says so, in the space the account menu will take.
          <p
            aria-busy="true"
            className="flex h-9 items-center gap-2 text-sm text-zinc-600 lg:w-36 dark:text-zinc-400"
          >
            <span
              aria-hidden="true"
              className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent motion-reduce:animate-none"
            />
            <span aria-hidden="true" className="lg:hidden">
              Loading…
            </span>
            <span className="sr-only">Loading your account…</span>
          </p>
        ) : session.status === 'unavailable' ? (
          // Who is signed in could not be read (it is retried): a link that suits both, since
          // /account asks a visitor to sign in. Never Sign in / Sign up to someone signed in.
          <Link
            href="/account"
            className="rounded-md px-2 py-1.5 text-sm font-medium text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
          >
            Account
          </Link>
        ) : user ? (
          <AccountMenu user={user} />
        ) : (
          <div className="flex items-center gap-3 text-sm">
            <Link
              href="/sign-in"
              className="rounded-md px-2 py-1.5 font-medium text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
            >
              Sign in
            </Link>
            <Link
              href="/sign-up"
              className="rounded-md bg-sky-700 px-3 py-1.5 font-semibold text-white hover:bg-sky-800"
            >
              Sign up
            </Link>
          </div>
        )}
      </div>
    </>
  );
}
