/**
 * A form's own message (a failure, or what a save did), announced politely to screen readers when
 * it changes. It takes no space while empty: no blank gap above the submit button.
 */
export function FormStatus({
  message,
  tone = 'error',
}: {
  message?: string;
  tone?: 'error' | 'success';
}) {
  return (
    <div
      aria-live="polite"
      className={`text-sm empty:sr-only ${tone === 'error' ? 'text-rose-700 dark:text-rose-400' : 'text-emerald-800 dark:text-emerald-300'}`}
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
