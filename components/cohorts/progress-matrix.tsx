import type { ReactNode } from 'react';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { Cell, CellState, CohortDashboard, LearnerRow } from '@/lib/dal/cohorts';
import { isCompletedState, lessonStateLabels } from '@/lib/dal/lesson-state';
import { formatDay, plural } from '@/lib/format';

const cellStyles: Record<CellState, { className: string; icon: string }> = {
  completed: { className: 'bg-emerald-700 text-white', icon: '✓' },
  // Outlined where "Completed" is filled: done, but the quiz still stands between it and mastery.
  'quiz-not-passed': {
    className:
      'bg-white text-emerald-800 ring-2 ring-inset ring-emerald-700 dark:bg-zinc-950 dark:text-emerald-300 dark:ring-emerald-400',
    icon: '✓',
  },
  started: { className: 'bg-amber-300 text-zinc-950', icon: '◐' },
  'not-started': {
    className: 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400',
    icon: '',
  },
};
const legendOrder: CellState[] = ['completed', 'quiz-not-passed', 'started', 'not-started'];

type Lesson = CohortDashboard['lessons'][number];
type Module = Pick<CohortDashboard['modules'][number], 'slug' | 'title'>;

/** "APIs: development and integration" → "APIs", for headers that have little room. */
const shortTitle = (title: string) => title.split(':')[0]!;

/** The lessons shown, grouped by their module in course order. */
function groupByModule(lessons: Lesson[], modules: Module[]) {
  return modules
    .map((module) => ({
      module,
      lessons: lessons.filter((lesson) => lesson.moduleSlug === module.slug),
    }))
    .filter((group) => group.lessons.length > 0);
}

function LeadMark({ learner }: { learner: LearnerRow }) {
  return learner.role === 'lead' ? (
    <span className="font-normal text-zinc-600 dark:text-zinc-400"> (lead)</span>
  ) : null;
}

const lastActive = (learner: LearnerRow) =>
  learner.lastActiveAt ? formatDay(learner.lastActiveAt) : 'never';

/** "Practice: 2 of 4 lab tasks", the lesson page's wording, or '' for a lesson without a lab. */
const practiceText = ({ practice }: Cell) =>
  practice ? `Practice: ${practice.done} of ${practice.total} lab tasks` : '';

/** The "Lab tasks" column and line appear once the course has a lab. */
const hasLabs = (learners: LearnerRow[]) => learners.some((learner) => learner.labTasks.total > 0);

/**
 * Learners × lessons. From 768 px: a real table in one scroll container, the learner column
 * sticky, lesson columns grouped under their module, each lesson's title shown on hover and
 * focus. Narrower: one card per learner with a line per module, so a phone shows every module.
 * The lead's dashboard and the learner's own "What my cohort leads see" render the same
 * component, so they cannot drift apart.
 */
export function ProgressMatrix(props: {
  lessons: Lesson[];
  modules: Module[];
  learners: LearnerRow[];
  today: string;
  caption: string;
  memberActions?: (learner: LearnerRow) => ReactNode;
}) {
  return (
    <>
      <div className="hidden md:block">
        <MatrixTable {...props} />
      </div>
      <div className="md:hidden">
        <LearnerCards {...props} />
      </div>
    </>
  );
}

