'use client';

import { useState, useTransition } from 'react';
import { reassignCohortAction } from '@/app/(admin)/actions';

/** The new owner's e-mail and a button; the result is announced next to it. */
export function ReassignCohortForm({
  cohortId,
  cohortName,
}: {
  cohortId: string;
  cohortName: string;
}) {
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const inputId = `owner-${cohortId}`;
  const messageId = `${inputId}-message`;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await reassignCohortAction(cohortId, email);
          setFailed(result.status !== 'success');
          setMessage(
            result.status === 'success'
              ? `${result.data.ownerEmail} now owns it.`
              : result.status === 'invalid'
                ? (Object.values(result.fieldErrors).flat()[0] ?? result.message)
                : result.message,
          );
        });
      }}
    >
      <label className="sr-only" htmlFor={inputId}>
        New owner of {cohortName}
      </label>
      <input
        id={inputId}
        type="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        placeholder="instructor@example.com"
        aria-invalid={failed || undefined}
        aria-describedby={messageId}
        className="w-64 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-zinc-300 px-2 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Reassign<span className="sr-only"> {cohortName}</span>
      </button>
      <span id={messageId} aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </span>
    </form>
  );
}
