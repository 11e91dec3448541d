import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { NotificationList } from '@/components/notifications/notification-list';
import { ActivityCalendar } from '@/components/progress/activity-calendar';
import { ResetProgress } from '@/components/progress/reset-progress';
import { buttonClassName } from '@/components/ui/button';
import { ProgressBar } from '@/components/ui/progress-bar';
import { getMyActivity } from '@/lib/dal/activity';
import { getMyLabTaskCount } from '@/lib/dal/labs';
import { listMyNotifications } from '@/lib/dal/notifications';
import { loadForPage } from '@/lib/dal/guard';
import { lessonStateLabels } from '@/lib/dal/lesson-state';
import { getMyRole } from '@/lib/dal/me';
import { getDashboard } from '@/lib/dal/progress';
import { getReviewSummary } from '@/lib/dal/review';
import { formatDay, plural } from '@/lib/format';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  // Signed out, or a session ended by a password change: off to sign in, and back here after.
  const dashboard = await loadForPage('/dashboard', getDashboard);
  const activity = await getMyActivity((await cookies()).get('tz')?.value);
  const messages = await listMyNotifications();
  const review = await getReviewSummary();
  const labTasks = await getMyLabTaskCount();
  const role = await getMyRole();
  const { continueLesson } = dashboard;

  return (
    <div className="max-w-3xl space-y-10">
      <header className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight text-zinc-950 dark:text-white">
          Your progress
        </h1>
        {dashboard.hasProgress ? (
          <>
            <div className="space-y-2">
              <p className="text-zinc-700 dark:text-zinc-300">
                <span
                  className="text-2xl font-bold text-zinc-950 dark:text-white"
                  data-testid="overall-percent"
                >
                  {dashboard.percent}%
                </span>{' '}
                of the course completed ({dashboard.completed} of{' '}
                {plural(dashboard.total, 'lesson')})
              </p>
              <ProgressBar percent={dashboard.percent} label="Course progress" />
            </div>
            {continueLesson ? (
              <Link href={continueLesson.href} className={buttonClassName('primary')}>
                Continue<span className="sr-only">: {continueLesson.title}</span>
              </Link>
            ) : (
              <p className="font-medium text-emerald-700 dark:text-emerald-400">
                You have completed every lesson. Well done!
              </p>
            )}
            {continueLesson ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                Next up: {continueLesson.title}
              </p>
            ) : null}
          </>
        ) : (
          <div
            data-testid="welcome"
            className="space-y-3 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
          >
            <p className="text-lg font-semibold text-zinc-950 dark:text-white">
              Welcome to Backend Path
            </p>
            <p className="text-zinc-700 dark:text-zinc-300">
              {plural(dashboard.modules.length, 'module')} and {plural(dashboard.total, 'lesson')},
              each ending with a short quiz. As you read, this page shows your progress, your streak
              and the questions to review.
            </p>
            {continueLesson ? (
              <Link href={continueLesson.href} className={buttonClassName('primary')}>
                Start with {continueLesson.title}
              </Link>
            ) : null}
          </div>
        )}
        <p className="text-sm">
          <Link href="/review" className="font-semibold text-sky-800 underline dark:text-sky-300">
            Review the questions you missed
          </Link>{' '}
          <span className="text-zinc-700 dark:text-zinc-300" data-testid="review-due">
            ({review.dueNow} due now)
          </span>
        </p>
        {labTasks.total > 0 ? (
          <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="lab-tasks-done">
            Practice: {labTasks.done} of {plural(labTasks.total, 'lab task')} done
          </p>
        ) : null}
      </header>

      {role === 'admin' ? (
        // Admins land here after signing in: their pages are one step away.
        <nav
          aria-labelledby="admin-heading"
          className="space-y-2 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
        >
          <h2 id="admin-heading" className="font-semibold text-zinc-950 dark:text-white">
            Admin
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm font-semibold">
            <li>
              <Link href="/admin/users" className="text-sky-800 underline dark:text-sky-300">
                Users and roles
              </Link>
            </li>
            <li>
              <Link href="/admin/cohorts" className="text-sky-800 underline dark:text-sky-300">
                All cohorts
              </Link>
            </li>
            <li>
              <Link href="/admin/audit" className="text-sky-800 underline dark:text-sky-300">
                Audit log
              </Link>
            </li>
          </ul>
        </nav>
      ) : null}

      <NotificationList items={messages} />

      <section aria-labelledby="activity-heading" className="space-y-3">
        <h2 id="activity-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Activity
        </h2>
        {dashboard.hasProgress ? (
          <p className="text-zinc-700 dark:text-zinc-300" data-testid="streak">
            {activity.streak === 0
              ? 'No streak yet: study today to start one.'
              : `${activity.streak}-day streak`}
          </p>
        ) : null}
        <ActivityCalendar days={activity.days} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Days in your time zone ({activity.timeZone}).
        </p>
      </section>

      <section aria-labelledby="modules-heading" className="space-y-6">
        <h2 id="modules-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          By module
        </h2>
        {dashboard.modules.map((module) => (
          <div
            key={module.slug}
            className="space-y-3 rounded-lg border border-zinc-200 p-5 dark:border-zinc-800"
          >
            <div className="flex items-baseline justify-between gap-4">
              <h3 className="font-semibold text-zinc-950 dark:text-white">{module.title}</h3>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                {module.completed} of {plural(module.total, 'lesson')} · {module.percent}%
              </span>
            </div>
            <ProgressBar percent={module.percent} label={`${module.title} progress`} />
            <ul className="space-y-1.5 text-sm">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className="flex items-baseline justify-between gap-4">
                  <Link
                    href={lesson.href}
                    className="text-sky-800 hover:underline dark:text-sky-300"
                  >
                    {lesson.title}
                  </Link>
                  <span className="shrink-0 text-zinc-600 dark:text-zinc-400">
                    {lessonStateLabels[lesson.state]}
                    {lesson.updated ? ' · Updated since' : ''}
                    {lesson.completedAt ? ` · ${formatDay(lesson.completedAt)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="reset-heading" className="space-y-3">
        <h2 id="reset-heading" className="text-xl font-semibold text-zinc-950 dark:text-white">
          Start over
        </h2>
        <ResetProgress />
      </section>
    </div>
  );
}
