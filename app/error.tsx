'use client';

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-xl space-y-4 text-center">
      <h1 className="text-3xl font-bold text-zinc-950 dark:text-white">Something went wrong</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        We could not load this page. Nothing you saved was lost. Try again in a moment.
      </p>
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white"
      >
        Try again
      </button>
    </div>
  );
}
