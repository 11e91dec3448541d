'use client';

// The header's navigation, search, theme and account controls. From 1024 px they sit in the bar;
// below (they do not fit in 768 px), a Menu button opens them under it (Escape closes it, and
// focus goes back to the button). The search trigger stays in the bar from 768 px.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-nav ${id}-controls`}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="ml-auto flex items-center gap-2 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 lg:hidden dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800"
      >
        <span aria-hidden="true">{open ? '✕' : '☰'}</span>
        Menu
      </button>
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
          <div className="hidden h-9 w-36 lg:block" aria-hidden="true" />
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