function MatrixTable({
  lessons,
  modules,
  learners,
  today,
  caption,
  memberActions,
}: Parameters<typeof ProgressMatrix>[0]) {
  const groups = groupByModule(lessons, modules);
  const showQuizAverage = lessons.some((lesson) => lesson.quizAverage !== null);
  const showLabTasks = hasLabs(learners);
  const summaryColumns = showLabTasks ? 5 : 4;
  const sticky = 'sticky left-0 z-10 bg-white dark:bg-zinc-950';
  return (
    // `relative`: screen-reader-only text inside the table is positioned within the scroller,
    // never beside it (where it widened the whole page).
    <div
      className="relative max-w-full overflow-x-auto rounded-md border border-zinc-200 pb-2 dark:border-zinc-800"
      tabIndex={0}
      role="region"
      aria-label="Progress matrix"
    >
      <table className="border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">{caption}</caption>
        <colgroup span={summaryColumns} />
        {groups.map((group) => (
          <colgroup key={group.module.slug} span={group.lessons.length} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className={`${sticky} px-2 text-left align-bottom`}>
              Learner
            </th>
            <th scope="col" rowSpan={2} className="px-2 align-bottom">
              Done
            </th>
            <th scope="col" rowSpan={2} className="px-2 align-bottom whitespace-nowrap">
              Last active
            </th>
            <th scope="col" rowSpan={2} className="px-2 align-bottom">
              Behind
            </th>
            {showLabTasks ? (
              <th scope="col" rowSpan={2} className="px-2 align-bottom whitespace-nowrap">
                Lab tasks
              </th>
            ) : null}
            {groups.map((group) => (
              <th
                key={group.module.slug}
                scope="colgroup"
                colSpan={group.lessons.length}
                title={group.module.title}
                className="border-b border-zinc-300 px-1 text-left font-semibold dark:border-zinc-700"
              >
                {/* As wide as the module's columns, never wider: long names end in "…". */}
                <span className="block w-0 min-w-full truncate">
                  {shortTitle(group.module.title)}
                </span>
              </th>
            ))}
          </tr>
          <tr>
            {groups.flatMap((group) =>
              group.lessons.map((lesson, index) => {
                const overdue = lesson.dueOn !== null && lesson.dueOn < today;
                const name = `${lesson.title}${lesson.dueOn ? `, due ${formatDay(lesson.dueOn)}` : ''}${overdue ? ' (past due)' : ''}`;
                return (
                  <th key={lesson.id} scope="col" className="relative px-0.5 font-normal">
                    <a
                      href={lesson.href}
                      aria-label={`Lesson ${index + 1} of ${shortTitle(group.module.title)}: ${name}`}
                      title={name}
                      className={`group inline-flex size-6 items-center justify-center rounded hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-zinc-800 ${overdue ? 'underline decoration-rose-600 decoration-2' : ''}`}
                    >
                      {index + 1}
                      <span
                        aria-hidden="true"
                        className="pointer-events-none absolute top-full left-0 z-20 hidden w-48 rounded-md bg-zinc-900 px-2 py-1 text-left text-xs whitespace-normal text-white shadow-lg group-hover:block group-focus:block dark:bg-zinc-100 dark:text-zinc-950"
                      >
                        {name}
                      </span>
                    </a>
                  </th>
                );
              }),
            )}
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.id} data-testid="matrix-row">
              <th scope="row" className={`${sticky} px-2 text-left font-medium whitespace-nowrap`}>
                {learner.name}
                <LeadMark learner={learner} />
                {memberActions?.(learner)}
              </th>
              <td className="px-2 text-center">{learner.completion}%</td>
              <td className="px-2 whitespace-nowrap">{lastActive(learner)}</td>
              <td className="px-2 text-center">{learner.behind}</td>
              {showLabTasks ? (
                <td className="px-2 text-center whitespace-nowrap tabular-nums">
                  <span aria-hidden="true">
                    {learner.labTasks.done}/{learner.labTasks.total}
                  </span>
                  <span className="sr-only">
                    {learner.labTasks.done} of {learner.labTasks.total} lab tasks passed
                  </span>
                </td>
              ) : null}
              {groups.flatMap((group) =>
                group.lessons.map((lesson) => {
                  const cell = learner.cells[lesson.id]!;
                  const style = cellStyles[cell.state];
                  const score = cell.bestScore === null ? '' : `, best quiz ${cell.bestScore}%`;
                  const practice = cell.practice ? `, ${practiceText(cell)}` : '';
                  return (
                    <td
                      key={lesson.id}
                      className={`size-6 rounded text-center ${style.className}`}
                      title={`${lesson.title}: ${lessonStateLabels[cell.state]}${score}${practice}`}
                    >
                      <span aria-hidden="true">{style.icon}</span>
                      {cell.practice ? (
                        // Under the state's icon, as compact as the cell: the word is in the
                        // legend, the title and what screen readers hear.
                        <span
                          aria-hidden="true"
                          className="block px-0.5 text-[10px] leading-none whitespace-nowrap tabular-nums"
                        >
                          {cell.practice.done}/{cell.practice.total}
                        </span>
                      ) : null}
                      <span className="sr-only">
                        {lessonStateLabels[cell.state]}
                        {score}
                        {practice}
                      </span>
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
        {showQuizAverage ? (
          <tfoot>
            <tr>
              <th
                scope="row"
                colSpan={summaryColumns}
                className={`${sticky} px-2 text-left font-normal`}
              >
                Quiz average (best scores, %)
              </th>
              {groups
                .flatMap((group) => group.lessons)
                .map((lesson) => (
                  <td key={lesson.id} className="px-0.5 text-center">
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

/** Below 768 px: each learner with a line per module (every module fits a phone's width). */
function LearnerCards({
  lessons,
  modules,
  learners,
  today,
  memberActions,
}: Parameters<typeof ProgressMatrix>[0]) {
  const groups = groupByModule(lessons, modules);
  const showLabTasks = hasLabs(learners);
  return (
    <ul className="space-y-4" aria-label="Learners">
      {learners.map((learner) => (
        <li
          key={learner.id}
          data-testid="learner-card"
          className="space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <p className="font-semibold text-zinc-950 dark:text-white">
              {learner.name}
              <LeadMark learner={learner} />
            </p>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              {learner.completion}% done · last active {lastActive(learner)} · behind by{' '}
              {plural(learner.behind, 'lesson')}
              {showLabTasks
                ? ` · ${learner.labTasks.done} of ${plural(learner.labTasks.total, 'lab task')} passed`
                : ''}
            </p>
          </div>
          {memberActions?.(learner)}
          <ul className="space-y-2 text-sm">
            {groups.map(({ module, lessons: moduleLessons }) => {
              const states = moduleLessons.map((lesson) => learner.cells[lesson.id]!.state);
              const done = states.filter(isCompletedState).length;
              const notPassed = states.filter((state) => state === 'quiz-not-passed').length;
              const started = states.filter((state) => state === 'started').length;
              return (
                <li key={module.slug} data-testid="module-summary">
                  <details className="group">
                    <summary className="cursor-pointer">
                      <span className="font-medium">{module.title}</span>
                      <span className="block text-zinc-700 dark:text-zinc-300">
                        {done} of {plural(moduleLessons.length, 'lesson')} completed
                        {notPassed ? ` (${notPassed} with the quiz not passed)` : ''}
                        {started ? ` · ${started} in progress` : ''}
                      </span>
                      <span aria-hidden="true" className="mt-1 flex flex-wrap gap-0.5">
                        {states.map((state, index) => (
                          <span
                            key={moduleLessons[index]!.id}
                            className={`inline-flex size-4 items-center justify-center rounded-sm text-[10px] ${cellStyles[state].className}`}
                          >
                            {cellStyles[state].icon}
                          </span>
                        ))}
                      </span>
                    </summary>
                    <ol className="mt-2 space-y-1 pl-4">
                      {moduleLessons.map((lesson) => {
                        const cell = learner.cells[lesson.id]!;
                        const overdue = lesson.dueOn !== null && lesson.dueOn < today;
                        return (
                          <li key={lesson.id} className="list-decimal">
                            {lesson.title}: {lessonStateLabels[cell.state]}
                            {cell.bestScore === null ? '' : `, best quiz ${cell.bestScore}%`}
                            {cell.practice ? `, ${practiceText(cell)}` : ''}
                            {lesson.dueOn
                              ? ` (due ${formatDay(lesson.dueOn)}${overdue ? ', past due' : ''})`
                              : ''}
                          </li>
                        );
                      })}
                    </ol>
                  </details>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** `practice`: the course has labs, so cells may show "2/4" (tasks passed of the lesson's labs). */
export function MatrixLegend({ practice = false }: { practice?: boolean }) {
  return (
    <ul className="flex flex-wrap gap-4 text-xs text-zinc-700 dark:text-zinc-300">
      {legendOrder.map((state) => (
        <li key={state} className="flex items-center gap-1">
          <span
            aria-hidden="true"
            className={`inline-flex size-4 items-center justify-center rounded ${cellStyles[state].className}`}
          >
            {cellStyles[state].icon}
          </span>
          {lessonStateLabels[state]}
        </li>
      ))}
      {practice ? (
        <li className="hidden items-center gap-1 md:flex">
          <span aria-hidden="true" className="text-[10px] leading-none tabular-nums">
            2/4
          </span>
          Practice: 2 of the lesson&apos;s 4 lab tasks passed
        </li>
      ) : null}
      <li className="hidden md:list-item">Underlined lesson numbers are past their due date.</li>
    </ul>
  );
}

/** Completion per module: module names wrap instead of being cut off, at every width. */
export function ModuleChart({ modules }: { modules: CohortDashboard['modules'] }) {
  return (
    <ul className="max-w-3xl space-y-3">
      {modules.map((module) => (
        <li
          key={module.slug}
          className="grid grid-cols-[minmax(0,1fr)_3rem] items-center gap-x-3 gap-y-1 sm:grid-cols-[minmax(0,18rem)_minmax(0,1fr)_3rem]"
        >
          <span className="col-span-2 text-sm text-zinc-700 sm:col-span-1 dark:text-zinc-300">
            {module.title}
          </span>
          <ProgressBar percent={module.completion} label={`${module.title}: cohort completion`} />
          <span className="text-right text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
            {module.completion}%
          </span>
        </li>
      ))}
    </ul>
  );
}
