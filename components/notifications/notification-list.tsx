'use client';

import { useState, useTransition } from 'react';
import { dismissNotificationAction } from '@/app/(teams)/actions';
import type { NotificationItem } from '@/lib/dal/notifications';
import { formatDay } from '@/lib/format';

/** Nudges from cohort leads, on the learner's dashboard, each dismissible. */
export function NotificationList({ items }: { items: NotificationItem[] }) {
  const [visible, setVisible] = useState(items);
  const [pending, startTransition] = useTransition();
  if (visible.length === 0) return null;
  return (
    <section aria-labelledby="notifications-heading" className="space-y-3">
      <h2
        id="notifications-heading"
        className="text-xl font-semibold text-zinc-950 dark:text-white"
      >
        Messages from your cohorts
      </h2>
      <ul className="space-y-3">
        {visible.map((item) => (
          <li
            key={item.id}
            data-testid="notification"
            className="rounded-lg border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/40"
          >
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {item.senderName ?? 'Your cohort lead'}
              {item.cohortName ? ` · ${item.cohortName}` : ''} · {formatDay(item.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-line text-zinc-900 dark:text-zinc-100">
              {item.message}
            </p>
            <button
              type="button"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await dismissNotificationAction(item.id);
                  if (result.status === 'success')
                    setVisible((current) => current.filter((other) => other.id !== item.id));
                })
              }
              className="mt-2 text-sm font-medium text-sky-800 underline dark:text-sky-300"
            >
              Dismiss
              <span className="sr-only"> the message from {item.senderName ?? 'your lead'}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
