'use client';

// An SQL lab, opened: the task list, the SQL editor, and Run, Check, Submit and Reset. The
// learner's own PostgreSQL (PGlite) runs in a Web Worker started from the lab's snapshot. Run and
// Check answer in the browser; Submit is graded on the server against hidden data and recorded.
// The editor's text per task is saved on the server as the learner types (and kept in this
// browser until it is), so it follows them to another device.
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  getMyLabStateAction,
  saveLabDraftAction,
  submitLabTaskAction,
} from '@/app/(learn)/lab-actions';
import type { TaskGrade } from '@/lib/labs/grade';
import type { RunView } from '@/lib/labs/protocol';
import { plural } from '@/lib/format';
import { LabTimeoutError, LabWorkerClient } from './lab-worker-client';
import { CheckList, FailureMessage, RunOutput } from './run-output';
import { labTextClassName } from './lab-text';
import type { SqlLabProps } from './sql-lab-launcher';
import { SqlEditor } from './sql-editor';

type SubmitResult = Extract<
  Awaited<ReturnType<typeof submitLabTaskAction>>,
  { status: 'success' }
>['data'];

type Output =
  | { kind: 'run'; run: RunView; sql: string }
  | { kind: 'check'; grade: TaskGrade; ms: number }
  | { kind: 'submit'; result: SubmitResult }
  | { kind: 'message'; tone: 'info' | 'error'; text: string; signIn?: boolean };

type Busy = 'run' | 'check' | 'submit' | 'reset' | null;
type Account = 'unknown' | 'signed-in' | 'signed-out';
type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'retrying' | 'local';

/** How long Run and Check may take in the browser before the worker is stopped. */
const runSeconds = 15;
const draftKey = (labId: string, taskId: string) => `backend-path:lab-draft:${labId}:${taskId}`;

function readLocalDraft(labId: string, taskId: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(labId, taskId));
  } catch {
    return null;
  }
}

function writeLocalDraft(labId: string, taskId: string, text: string | null) {
  try {
    if (text === null) window.localStorage.removeItem(draftKey(labId, taskId));
    else window.localStorage.setItem(draftKey(labId, taskId), text);
  } catch {
    // Storage full or disabled: the text is still in the editor.
  }
}

