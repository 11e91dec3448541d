import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InviteControls, MemberActions } from '@/components/cohorts/cohort-admin';
import { getCohortDashboard, type CellState } from '@/lib/dal/cohorts';
import { loadForPage } from '@/lib/dal/guard';
import { AppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Cohort', robots: { index: false } };

const cellStyles: Record<CellState, { className: string; label: string; icon: string }> = {
  completed: { className: 'bg-emerald-600 text-white', label: 'Completed', icon: '✓' },
  started: { className: 'bg-amber-300 text-zinc-950', label: 'In progress', icon: '◐' },
  'not-started': {
    className: 'bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400',
    label: 'Not started',
    icon: '',
  },
};

export default async function CohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sort?: string; module?: string }>;
}) {
  const { id } = await params;
  const { sort = 'name', module: moduleFilter } = await searchParams;
  let dashboard;
  try {
    dashboard = await loadForPage(`/cohorts/${id}`, () => getCohortDashboard(id));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if ((error as { name?: string }).name === 'ZodError') notFound();
    throw error;
  }
  if (!dashboard) notFound();
  const { cohort, summary, modules } = dashboard;
  const lessons = dashboard.lessons.filter(
    (lesson) => !moduleFilter || lesson.moduleSlug === moduleFilter,
  );
  const learners = [...dashboard.learners].sort((a, b) =>
    sort === 'completion'
      ? b.completion - a.completion
      : sort === 'active'
        ? (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? '')
        : a.name.localeCompare(b.name),
  );
  const atRisk = learners.filter((learner) => learner.risks.length > 0);
  const query = (next: { sort?: string; module?: string }) => {
    const search = new URLSearchParams({
      sort: next.sort ?? sort,
      ...((next.module ?? moduleFilter) ? { module: next.module ?? moduleFilter ?? '' } : {}),
    });
    return `/cohorts/${cohort.id}?${search.toString()}`;
  };

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          {cohort.name}
        </h1>
        <a
          href={`/cohorts/${cohort.id}/export`}
          className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Export CSV
        </a>
      </header>

      {cohort.canManage && cohort.inviteCode ? (
        <InviteControls
          cohortId={cohort.id}
          inviteCode={cohort.inviteCode}
          enrolmentOpen={cohort.enrolmentOpen}
        />
      ) : null}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          Summary
        </h2>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {[
            ['Members', summary.members],
            ['Average completion', `${summary.averageCompletion}%`],
            ['Active in the last 7 days', summary.activeLast7Days],
            ['At risk', summary.atRisk],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <dt className="text-sm text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd
                className="text-2xl font-bold"
                data-testid={`summary-${String(label).toLowerCase().replace(/\s+/g, '-')}`}
              >
                {value}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="risk-heading" className="space-y-3">
        <h2 id="risk-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          At risk
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Flagged after {cohort.inactiveDays} days without activity, or {cohort.failedQuizAttempts}{' '}
          failed attempts at one quiz.
        </p>
        {atRisk.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">Nobody is at risk right now.</p>
        ) : (
          <ul className="space-y-2">
            {atRisk.map((learner) => (
              <li key={learner.id} data-testid="at-risk">
                <strong>{learner.name}</strong>: {learner.risks.join('; ')}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="modules-chart-heading" className="space-y-3">
        <h2
          id="modules-chart-heading"
          className="text-xl font-semibold text-zinc-950 dark:text-white"
        >
          Completion by module
        </h2>
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
                className="fill-emerald-600"
              />
              <text x="598" y="16" fontSize="12" className="fill-zinc-700 dark:fill-zinc-300">
                {module.completion}%
              </text>
            </g>
          ))}
        </svg>
      </section>

      <section aria-labelledby="matrix-heading" className="space-y-3">
        <h2 id="matrix-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Learners and lessons
        </h2>
        <nav aria-label="Sort and filter" className="flex flex-wrap gap-3 text-sm">
          <span>Sort by:</span>
          {[
            ['name', 'Name'],
            ['completion', 'Completion'],
            ['active', 'Last active'],
          ].map(([value, label]) => (
            <a
              key={value}
              href={query({ sort: value })}
              aria-current={sort === value ? 'true' : undefined}
              className="underline aria-[current=true]:font-bold"
            >
              {label}
            </a>
          ))}
          <span className="ml-4">Module:</span>
          <a
            href={`/cohorts/${cohort.id}?sort=${sort}`}
            aria-current={!moduleFilter ? 'true' : undefined}
            className="underline aria-[current=true]:font-bold"
          >
            All
          </a>
          {modules.map((module) => (
            <a
              key={module.slug}
              href={query({ module: module.slug })}
              aria-current={moduleFilter === module.slug ? 'true' : undefined}
              className="underline aria-[current=true]:font-bold"
            >
              {module.title.split(':')[0]}
            </a>
          ))}
        </nav>
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Progress matrix">
          <table className="border-separate border-spacing-0.5 text-xs">
            <caption className="sr-only">Each learner&apos;s state on each lesson</caption>
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
                {lessons.map((lesson, index) => (
                  <th key={lesson.id} scope="col" title={lesson.title} className="px-1 font-normal">
                    <span aria-hidden="true">{index + 1}</span>
                    <span className="sr-only">{lesson.title}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {learners.map((learner) => (
                <tr key={learner.id}>
                  <th
                    scope="row"
                    className="sticky left-0 bg-white px-2 text-left font-medium whitespace-nowrap dark:bg-zinc-950"
                  >
                    {learner.name}
                    {learner.role === 'lead' ? (
                      <span className="text-zinc-500"> (lead)</span>
                    ) : null}
                    {cohort.canManage ? (
                      <MemberActions
                        cohortId={cohort.id}
                        userId={learner.id}
                        name={learner.name}
                        role={learner.role}
                      />
                    ) : null}
                  </th>
                  <td className="px-2 text-center">{learner.completion}%</td>
                  <td className="px-2 whitespace-nowrap">
                    {learner.lastActiveAt ? learner.lastActiveAt.slice(0, 10) : 'never'}
                  </td>
                  {lessons.map((lesson) => {
                    const cell = learner.cells[lesson.id]!;
                    const style = cellStyles[cell.state];
                    return (
                      <td
                        key={lesson.id}
                        className={`size-6 rounded text-center ${style.className}`}
                        title={`${lesson.title}: ${style.label}`}
                      >
                        <span aria-hidden="true">{style.icon}</span>
                        <span className="sr-only">{style.label}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3} className="px-2 text-left font-normal">
                  Quiz average (best scores)
                </th>
                {lessons.map((lesson) => (
                  <td key={lesson.id} className="px-1 text-center">
                    {lesson.quizAverage === null ? '–' : `${lesson.quizAverage}`}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </div>
  );
}
