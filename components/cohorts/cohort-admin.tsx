'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';

const noSubscription = () => () => {};
import {
  leaveCohortAction,
  regenerateInviteCodeAction,
  removeMemberAction,
  setEnrolmentAction,
  setMemberRoleAction,
} from '@/app/(teams)/actions';

/** The owner's controls: the invite code and link, a new code, and enrolment on or off. */
export function InviteControls({
  cohortId,
  inviteCode,
  enrolmentOpen,
}: {
  cohortId: string;
  inviteCode: string;
  enrolmentOpen: boolean;
}) {
  const [code, setCode] = useState(inviteCode);
  const [open, setOpen] = useState(enrolmentOpen);
  const [pending, startTransition] = useTransition();
  // The origin is only known in the browser; the server renders the path, and hydration matches.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
  const link = `${origin}/cohorts/join?code=${code}`;
  return (
    <div className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <p>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">Invite code </span>
        <strong className="font-mono text-lg tracking-wider" data-testid="invite-code">
          {code}
        </strong>
      </p>
      <p className="text-sm break-all text-zinc-600 dark:text-zinc-400">
        Invite link: <span className="font-mono">{link}</span>
      </p>
      <p className="text-sm">
        {open ? 'Enrolment is open.' : 'Enrolment is closed: the code does not work.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await regenerateInviteCodeAction(cohortId);
              if (result.status === 'success') setCode(result.data.inviteCode);
            })
          }
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          New invite code
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await setEnrolmentAction(cohortId, !open);
              if (result.status === 'success') setOpen(!open);
            })
          }
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {open ? 'Close enrolment' : 'Reopen enrolment'}
        </button>
      </div>
    </div>
  );
}

/** Per-member actions for the owner: make lead (or back to learner), remove. */
export function MemberActions({
  cohortId,
  userId,
  name,
  role,
}: {
  cohortId: string;
  userId: string;
  name: string;
  role: 'learner' | 'lead';
}) {
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const run = (operation: () => Promise<unknown>) =>
    startTransition(async () => {
      await operation();
      router.refresh();
    });
  return (
    <span className="flex gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(() => setMemberRoleAction(cohortId, userId, role === 'lead' ? 'learner' : 'lead'))
        }
        className="text-xs underline"
      >
        {role === 'lead' ? 'Make learner' : 'Make lead'}
        <span className="sr-only"> ({name})</span>
      </button>
      <button
        type="button"
        disabled={pending}
        onClick={() => run(() => removeMemberAction(cohortId, userId))}
        className="text-xs text-rose-700 underline dark:text-rose-400"
      >
        Remove<span className="sr-only"> {name}</span>
      </button>
    </span>
  );
}

/** A member leaves the cohort (after confirming); its leads stop seeing their progress. */
export function LeaveCohortButton({ cohortId, name }: { cohortId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Leave ${name}? Its leads will no longer see your progress.`)) return;
          startTransition(async () => {
            const result = await leaveCohortAction(cohortId);
            if (result.status === 'success') router.push('/cohorts');
            else setError(result.message);
          });
        }}
        className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950/40"
      >
        Leave cohort
      </button>
      {error ? <p className="text-sm text-rose-700 dark:text-rose-400">{error}</p> : null}
    </div>
  );
}
