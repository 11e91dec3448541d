import Link from 'next/link';
import { SearchDialog } from '@/components/search/search-dialog';
import { SiteMenu } from './site-menu';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 px-4 lg:h-14 lg:flex-nowrap lg:gap-x-4 xl:gap-x-6">
        <Link
          href="/"
          className="flex h-14 shrink-0 items-center font-bold tracking-tight text-zinc-950 dark:text-white"
        >
          Backend Path
        </Link>
        <SiteMenu search={<SearchDialog />} />
      </div>
    </header>
  );
}
