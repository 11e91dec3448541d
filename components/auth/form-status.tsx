/** The form-level message, announced politely to screen readers when it changes. */
export function FormStatus({ message }: { message?: string }) {
  return (
    <div
      aria-live="polite"
      className="min-h-6 text-sm text-rose-700 dark:text-rose-400"
      data-testid="form-error"
    >
      {message ? <p>{message}</p> : null}
    </div>
  );
}

/** What a form turns into once it has done its job (for example "we sent you an e-mail"). */
export function SentNotice({ message }: { message: string }) {
  return (
    <p
      role="status"
      className="rounded-md bg-emerald-50 px-4 py-3 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
    >
      {message}
    </p>
  );
}
