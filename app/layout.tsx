import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/layout/site-header';
import { themeScript } from '@/lib/theme';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Backend Path', template: '%s · Backend Path' },
  description:
    'Learn the role of the backend developer: servers, databases, APIs, security, performance and the daily work, with lessons, quizzes and tracked progress.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // data-theme is set by themeScript before React hydrates, so the attribute differs on purpose.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-white font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sky-800"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-10">
          {children}
        </main>
        <footer className="border-t border-zinc-200 px-4 py-8 text-center text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          Backend Path · a course on the role of the backend developer ·{' '}
          <Link href="/authoring" className="underline hover:text-zinc-950 dark:hover:text-white">
            Authoring guide
          </Link>
        </footer>
      </body>
    </html>
  );
}
