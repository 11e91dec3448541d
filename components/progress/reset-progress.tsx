'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { resetProgressAction } from '@/app/(learn)/actions';
import { refreshSessionSummary } from '@/components/layout/session-summary';

/** Resets the whole course's progress after an explicit confirmation. */
export function ResetProgress() {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  if (!confirming) {
    return (
      <div className="space-y-2">
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Reset progress
        </button>
        <p aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
          {message}
        </p>
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby="reset-confirm"
      className="space-y-3 rounded-lg border border-rose-300 p-4 dark:border-rose-900"
    >
      <p id="reset-confirm" className="text-sm text-zinc-800 dark:text-zinc-200">
        Reset your progress on every lesson, including quiz scores, the questions waiting for review
        and your lab submissions? This cannot be undone.
      </p>
      <div className="flex gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await resetProgressAction();
              setConfirming(false);
              setMessage(result.status === 'success' ? 'Your progress was reset.' : result.message);
              router.refresh();
              // The account menu's reviews due and "Continue" change with it.
              refreshSessionSummary();
            })
          }
          className="rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60"
        >
          Yes, reset my progress
        </button>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
