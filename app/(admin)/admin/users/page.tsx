import type { Metadata } from 'next';
import Link from 'next/link';
import { ZodError } from 'zod';
import { RoleSelect } from '@/components/admin/role-select';
import { StackedLabel } from '@/components/ui/stacked-label';
import { stackedTable } from '@/components/ui/stacked-table';
import { searchUsers, type AdminUserRow } from '@/lib/dal/admin';
import { loadForPage } from '@/lib/dal/guard';

export const metadata: Metadata = { title: 'Users', robots: { index: false } };

type Search = { rows: AdminUserRow[]; problem: null } | { rows: null; problem: string };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const { q: raw } = await searchParams;
  const q = typeof raw === 'string' ? raw : '';
  // The role is checked before the query, so a refused visitor gets 403 whatever they typed; a
  // query the DAL refuses (too long, control characters) is explained, and nothing is listed.
  const { rows, problem } = await loadForPage('/admin/users', async (): Promise<Search> => {
    try {
      return { rows: await searchUsers({ q }), problem: null };
    } catch (error) {
      if (error instanceof ZodError)
        return { rows: null, problem: error.issues[0]?.message ?? 'That search is not valid.' };
      throw error;
    }
  });
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Users</h1>
        <nav aria-label="Admin" className="flex gap-4">
          <Link
            href="/admin/cohorts"
            className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
          >
            Cohorts
          </Link>
          <Link
            href="/admin/audit"
            className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
          >
            Audit log
          </Link>
        </nav>
      </header>
      <form role="search" className="flex max-w-md gap-2">
        <label htmlFor="user-search" className="sr-only">
          Search users
        </label>
        <input
          id="user-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="E-mail or name"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'user-search-error' : undefined}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white"
        >
          Search
        </button>
      </form>
      {rows === null ? (
        <p
          id="user-search-error"
          data-testid="user-search-error"
          className="text-rose-700 dark:text-rose-400"
        >
          {problem}
        </p>
      ) : (
        <div className="md:overflow-x-auto">
          <table className={stackedTable.table}>
            <caption className="sr-only">Users{q ? ` matching “${q}”` : ''}, newest first</caption>
            <thead className={stackedTable.head}>
              <tr>
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  E-mail
                </th>
                <th scope="col" className="py-2 pr-4">
                  Joined
                </th>
                <th scope="col" className="py-2">
                  Role
                </th>
              </tr>
            </thead>
            <tbody className={stackedTable.body}>
              {rows.map((user) => (
                <tr key={user.id} className={stackedTable.row}>
                  <th scope="row" className={`${stackedTable.cell} font-medium`}>
                    {user.name ?? '—'}
                  </th>
                  <td className={`${stackedTable.cell} max-md:break-all`}>{user.email}</td>
                  <td className={stackedTable.cell}>
                    <StackedLabel>Joined</StackedLabel>
                    <time dateTime={user.createdAt}>{user.createdAt.slice(0, 10)}</time>
                  </td>
                  <td className={stackedTable.cell}>
                    <RoleSelect userId={user.id} role={user.role} label={user.email ?? user.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? (
            <p className="py-4 text-zinc-600 dark:text-zinc-400">No users match.</p>
          ) : null}
        </div>
      )}
    </div>
  );
}