function subscribeTheme(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
const useDarkTheme = () =>
  useSyncExternalStore(
    subscribeTheme,
    () => document.documentElement.dataset.theme === 'dark',
    () => false,
  );

export default function SqlLabPanel({ labId, assets, tasks, started }: SqlLabProps) {
  const baseId = useId();
  const dark = useDarkTheme();
  const client = useMemo(() => new LabWorkerClient(assets, started), [assets, started]);
  const [database, setDatabase] = useState<'starting' | 'ready' | 'failed'>('starting');
  const [databaseError, setDatabaseError] = useState('');
  // How long each step of starting the database took (read by the bench, not shown).
  const [openTimings, setOpenTimings] = useState<Record<string, number>>({});
  const [selected, setSelected] = useState(0);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      tasks.map((task) => [task.id, readLocalDraft(labId, task.id) ?? task.starter]),
    ),
  );
  const [account, setAccount] = useState<Account>('unknown');
  const [passed, setPassed] = useState<Record<string, boolean>>({});
  const [attempts, setAttempts] = useState<Record<string, number>>({});
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [output, setOutput] = useState<Output | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>('idle');
  const timers = useRef(new Map<string, number>());
  const latest = useRef(texts);
  const accountRef = useRef<Account>('unknown');
  const retry = useRef(0);
  const submission = useRef<{ taskId: string; sql: string; id: string } | null>(null);

  const task = tasks[selected] ?? tasks[0];
  const taskId = task?.id ?? '';
  const text = texts[taskId] ?? '';

  // Starts the learner's database (again, after a time-out or a failure: say so first).
  const openDatabase = useCallback(
    (again: boolean) => {
      if (again) setDatabase('starting');
      return client.open().then(
        (result) => {
          if (result.type === 'open') setOpenTimings(result.timings);
          setDatabase('ready');
        },
        (error: unknown) => {
          setDatabase('failed');
          setDatabaseError(error instanceof Error ? error.message : String(error));
        },
      );
    },
    [client],
  );

  useEffect(() => {
    void openDatabase(false);
    return () => client.terminate();
  }, [client, openDatabase]);

  const saveDraft = useCallback(
    async function save(id: string) {
      const body = latest.current[id] ?? '';
      if (accountRef.current !== 'signed-in') {
        setSaveStatus('local');
        return;
      }
      setSaveStatus('saving');
      try {
        const result = await saveLabDraftAction(labId, id, body);
        if (result.status !== 'success') throw new Error(result.message);
        retry.current = 0;
        if ((latest.current[id] ?? '') === body) writeLocalDraft(labId, id, null);
        setSaveStatus('saved');
      } catch {
        retry.current += 1;
        setSaveStatus('retrying');
        const delay = Math.min(30_000, 1000 * 2 ** retry.current);
        window.clearTimeout(timers.current.get(id));
        timers.current.set(
          id,
          window.setTimeout(() => void save(id), delay),
        );
      }
    },
    [labId],
  );

  // The learner's saved text and progress: a draft still in this browser (not saved yet) wins.
  useEffect(() => {
    let cancelled = false;
    void getMyLabStateAction(labId).then(
      (result) => {
        if (cancelled) return;
        if (result.status !== 'success') {
          const next =
            result.status === 'error' && result.code === 'unauthenticated'
              ? 'signed-out'
              : 'unknown';
          accountRef.current = next;
          setAccount(next);
          return;
        }
        accountRef.current = 'signed-in';
        setAccount('signed-in');
        const merged: Record<string, string> = { ...latest.current };
        for (const state of result.data.tasks) {
          const local = readLocalDraft(labId, state.taskId);
          if (local !== null) {
            if (local !== state.draft) void saveDraft(state.taskId);
          } else if (state.draft !== null) {
            merged[state.taskId] = state.draft;
          }
        }
        latest.current = merged;
        setTexts(merged);
        setPassed(
          Object.fromEntries(result.data.tasks.map((state) => [state.taskId, state.passed])),
        );
        setAttempts(
          Object.fromEntries(result.data.tasks.map((state) => [state.taskId, state.attempts])),
        );
      },
      () => undefined,
    );
    const pendingTimers = timers.current;
    return () => {
      cancelled = true;
      for (const timer of pendingTimers.values()) window.clearTimeout(timer);
    };
  }, [labId, saveDraft]);

  const onChange = useCallback(
    (value: string) => {
      latest.current = { ...latest.current, [taskId]: value };
      setTexts(latest.current);
      writeLocalDraft(labId, taskId, value);
      setSaveStatus('pending');
      window.clearTimeout(timers.current.get(taskId));
      timers.current.set(
        taskId,
        window.setTimeout(() => void saveDraft(taskId), 800),
      );
    },
    [labId, taskId, saveDraft],
  );

  const stopped = useCallback(
    async (error: unknown) => {
      if (error instanceof LabTimeoutError) {
        setOutput({
          kind: 'message',
          tone: 'error',
          text: `Stopped after ${error.seconds} s: your SQL ran too long (look for a query that never finishes, such as pg_sleep or a join without its condition). Your database was started again from the lab's start.`,
        });
        await openDatabase(true);
        return;
      }
      setOutput({
        kind: 'message',
        tone: 'error',
        text: error instanceof Error ? error.message : String(error),
      });
    },
    [openDatabase],
  );

  const run = useCallback(async () => {
    if (busy || database !== 'ready') return;
    const sql = latest.current[taskId] ?? '';
    setBusy('run');
    try {
      const result = await client.request({ type: 'run', sql }, runSeconds);
      if (result.type === 'run') setOutput({ kind: 'run', run: result.run, sql });
    } catch (error) {
      await stopped(error);
    } finally {
      setBusy(null);
    }
  }, [busy, client, database, stopped, taskId]);

  const check = async () => {
    if (busy || database !== 'ready') return;
    setBusy('check');
    try {
      const result = await client.request(
        { type: 'check', taskId, sql: latest.current[taskId] ?? '' },
        runSeconds,
      );
      if (result.type === 'check') {
        setOutput({ kind: 'check', grade: result.grade, ms: result.ms });
        setChecked((current) => ({ ...current, [taskId]: result.grade.passed }));
      }
    } catch (error) {
      await stopped(error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (busy) return;
    const sql = latest.current[taskId] ?? '';
    if (accountRef.current === 'signed-out') {
      writeLocalDraft(labId, taskId, sql);
      setOutput({
        kind: 'message',
        tone: 'info',
        text: 'Sign in to submit: your answer is graded on the server and counts toward your progress. Your SQL is kept in this browser.',
        signIn: true,
      });
      return;
    }
    // The same text submitted again after a failure to reach the server is the same submission.
    const previous = submission.current;
    const id =
      previous && previous.taskId === taskId && previous.sql === sql
        ? previous.id
        : crypto.randomUUID();
    submission.current = { taskId, sql, id };
    setBusy('submit');
    try {
      const result = await submitLabTaskAction(labId, taskId, sql, id);
      if (result.status === 'success') {
        submission.current = null;
        setOutput({ kind: 'submit', result: result.data });
        setPassed((current) => ({ ...current, [taskId]: result.data.task.passed }));
        setAttempts((current) => ({ ...current, [taskId]: result.data.task.attempts }));
      } else if (result.status === 'error' && result.code === 'unauthenticated') {
        accountRef.current = 'signed-out';
        setAccount('signed-out');
        writeLocalDraft(labId, taskId, sql);
        setOutput({
          kind: 'message',
          tone: 'info',
          text: 'Sign in to submit. Your SQL is kept in this browser.',
          signIn: true,
        });
      } else {
        submission.current = null;
        setOutput({ kind: 'message', tone: 'error', text: result.message });
      }
    } catch {
      setOutput({
        kind: 'message',
        tone: 'error',
        text: 'Could not reach the server. Your SQL is kept; press Submit again to retry.',
      });
    } finally {
      setBusy(null);
    }
  };

  const reset = async () => {
    if (busy) return;
    setBusy('reset');
    try {
      await client.request({ type: 'reset' }, runSeconds);
      setOutput({
        kind: 'message',
        tone: 'info',
        text: "Your database is back to the lab's start. Your SQL is unchanged.",
      });
    } catch (error) {
      await stopped(error);
    } finally {
      setBusy(null);
    }
  };

  const selectTask = (index: number) => {
    setSelected(index);
    setOutput(null);
  };

  if (!task) return null;
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`${typeof window === 'undefined' ? '' : window.location.pathname}#lab-${labId}`)}`;
  const statusId = `${baseId}-status`;
  const outputId = `${baseId}-output`;
  const promptId = `${baseId}-prompt`;
  const done = tasks.filter((item) => passed[item.id]).length;
  const saveMessage =
    saveStatus === 'pending' || saveStatus === 'saving'
      ? 'Saving…'
      : saveStatus === 'saved'
        ? 'Saved to your account.'
        : saveStatus === 'retrying'
          ? 'Not saved yet: kept in this browser, trying again.'
          : saveStatus === 'local'
            ? 'Kept in this browser (sign in to keep it in your account).'
            : '';

  return (
    <div
      className="grid gap-0 lg:grid-cols-[14rem_minmax(0,1fr)]"
      data-testid="sql-lab-panel"
      data-open-timings={JSON.stringify(openTimings)}
    >
      <div className="border-b border-zinc-200 p-3 lg:border-r lg:border-b-0 dark:border-zinc-800">
        <p className="px-2 pb-2 text-xs text-zinc-600 dark:text-zinc-400" id={`${baseId}-tasks`}>
          {account === 'signed-in'
            ? `${done} of ${plural(tasks.length, 'task')} passed`
            : plural(tasks.length, 'task')}
        </p>
        <div
          role="tablist"
          aria-labelledby={`${baseId}-tasks`}
          aria-orientation="vertical"
          className="space-y-1"
          onKeyDown={(event) => {
            const moves: Record<string, number> = {
              ArrowDown: selected + 1,
              ArrowRight: selected + 1,
              ArrowUp: selected - 1,
              ArrowLeft: selected - 1,
              Home: 0,
              End: tasks.length - 1,
            };
            const next = moves[event.key];
            if (next === undefined) return;
            event.preventDefault();
            const index = (next + tasks.length) % tasks.length;
            selectTask(index);
            document.getElementById(`${baseId}-tab-${index}`)?.focus();
          }}
        >
          {tasks.map((item, index) => {
            const state = passed[item.id] ? 'passed' : checked[item.id] ? 'checked' : null;
            return (
              <button
                key={item.id}
                type="button"
                role="tab"
                id={`${baseId}-tab-${index}`}
                aria-selected={index === selected}
                aria-controls={`${baseId}-task`}
                tabIndex={index === selected ? 0 : -1}
                onClick={() => selectTask(index)}
                className="flex min-h-11 w-full items-start gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-700 aria-selected:bg-sky-50 aria-selected:font-semibold aria-selected:text-sky-900 dark:text-zinc-200 dark:hover:bg-zinc-900 dark:aria-selected:bg-sky-950/50 dark:aria-selected:text-sky-100"
              >
                <span
                  aria-hidden="true"
                  className="w-4 shrink-0 text-emerald-700 dark:text-emerald-400"
                >
                  {state === 'passed' ? '✓' : state === 'checked' ? '◐' : ''}
                </span>
                <span>
                  {index + 1}. {item.title}
                  {state ? (
                    <span className="sr-only">
                      {state === 'passed'
                        ? ' (done)'
                        : ' (checks pass in your browser; not submitted)'}
                    </span>
                  ) : null}
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <div
        className="min-w-0 space-y-4 p-5"
        role="tabpanel"
        id={`${baseId}-task`}
        aria-labelledby={`${baseId}-tab-${selected}`}
      >
        <div className="space-y-2">
          <h3 className="text-lg font-semibold text-zinc-950 dark:text-white">
            Task {selected + 1}: {task.title}
            {passed[taskId] ? (
              <span className="ml-2 rounded bg-emerald-100 px-2 py-0.5 align-middle text-xs font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                Done
              </span>
            ) : null}
          </h3>
          <div id={promptId} className={labTextClassName}>
            {task.prompt}
          </div>
          {task.hint ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">
                Hint
              </summary>
              <div className={`mt-2 ${labTextClassName}`}>{task.hint}</div>
            </details>
          ) : null}
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-sky-800 dark:text-sky-300">
              What is checked
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-6 text-zinc-700 dark:text-zinc-300">
              {task.checks.map((description, index) => (
                <li key={index}>{description}</li>
              ))}
              <li>On Submit, the same checks on hidden data you do not see.</li>
            </ul>
          </details>
        </div>

        <div className="space-y-2">
          <p
            className="text-sm font-medium text-zinc-800 dark:text-zinc-200"
            id={`${baseId}-label`}
          >
            SQL
          </p>
          <SqlEditor
            value={text}
            onChange={onChange}
            onRun={() => void run()}
            label="SQL"
            describedBy={`${promptId} ${statusId}`}
            dark={dark}
          />
          <p
            id={statusId}
            className="text-xs text-zinc-600 empty:hidden dark:text-zinc-400"
            aria-live="polite"
            data-testid="lab-save-status"
          >
            {saveMessage}
          </p>
        </div>

        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Lab actions">
          <LabButton
            primary
            onClick={() => void run()}
            disabled={busy !== null || database !== 'ready'}
            busy={busy === 'run'}
            title="Run (Ctrl+Enter)"
          >
            Run
          </LabButton>
          <LabButton
            onClick={() => void check()}
            disabled={busy !== null || database !== 'ready'}
            busy={busy === 'check'}
          >
            Check
          </LabButton>
          <LabButton
            onClick={() => void submit()}
            disabled={busy !== null}
            busy={busy === 'submit'}
          >
            Submit
          </LabButton>
          <LabButton
            onClick={() => void reset()}
            disabled={busy !== null || database !== 'ready'}
            busy={busy === 'reset'}
          >
            Reset
          </LabButton>
          <span
            className="text-xs text-zinc-600 dark:text-zinc-400"
            aria-live="polite"
            data-testid="lab-database-status"
          >
            {database === 'starting'
              ? 'Starting PostgreSQL in your browser…'
              : database === 'ready'
                ? 'PostgreSQL is ready. Ctrl+Enter runs.'
                : ''}
          </span>
        </div>
        {database === 'failed' ? (
          <div className="rounded-md border border-rose-300 p-3 text-sm text-rose-900 dark:border-rose-800 dark:text-rose-200">
            <p>PostgreSQL could not start in your browser: {databaseError}</p>
            <button
              type="button"
              className="mt-2 font-semibold underline"
              onClick={() => void openDatabase(true)}
            >
              Try again
            </button>
          </div>
        ) : null}

        <section
          id={outputId}
          aria-live="polite"
          aria-label="Output"
          className="space-y-3"
          data-testid="lab-output"
        >
          {output?.kind === 'run' ? <RunOutput run={output.run} sql={output.sql} /> : null}
          {output?.kind === 'check' ? (
            <div className="space-y-2">
              <p
                className={`text-sm font-semibold ${output.grade.passed ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
              >
                {output.grade.passed
                  ? 'Every check passes on the visible data. Submit to have it graded on hidden data too.'
                  : 'Not yet: some checks fail on the visible data.'}
              </p>
              {output.grade.failure && output.grade.failure.kind !== 'error' ? (
                <p className="text-sm">{output.grade.failure.message}</p>
              ) : output.grade.failure ? (
                <FailureMessage failure={output.grade.failure} sql={text} />
              ) : null}
              <CheckList checks={output.grade.checks} />
              {output.grade.notes.map((note) => (
                <p key={note} className="text-sm text-zinc-700 dark:text-zinc-300">
                  {note}
                </p>
              ))}
            </div>
          ) : null}
          {output?.kind === 'submit' ? (
            <div className="space-y-2">
              <p
                className={`text-sm font-semibold ${output.result.passed ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
              >
                {output.result.passed
                  ? 'Passed on the server, on the visible data and on hidden data. Recorded.'
                  : 'Not passed on the server. Recorded; this task is on your review list until it passes.'}
              </p>
              {output.result.failedChecks.length > 0 ? (
                <CheckList
                  checks={output.result.failedChecks.map((failed) => ({
                    description: task.checks[failed.index] ?? 'A check',
                    passed: false,
                    messages: [failed.message],
                  }))}
                />
              ) : null}
              {output.result.notes.map((note) => (
                <p key={note} className="text-sm">
                  {note}
                </p>
              ))}
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {plural(output.result.task.attempts, 'submission')} for this task.
              </p>
            </div>
          ) : null}
          {output?.kind === 'message' ? (
            <div
              className={`rounded-md border p-3 text-sm ${output.tone === 'error' ? 'border-rose-300 text-rose-900 dark:border-rose-800 dark:text-rose-200' : 'border-sky-300 text-sky-950 dark:border-sky-800 dark:text-sky-100'}`}
            >
              <p>{output.text}</p>
              {output.signIn ? (
                <p className="mt-2">
                  <a href={signInHref} className="font-semibold underline">
                    Sign in
                  </a>
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
        {attempts[taskId] && !output ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {plural(attempts[taskId] ?? 0, 'submission')} for this task
            {passed[taskId] ? ', passed' : ''}.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function LabButton({
  primary = false,
  busy,
  children,
  ...props
}: { primary?: boolean; busy: boolean } & React.ComponentProps<'button'>) {
  return (
    <button
      type="button"
      aria-busy={busy || undefined}
      className={`inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:opacity-60 ${primary ? 'bg-sky-700 text-white hover:bg-sky-800' : 'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800'}`}
      {...props}
    >
      {children}
    </button>
  );
}
