import type { Metadata } from 'next';
import Link from 'next/link';
import { ReassignCohortForm } from '@/components/admin/reassign-cohort-form';
import { StackedLabel } from '@/components/ui/stacked-label';
import { stackedTable } from '@/components/ui/stacked-table';
import { listCohortsForAdmin } from '@/lib/dal/cohorts';
import { loadForPage } from '@/lib/dal/guard';
import { plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Cohorts', robots: { index: false } };

export default async function AdminCohortsPage() {
  const rows = await loadForPage('/admin/cohorts', listCohortsForAdmin);
  const waiting = rows.filter((row) => row.needsOwner).length;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Cohorts</h1>
        <Link
          href="/admin/users"
          className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Users
        </Link>
      </header>
      <p className="max-w-prose text-zinc-700 dark:text-zinc-300">
        A cohort outlives its owner: when the owner deletes their account, or stops being an
        instructor or admin, its members and their progress stay, its leads keep their view, and
        nobody manages it until you give it a new owner (an instructor or an admin).{' '}
        {waiting === 0
          ? 'Every cohort has an owner.'
          : `Waiting for a new owner: ${plural(waiting, 'cohort')}.`}
      </p>
      <div className="md:overflow-x-auto">
        <table className={stackedTable.table}>
          <caption className="sr-only">Cohorts, those without an owner first</caption>
          <thead className={stackedTable.head}>
            <tr>
              <th scope="col" className="py-2 pr-4">
                Cohort
              </th>
              <th scope="col" className="py-2 pr-4">
                Members
              </th>
              <th scope="col" className="py-2 pr-4">
                Owner
              </th>
              <th scope="col" className="py-2">
                New owner
              </th>
            </tr>
          </thead>
          <tbody className={stackedTable.body}>
            {rows.map((row) => (
              <tr key={row.id} className={`${stackedTable.row} align-top`}>
                <th scope="row" className={`${stackedTable.cell} font-medium`}>
                  <Link href={`/cohorts/${row.id}`} className="underline">
                    {row.name}
                  </Link>
                </th>
                <td className={stackedTable.cell}>
                  <StackedLabel>Members</StackedLabel>
                  {row.members}
                </td>
                <td className={stackedTable.cell}>
                  <StackedLabel>Owner</StackedLabel>
                  {row.owner ? (
                    <>
                      {row.owner.email} ({row.owner.role})
                      {row.needsOwner ? (
                        <span className="block text-amber-800 dark:text-amber-300">
                          No longer allowed to manage cohorts
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-amber-800 dark:text-amber-300">
                      None: the account was deleted
                    </span>
                  )}
                </td>
                <td className={stackedTable.cell}>
                  <ReassignCohortForm cohortId={row.id} cohortName={row.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
