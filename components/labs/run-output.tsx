'use client';

// What Run, Check and Submit show under the editor: result tables, Postgres errors with their
// line, and per check what passed and what differs.
import type { TaskGrade } from '@/lib/labs/grade';
import type { RunStatementView, RunView } from '@/lib/labs/protocol';
import type { RunFailure } from '@/lib/labs/run';
import { plural } from '@/lib/format';

const formatMs = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);

function ResultTable({ statement, label }: { statement: RunStatementView; label: string }) {
  return (
    <div
      className="max-h-80 overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className="w-full border-collapse text-left font-mono text-xs">
        <thead className="sticky top-0 bg-zinc-100 dark:bg-zinc-900">
          <tr>
            {statement.fields.map((field, index) => (
              <th
                key={index}
                scope="col"
                className="border-b border-zinc-200 px-2 py-1 font-semibold dark:border-zinc-800"
              >
                {field}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statement.rows.map((row, rowIndex) => (
            <tr
              key={rowIndex}
              className="odd:bg-white even:bg-zinc-50 dark:odd:bg-zinc-950 dark:even:bg-zinc-900/60"
            >
              {row.map((value, columnIndex) => (
                <td
                  key={columnIndex}
                  className="border-b border-zinc-100 px-2 py-1 whitespace-pre dark:border-zinc-900"
                >
                  {value === null ? (
                    <span className="text-zinc-500 italic dark:text-zinc-400">NULL</span>
                  ) : (
                    value
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FailureMessage({ failure, sql }: { failure: RunFailure; sql?: string }) {
  let pointer: { line: string; column: number } | null = null;
  if (sql !== undefined && failure.position !== undefined) {
    const before = sql.slice(0, failure.position - 1);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = sql.indexOf('\n', lineStart);
    pointer = {
      line: sql.slice(lineStart, lineEnd < 0 ? undefined : lineEnd),
      column: failure.position - 1 - lineStart,
    };
  }
  return (
    <div className="space-y-1 rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
      <p className="font-semibold">
        {failure.kind === 'error'
          ? `ERROR${failure.sqlstate ? ` ${failure.sqlstate}` : ''}${failure.line ? ` at line ${failure.line}` : ''}: `
          : ''}
        <span className="font-normal">{failure.message}</span>
      </p>
      {pointer ? (
        <pre
          className="overflow-x-auto font-mono text-xs"
          aria-label={`Position ${pointer.column + 1} of line ${failure.line}`}
        >
          {pointer.line}
          {'\n'}
          {' '.repeat(Math.max(0, pointer.column))}^
        </pre>
      ) : null}
      {failure.detail ? <p>DETAIL: {failure.detail}</p> : null}
      {failure.hint ? <p>HINT: {failure.hint}</p> : null}
    </div>
  );
}

export function RunOutput({ run, sql }: { run: RunView; sql: string }) {
  const shown = run.statements.slice(-3);
  const last = run.statements.length - shown.length;
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="run-summary">
        {run.failure && run.failure.kind === 'error'
          ? `${plural(run.statements.length, 'statement')} ran before the error`
          : `${plural(run.statements.length, 'statement')} ran`}{' '}
        in {formatMs(run.ms)}.
        {run.inTransaction ? ' A transaction is open: COMMIT or ROLLBACK it.' : ''}
      </p>
      {shown.map((statement, index) => {
        const number = last + index + 1;
        const heading =
          statement.fields.length > 0
            ? `Statement ${number} (line ${statement.line}): ${plural(statement.rowCount, 'row')}`
            : `Statement ${number} (line ${statement.line}): ${statement.command ?? 'OK'}${statement.command && statement.command !== 'SELECT' && statement.rowCount > 0 ? ` ${plural(statement.rowCount, 'row')}` : ''}`;
        return (
          <div key={number} className="space-y-1">
            <p className="text-xs font-semibold text-zinc-700 dark:text-zinc-300">
              {heading}
              {statement.truncated > 0
                ? ` (the first ${plural(statement.rows.length, 'row')} shown)`
                : ''}
            </p>
            {statement.fields.length > 0 ? (
              <ResultTable statement={statement} label={`Result of statement ${number}`} />
            ) : null}
          </div>
        );
      })}
      {run.failure ? <FailureMessage failure={run.failure} sql={sql} /> : null}
    </div>
  );
}

export function CheckList({
  checks,
}: {
  checks: Pick<TaskGrade['checks'][number], 'description' | 'passed' | 'messages'>[];
}) {
  return (
    <ul className="space-y-2">
      {checks.map((check, index) => (
        <li key={index} className="flex gap-2 text-sm">
          <span
            aria-hidden="true"
            className={
              check.passed
                ? 'text-emerald-700 dark:text-emerald-400'
                : 'text-rose-700 dark:text-rose-400'
            }
          >
            {check.passed ? '✓' : '✗'}
          </span>
          <span>
            <span className="sr-only">{check.passed ? 'Passed: ' : 'Failed: '}</span>
            <span className="text-zinc-900 dark:text-zinc-100">{check.description}</span>
            {check.messages.length > 0 ? (
              <span className="mt-1 block text-zinc-700 dark:text-zinc-300">
                {check.messages.join(' ')}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
