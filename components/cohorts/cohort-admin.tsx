'use client';

import { useRouter } from 'next/navigation';
import { useState, useSyncExternalStore, useTransition } from 'react';
import {
  leaveCohortAction,
  regenerateInviteCodeAction,
  removeMemberAction,
  setCohortArchivedAction,
  setEnrolmentAction,
  setMemberRoleAction,
} from '@/app/(teams)/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { useClipboard } from '@/components/ui/use-clipboard';

const noSubscription = () => () => {};

const secondaryButton =
  'rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800';

/** The result of the last change, announced politely; empty until there is one. */
function ActionMessage({ message }: { message: string }) {
  return (
    <p aria-live="polite" className="text-sm text-rose-700 empty:sr-only dark:text-rose-400">
      {message}
    </p>
  );
}

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
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  const clipboard = useClipboard();
  // The origin is only known in the browser; the server renders the path, and hydration matches.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => '',
  );
  const link = `${origin}/cohorts/join?code=${code}`;
  const run = (operation: () => Promise<{ status: string; message?: string }>) =>
    startTransition(async () => {
      const result = await operation();
      setMessage(result.status === 'success' ? '' : (result.message ?? ''));
    });
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
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => void clipboard.copy(link)} className={secondaryButton}>
          Copy link
        </button>
        <span aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
          {clipboard.state === 'copied'
            ? 'Link copied.'
            : clipboard.state === 'refused'
              ? 'Your browser refused the clipboard: select the link above and copy it.'
              : ''}
        </span>
      </div>
      <p className="text-sm">
        {open ? 'Enrolment is open.' : 'Enrolment is closed: the code does not work.'}
      </p>
      <div className="flex flex-wrap gap-2">
        <ConfirmButton
          disabled={pending}
          question="Issue a new code? The current code and the shared link stop working."
          confirmLabel="Issue new code"
          onConfirm={() =>
            run(async () => {
              const result = await regenerateInviteCodeAction(cohortId);
              if (result.status === 'success') setCode(result.data.inviteCode);
              return result;
            })
          }
          className={secondaryButton}
        >
          New invite code
        </ConfirmButton>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const result = await setEnrolmentAction(cohortId, !open);
              if (result.status === 'success') setOpen(!open);
              return result;
            })
          }
          className={secondaryButton}
        >
          {open ? 'Close enrolment' : 'Reopen enrolment'}
        </button>
      </div>
      <ActionMessage message={message} />
    </div>
  );
}

/** Per-member actions for the owner: make lead (or back to learner), remove (after confirming). */
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
  const [message, setMessage] = useState('');
  const router = useRouter();
  const run = (operation: () => Promise<{ status: string; message?: string }>) =>
    startTransition(async () => {
      const result = await operation();
      setMessage(result.status === 'success' ? '' : (result.message ?? ''));
      router.refresh();
    });
  return (
    <span className="flex flex-wrap items-center gap-2">
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
      <ConfirmButton
        disabled={pending}
        question={`Remove ${name} from this cohort? Their progress stays theirs; this dashboard stops showing it.`}
        confirmLabel="Remove"
        onConfirm={() => run(() => removeMemberAction(cohortId, userId))}
        className="text-xs text-rose-700 underline dark:text-rose-400"
      >
        Remove<span className="sr-only"> {name}</span>
      </ConfirmButton>
      <ActionMessage message={message} />
    </span>
  );
}

/** Archive (read-only, listed apart, after confirming) or restore a cohort: owner and admins. */
export function ArchiveCohortButton({
  cohortId,
  name,
  archived,
}: {
  cohortId: string;
  name: string;
  archived: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const router = useRouter();
  const run = () =>
    startTransition(async () => {
      const result = await setCohortArchivedAction(cohortId, !archived);
      setMessage(result.status === 'success' ? '' : result.message);
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <ConfirmButton
        ask={!archived}
        disabled={pending}
        question={`Archive ${name}? It becomes read-only: nobody can join, and nothing about it can change until it is restored.`}
        confirmLabel="Archive"
        onConfirm={run}
        className={secondaryButton}
      >
        {archived ? 'Restore cohort' : 'Archive cohort'}
      </ConfirmButton>
      <ActionMessage message={message} />
    </div>
  );
}

/** A member leaves the cohort (after confirming); its leads stop seeing their progress. */
export function LeaveCohortButton({ cohortId, name }: { cohortId: string; name: string }) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState('');
  const router = useRouter();
  return (
    <div className="space-y-1">
      <ConfirmButton
        disabled={pending}
        question={`Leave ${name}? Its leads will no longer see your progress.`}
        confirmLabel="Leave"
        onConfirm={() =>
          startTransition(async () => {
            const result = await leaveCohortAction(cohortId);
            if (result.status === 'success') router.push('/cohorts');
            else setMessage(result.message);
          })
        }
        className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950/40"
      >
        Leave cohort
      </ConfirmButton>
      <ActionMessage message={message} />
    </div>
  );
}
