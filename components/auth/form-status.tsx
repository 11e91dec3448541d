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
