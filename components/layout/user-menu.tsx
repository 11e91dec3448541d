'use client';

// The signed-in part of the header. Pages stay static (lessons are prerendered), so the session is
// read in the browser from Auth.js's session endpoint, which returns only the user's own name.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { signOutAction } from '@/app/(auth)/actions';

type SessionState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; name: string };

export function UserMenu() {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const pathname = usePathname();

  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data: { user?: { name?: string | null; email?: string | null } } | null) => {
        if (cancelled) return;
        setSession(
          data?.user
            ? { status: 'signed-in', name: data.user.name || data.user.email || 'Account' }
            : { status: 'signed-out' },
        );
      })
      .catch(() => !cancelled && setSession({ status: 'signed-out' }));
    return () => {
      cancelled = true;
    };
  }, [pathname]);

  if (session.status === 'loading') return <div className="h-9 w-40" aria-hidden="true" />;
  if (session.status === 'signed-out') {
    return (
      <div className="flex items-center gap-3 text-sm">
        <Link
          href="/sign-in"
          className="font-medium text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
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
    );
  }
  return (
    <div className="flex items-center gap-3 text-sm">
      <span
        className="hidden max-w-40 truncate text-zinc-600 sm:inline dark:text-zinc-400"
        data-testid="user-name"
      >
        {session.name}
      </span>
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
