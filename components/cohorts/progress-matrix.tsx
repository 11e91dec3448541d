import type { ReactNode } from 'react';
import type { CellState, CohortDashboard, LearnerRow } from '@/lib/dal/cohorts';

const cellStyles: Record<CellState, { className: string; label: string; icon: string }> = {
  completed: { className: 'bg-emerald-700 text-white', label: 'Completed', icon: '✓' },
  started: { className: 'bg-amber-300 text-zinc-950', label: 'In progress', icon: '◐' },
  'not-started': {
    className: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
    label: 'Not started',
    icon: '',
  },
};

export const formatDay = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * Learners × lessons: a real table with row and column headers; each cell shows its state by
 * colour, by symbol and, for screen readers, by text. The lead's dashboard and the learner's own
 * "What my cohort leads see" render the same component, so they cannot drift apart.
 */
export function ProgressMatrix({
  lessons,
  learners,
  today,
  caption,
  memberActions,
}: {
  lessons: CohortDashboard['lessons'];
  learners: LearnerRow[];
  today: string;
  caption: string;
  memberActions?: (learner: LearnerRow) => ReactNode;
}) {
  const showQuizAverage = lessons.some((lesson) => lesson.quizAverage !== null);
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Progress matrix">
      <table className="border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white px-2 text-left dark:bg-zinc-950">
              Learner
            </th>
            <th scope="col" className="px-2">
              Done
            </th>
            <th scope="col" className="px-2">
              Last active
            </th>
            <th scope="col" className="px-2">
              Behind
            </th>
            {lessons.map((lesson, index) => {
              const overdue = lesson.dueOn !== null && lesson.dueOn < today;
              const due = lesson.dueOn ? `, due ${formatDay(lesson.dueOn)}` : '';
              return (
                <th
                  key={lesson.id}
                  scope="col"
                  title={`${lesson.title}${due}`}
                  className={`px-1 font-normal ${overdue ? 'underline decoration-rose-600 decoration-2' : ''}`}
                >
                  <span aria-hidden="true">{index + 1}</span>
                  <span className="sr-only">
                    {lesson.title}
                    {due}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.id} data-testid="matrix-row">
              <th
                scope="row"
                className="sticky left-0 bg-white px-2 text-left font-medium whitespace-nowrap dark:bg-zinc-950"
              >
                {learner.name}
                {learner.role === 'lead' ? <span className="text-zinc-600"> (lead)</span> : null}
                {memberActions?.(learner)}
              </th>
              <td className="px-2 text-center">{learner.completion}%</td>
              <td className="px-2 whitespace-nowrap">
                {learner.lastActiveAt ? formatDay(learner.lastActiveAt) : 'never'}
              </td>
              <td className="px-2 text-center">{learner.behind}</td>
              {lessons.map((lesson) => {
                const cell = learner.cells[lesson.id]!;
                const style = cellStyles[cell.state];
                const score = cell.bestScore === null ? '' : `, best quiz ${cell.bestScore}%`;
                return (
                  <td
                    key={lesson.id}
                    className={`size-6 rounded text-center ${style.className}`}
                    title={`${lesson.title}: ${style.label}${score}`}
                  >
                    <span aria-hidden="true">{style.icon}</span>
                    <span className="sr-only">
                      {style.label}
                      {score}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {showQuizAverage ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={4} className="px-2 text-left font-normal">
                Quiz average (best scores, %)
              </th>
              {lessons.map((lesson) => (
                <td key={lesson.id} className="px-1 text-center">
                  {lesson.quizAverage === null ? '–' : `${lesson.quizAverage}`}
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function MatrixLegend() {
  return (
    <ul className="flex flex-wrap gap-4 text-xs text-zinc-700 dark:text-zinc-300">
      {Object.values(cellStyles).map((style) => (
        <li key={style.label} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`inline-flex size-4 items-center justify-center rounded ${style.className}`}
          >
            {style.icon}
          </span>
          {style.label}
        </li>
      ))}
      <li>Underlined lesson numbers are past their due date.</li>
    </ul>
  );
}

/** Completion per module as a server-rendered SVG bar chart, with the figures as its title. */
export function ModuleChart({ modules }: { modules: CohortDashboard['modules'] }) {
  return (
    <svg
      role="img"
      aria-labelledby="modules-chart-title"
      viewBox={`0 0 640 ${modules.length * 28 + 8}`}
      className="w-full max-w-2xl"
    >
      <title id="modules-chart-title">
        {modules.map((module) => `${module.title}: ${module.completion}%`).join('; ')}
      </title>
      {modules.map((module, index) => (
        <g key={module.slug} transform={`translate(0 ${index * 28 + 4})`}>
          <text x="0" y="16" fontSize="12" className="fill-zinc-700 dark:fill-zinc-300">
            {module.title.length > 36 ? `${module.title.slice(0, 35)}…` : module.title}
          </text>
          <rect
            x="250"
            y="4"
            width="340"
            height="16"
            rx="3"
            className="fill-zinc-200 dark:fill-zinc-800"
          />
          <rect
            x="250"
            y="4"
            width={(340 * module.completion) / 100}
            height="16"
            rx="3"
            className="fill-emerald-700"
          />
          <text x="598" y="16" fontSize="12" className="fill-zinc-700 dark:fill-zinc-300">
            {module.completion}%
          </text>
        </g>
      ))}
    </svg>
  );
}
