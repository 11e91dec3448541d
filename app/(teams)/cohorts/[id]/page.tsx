import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  ArchiveCohortButton,
  InviteControls,
  LeaveCohortButton,
  MemberActions,
} from '@/components/cohorts/cohort-admin';
import { CohortDetailsForm } from '@/components/cohorts/cohort-forms';
import { ScheduleForm, ThresholdsForm } from '@/components/cohorts/cohort-settings';
import { MemberVisibility } from '@/components/cohorts/member-visibility';
import { NudgeForm } from '@/components/cohorts/nudge-form';
import { MatrixLegend, ModuleChart, ProgressMatrix } from '@/components/cohorts/progress-matrix';
import { listModules } from '@/lib/content';
import {
  getCohortPage,
  type CohortDashboard,
  type CohortPage as LoadedCohortPage,
  type MyCohortView,
} from '@/lib/dal/cohorts';
import { loadForPage } from '@/lib/dal/guard';
import { formatDay, plural } from '@/lib/format';
import { ZodError } from 'zod';

export const metadata: Metadata = { title: 'Cohort', robots: { index: false } };

const pageSize = 50;

export default async function CohortPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ sort?: string; module?: string; page?: string }>;
}) {
  const { id } = await params;
  // Owner, leads and admins get the dashboard; a member gets only their own row; anyone else,
  // like an id that is not a cohort's, gets 404 (loadForPage), so nobody learns a cohort exists.
  const loaded = await loadForPage(`/cohorts/${id}`, async (): Promise<LoadedCohortPage> => {
    try {
      return await getCohortPage(id);
    } catch (error) {
      if (error instanceof ZodError) notFound();
      throw error;
    }
  });
  if (loaded.kind === 'member') return <MemberView view={loaded.view} />;
  return (
    <Dashboard
      dashboard={loaded.dashboard}
      archivedAt={loaded.archivedAt}
      canArchive={loaded.canArchive}
      query={await searchParams}
    />
  );
}

const sectionHeading = 'text-xl font-semibold text-zinc-950 dark:text-white';

function RiskRules({ cohort }: { cohort: MyCohortView['cohort'] }) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      Flagged after {plural(cohort.inactiveDays, 'day')} without activity,{' '}
      {plural(cohort.failedQuizAttempts, 'failed attempt', 'failed attempts')} at one quiz, or{' '}
      {plural(cohort.behindLessons, 'lesson')} past their due date.
    </p>
  );
}

