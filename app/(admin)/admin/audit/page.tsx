import type { Metadata } from 'next';
import { listAuditEntries } from '@/lib/dal/admin';
import { loadForPage } from '@/lib/dal/guard';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false } };

export default async function AuditPage() {
  const entries = await loadForPage('/admin/audit', listAuditEntries);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">Audit log</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Role changes and account deletions, newest first (the latest 200).
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit entries, newest first</caption>
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th scope="col" className="py-2 pr-4">
                Time (UTC)
              </th>
              <th scope="col" className="py-2 pr-4">
                Action
              </th>
              <th scope="col" className="py-2 pr-4">
                By
              </th>
              <th scope="col" className="py-2 pr-4">
                About
              </th>
              <th scope="col" className="py-2 pr-4">
                Details
              </th>
              <th scope="col" className="py-2">
                IP
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="py-2 pr-4">
                  <time dateTime={entry.createdAt}>
                    {entry.createdAt.replace('T', ' ').slice(0, 19)}
                  </time>
                </td>
                <th scope="row" className="py-2 pr-4 font-medium">
                  {entry.action}
                </th>
                <td className="py-2 pr-4">{entry.actor ?? 'system'}</td>
                <td className="py-2 pr-4">{entry.target ?? '—'}</td>
                <td className="py-2 pr-4 font-mono text-xs">
                  {entry.details
                    ? Object.entries(entry.details)
                        .map(([key, value]) => `${key}: ${String(value)}`)
                        .join(', ')
                    : ''}
                </td>
                <td className="py-2">{entry.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? (
          <p className="py-4 text-zinc-600 dark:text-zinc-400">Nothing recorded yet.</p>
        ) : null}
      </div>
    </div>
  );
}
