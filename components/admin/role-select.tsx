'use client';

import { useState, useTransition } from 'react';
import { changeUserRoleAction } from '@/app/(admin)/actions';
import { ConfirmButton } from '@/components/ui/confirm-button';

const roles = ['learner', 'instructor', 'admin'] as const;

/**
 * A user's role with a button to change it (making someone an admin is asked about first); the
 * result is announced next to it.
 */
export function RoleSelect({
  userId,
  role,
  label,
}: {
  userId: string;
  role: string;
  label: string;
}) {
  const [value, setValue] = useState(role);
  const [current, setCurrent] = useState(role);
  const [message, setMessage] = useState('');
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {label}
      </label>
      <select
        id={`role-${userId}`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <ConfirmButton
        ask={value === 'admin'}
        question={`Make ${label} an admin? Admins can change every account's role and every cohort.`}
        confirmLabel="Make admin"
        disabled={pending || value === current}
        onConfirm={() =>
          startTransition(async () => {
            const result = await changeUserRoleAction(userId, value);
            if (result.status === 'success') {
              setCurrent(result.data.role);
              setMessage(`Now ${result.data.role}.`);
            } else {
              setValue(current);
              setMessage(result.message);
            }
          })
        }
        className="rounded-md border border-zinc-300 px-2 py-1 text-sm font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Change role<span className="sr-only"> of {label}</span>
      </ConfirmButton>
      <span aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
        {message}
      </span>
    </div>
  );
}
