import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClassName } from '@/components/ui/button';
import { getJoinedCohort, listMyCohorts, type CohortListItem } from '@/lib/dal/cohorts';
import { loadForPage } from '@/lib/dal/guard';
import { getCurrentUserProfile } from '@/lib/dal/users';
import { plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Cohorts', robots: { index: false } };

const accessLabels = {
  owner: 'You own it',
  admin: 'Admin',
  lead: 'You lead it',
  learner: 'You are a member',
} as const;

export default async function CohortsPage({
  searchParams,
}: {
  searchParams: Promise<{ joined?: string | string[] }>;
}) {
  const { joined: joinedId } = await searchParams;
  const data = await loadForPage('/cohorts', async () => ({
    profile: await getCurrentUserProfile(),
    cohorts: await listMyCohorts(),
    joined: joinedId ? await getJoinedCohort(joinedId) : null,
  }));
  const canCreate = data.profile.role !== 'learner';
  const active = data.cohorts.filter((cohort) => !cohort.archived);
  const archived = data.cohorts.filter((cohort) => cohort.archived);
  return (
    <div className="max-w-3xl space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Cohorts</h1>
        <div className="flex gap-3">
          <Link href="/cohorts/join" className={buttonClassName('secondary')}>
            Join a cohort
          </Link>
          {canCreate ? (
            <Link href="/cohorts/new" className={buttonClassName('primary')}>
              New cohort
            </Link>
          ) : null}
        </div>
      </header>
      {data.joined ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-4 py-2 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
        >
          You joined {data.joined.name}.
        </p>
      ) : null}
      {active.length === 0 ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          {archived.length === 0 ? 'You are not in any cohort yet.' : 'No active cohorts.'}
        </p>
      ) : (
        <CohortList cohorts={active} />
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-heading" className="space-y-3">
          <h2 id="archived-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
            Archived
          </h2>
          <CohortList cohorts={archived} />
        </section>
      ) : null}
    </div>
  );
}

function CohortList({ cohorts }: { cohorts: CohortListItem[] }) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {cohorts.map((cohort) => (
        <li
          key={cohort.id}
          className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3"
        >
          <p>
            <Link
              href={`/cohorts/${cohort.id}` as never}
              className="font-medium text-sky-800 hover:underline dark:text-sky-300"
            >
              {cohort.name}
            </Link>
            {cohort.access === 'learner' ? (
              <span className="block text-sm text-zinc-600 dark:text-zinc-400">
                Opens what your cohort leads see about you
              </span>
            ) : null}
          </p>
          <span className="text-sm text-zinc-600 dark:text-zinc-400">
            {accessLabels[cohort.access]} · {plural(cohort.members, 'person', 'people')}
          </span>
        </li>
      ))}
    </ul>
  );
}
