'use client';

// The part of a lab that is in the lesson's own JavaScript: the task list and an Open button.
// Everything else (the editor, the panel, the worker with PostgreSQL) loads when it is pressed,
// so a lesson with a lab starts as fast as one without.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { LabAssets } from '@/lib/labs/protocol';
import { labTextClassName } from './lab-text';
import { startLabWorker, type StartedLabWorker } from './start-lab-worker';

export interface LauncherTask {
  id: string;
  title: string;
  starter: string;
  /** What each check asks for, in words. */
  checks: string[];
  prompt: ReactNode;
  hint: ReactNode;
}

export interface SqlLabProps {
  labId: string;
  assets: LabAssets;
  tasks: LauncherTask[];
  /** The worker the launcher started when Open was pressed. */
  started?: StartedLabWorker | null;
}

const SqlLabPanel = lazy(() => import('./sql-lab-panel'));

export function SqlLabLauncher(props: SqlLabProps) {
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<StartedLabWorker | null>(null);
  const hydrated = useHydrated();
  if (open) {
    return (
      <Suspense fallback={<p className="px-5 py-4 text-sm">Loading the lab…</p>}>
        <SqlLabPanel {...props} started={started} />
      </Suspense>
    );
  }
  return (
    <div className="space-y-4 px-5 py-4">
      <ol className="space-y-2">
        {props.tasks.map((task, index) => (
          <li key={task.id}>
            <details className="group rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
              <summary className="cursor-pointer text-sm font-medium text-zinc-900 dark:text-zinc-100">
                Task {index + 1}: {task.title}
              </summary>
              <div className={`mt-2 ${labTextClassName}`}>{task.prompt}</div>
            </details>
          </li>
        ))}
      </ol>
      <button
        type="button"
        disabled={!hydrated}
        aria-busy={!hydrated || undefined}
        onClick={() => {
          setStarted(startLabWorker(props.assets));
          setOpen(true);
        }}
        className="inline-flex items-center rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:bg-sky-700/60"
      >
        Open the lab
      </button>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Starts PostgreSQL in your browser (a download of about 6 MB the first time). Needs
        JavaScript.
      </p>
    </div>
  );
}
