import Link from 'next/link';
import { SearchDialog } from '@/components/search/search-dialog';
import { ThemeSelect } from './theme-select';
import { UserMenu } from './user-menu';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
        <div className="flex items-center gap-6">
          <Link href="/" className="font-bold tracking-tight text-zinc-950 dark:text-white">
            Backend Path
          </Link>
          <nav
            aria-label="Main"
            className="flex items-center gap-4 text-sm font-medium text-zinc-700 dark:text-zinc-300"
          >
            <Link href="/learn" className="hover:text-zinc-950 dark:hover:text-white">
              Course
            </Link>
            <Link href="/dashboard" className="hover:text-zinc-950 dark:hover:text-white">
              Dashboard
            </Link>
            <Link href="/notes" className="hover:text-zinc-950 dark:hover:text-white">
              Notes
            </Link>
            <Link href="/cohorts" className="hover:text-zinc-950 dark:hover:text-white">
              Cohorts
            </Link>
            <Link
              href="/authoring"
              className="hidden hover:text-zinc-950 sm:inline dark:hover:text-white"
            >
              Authoring
            </Link>
          </nav>
        </div>
        <div className="flex items-center gap-3">
          <SearchDialog />
          <ThemeSelect />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