function Dashboard({
  dashboard,
  archivedAt,
  canArchive,
  query,
}: {
  dashboard: CohortDashboard;
  archivedAt: string | null;
  canArchive: boolean;
  query: { sort?: string; module?: string; page?: string };
}) {
  const { cohort, summary, modules } = dashboard;
  const sort = query.sort ?? 'name';
  const moduleFilter = query.module;
  const lessons = dashboard.lessons.filter(
    (lesson) => !moduleFilter || lesson.moduleSlug === moduleFilter,
  );
  const learners = [...dashboard.learners].sort((a, b) =>
    sort === 'completion'
      ? b.completion - a.completion || a.name.localeCompare(b.name)
      : sort === 'active'
        ? (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? '')
        : a.name.localeCompare(b.name),
  );
  const pages = Math.max(1, Math.ceil(learners.length / pageSize));
  const page = Math.min(pages, Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1));
  const shown = learners.slice((page - 1) * pageSize, page * pageSize);
  const atRisk = learners.filter((learner) => learner.risks.length > 0);
  const href = (next: { sort?: string; module?: string | null; page?: number }) => {
    const search = new URLSearchParams({ sort: next.sort ?? sort });
    const moduleSlug = next.module === null ? undefined : (next.module ?? moduleFilter);
    if (moduleSlug) search.set('module', moduleSlug);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    return `/cohorts/${cohort.id}?${search.toString()}`;
  };
  const course = listModules();

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/cohorts" className="underline">
            Cohorts
          </Link>{' '}
          / Dashboard
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          {cohort.name}
        </h1>
        {cohort.startsOn || cohort.endsOn ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {cohort.startsOn ? `From ${formatDay(cohort.startsOn)}` : ''}
            {cohort.startsOn && cohort.endsOn ? ' ' : ''}
            {cohort.endsOn ? `until ${formatDay(cohort.endsOn)}` : ''}
          </p>
        ) : null}
        <a
          href={`/cohorts/${cohort.id}/export`}
          className="text-sm font-semibold text-sky-800 underline dark:text-sky-300"
        >
          Export CSV
        </a>
        {archivedAt ? (
          <p className="rounded-md bg-zinc-100 px-4 py-2 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
            Archived on {formatDay(archivedAt)}: this cohort is read-only.
          </p>
        ) : null}
        {archivedAt && canArchive ? (
          <ArchiveCohortButton cohortId={cohort.id} name={cohort.name} archived />
        ) : null}
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
        <h2 id="risk-heading" className={sectionHeading}>
          At risk
        </h2>
        <RiskRules cohort={cohort} />
        {atRisk.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">Nobody is at risk right now.</p>
        ) : (
          <ul className="space-y-3">
            {atRisk.slice(0, pageSize).map((learner) => (
              <li
                key={learner.id}
                data-testid="at-risk"
                className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
              >
                <p>
                  <strong>{learner.name}</strong>:{' '}
                  {learner.risks.map((risk) => risk.text).join('; ')}
                </p>
                {archivedAt ? null : (
                  <NudgeForm
                    cohortId={cohort.id}
                    userId={learner.id}
                    name={learner.name}
                    suggestion={`Hi ${learner.name.split(' ')[0]}, how is the course going? If something is blocking you, reply or ask in our next session: we can help.`}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        {atRisk.length > pageSize ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            And {atRisk.length - pageSize} more: sort the table below by last activity or completion
            to find them.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="modules-chart-heading" className="space-y-3">
        <h2 id="modules-chart-heading" className={sectionHeading}>
          Completion by module
        </h2>
        <ModuleChart modules={modules} />
      </section>

      <section aria-labelledby="matrix-heading" className="space-y-3">
        <h2 id="matrix-heading" className={sectionHeading}>
          Learners and lessons
        </h2>
        {learners.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300" data-testid="no-members">
            No members yet: share the invite link.
          </p>
        ) : (
          <>
            <nav aria-label="Sort and filter" className="flex flex-wrap gap-3 text-sm">
              <span>Sort by:</span>
              {[
                ['name', 'Name'],
                ['completion', 'Completion'],
                ['active', 'Last active'],
              ].map(([value, label]) => (
                <a
                  key={value}
                  href={href({ sort: value })}
                  aria-current={sort === value ? 'true' : undefined}
                  className="underline aria-[current=true]:font-bold"
                >
                  {label}
                </a>
              ))}
              <span className="ml-4">Module:</span>
              <a
                href={href({ module: null })}
                aria-current={!moduleFilter ? 'true' : undefined}
                className="underline aria-[current=true]:font-bold"
              >
                All
              </a>
              {modules.map((module) => (
                <a
                  key={module.slug}
                  href={href({ module: module.slug })}
                  aria-current={moduleFilter === module.slug ? 'true' : undefined}
                  className="underline aria-[current=true]:font-bold"
                >
                  {module.title.split(':')[0]}
                </a>
              ))}
            </nav>
            <MatrixLegend
              practice={dashboard.learners.some((learner) => learner.labTasks.total > 0)}
            />
            <ProgressMatrix
              lessons={lessons}
              modules={modules}
              learners={shown}
              today={dashboard.today}
              caption="Each learner's state on each lesson"
              memberActions={
                cohort.canManage
                  ? (learner) => (
                      <MemberActions
                        cohortId={cohort.id}
                        userId={learner.id}
                        name={learner.name}
                        role={learner.role}
                      />
                    )
                  : undefined
              }
            />
          </>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
            {page > 1 ? (
              <a href={href({ page: page - 1 })} className="underline">
                Previous page
              </a>
            ) : null}
            <span>
              Page {page} of {pages} ({plural(learners.length, 'learner')})
            </span>
            {page < pages ? (
              <a href={href({ page: page + 1 })} className="underline">
                Next page
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>

      {cohort.canManage ? (
        <section aria-labelledby="settings-heading" className="space-y-8">
          <h2 id="settings-heading" className={sectionHeading}>
            Settings
          </h2>
          <div className="space-y-3">
            <h3 className="font-semibold">Name and dates</h3>
            <CohortDetailsForm
              cohortId={cohort.id}
              name={cohort.name}
              startsOn={cohort.startsOn}
              endsOn={cohort.endsOn}
            />
          </div>
          <div className="space-y-3">
            <h3 className="font-semibold">At-risk thresholds</h3>
            <ThresholdsForm
              cohortId={cohort.id}
              inactiveDays={cohort.inactiveDays}
              failedQuizAttempts={cohort.failedQuizAttempts}
              behindLessons={cohort.behindLessons}
            />
          </div>
          <div className="space-y-3">
            <h3 className="font-semibold">Schedule</h3>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Optional. A lesson is due on its own date, or else on its module&apos;s. Learners who
              have not completed enough overdue lessons are flagged as behind.
            </p>
            <ScheduleForm
              cohortId={cohort.id}
              schedule={dashboard.schedule}
              modules={course.map((module) => ({
                slug: module.slug,
                title: module.title,
                lessons: module.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title })),
              }))}
            />
          </div>
          <div className="space-y-3">
            <h3 className="font-semibold">Archive</h3>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              When the cohort has ended: it stays readable, listed apart, and can be restored.
            </p>
            <ArchiveCohortButton cohortId={cohort.id} name={cohort.name} archived={false} />
          </div>
        </section>
      ) : null}
    </div>
  );
}

function MemberView({ view }: { view: MyCohortView }) {
  const { cohort, me } = view;
  const due = view.modules.filter((module) => module.dueOn);
  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link href="/cohorts" className="underline">
            Cohorts
          </Link>{' '}
          / {cohort.name}
        </p>
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          What my cohort leads see
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          Your row of the <strong>{cohort.name}</strong> dashboard, exactly as its owner and leads
          see it.
        </p>
        <MemberVisibility />
      </header>
      <section aria-labelledby="flags-heading" className="space-y-2">
        <h2 id="flags-heading" className={sectionHeading}>
          At-risk flags
        </h2>
        <RiskRules cohort={cohort} />
        {me.risks.length === 0 ? (
          <p data-testid="my-risks">You are not flagged.</p>
        ) : (
          <ul className="list-disc pl-6" data-testid="my-risks">
            {me.risks.map((risk) => (
              <li key={risk.kind + risk.text}>{risk.text}</li>
            ))}
          </ul>
        )}
      </section>
      {due.length > 0 ? (
        <section aria-labelledby="schedule-heading" className="space-y-2">
          <h2 id="schedule-heading" className={sectionHeading}>
            Schedule
          </h2>
          <ul className="list-disc pl-6">
            {due.map((module) => (
              <li key={module.slug}>
                {module.title}: due {formatDay(module.dueOn!)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="row-heading" className="space-y-3">
        <h2 id="row-heading" className={sectionHeading}>
          Your progress row
        </h2>
        <MatrixLegend practice={me.labTasks.total > 0} />
        <ProgressMatrix
          lessons={view.lessons}
          modules={view.modules}
          learners={[me]}
          today={view.today}
          caption="Your state on each lesson, as your cohort leads see it"
        />
      </section>
      <LeaveCohortButton cohortId={cohort.id} name={cohort.name} />
    </div>
  );
}
