import Link from 'next/link';
import { ProgressMark, ProgressMapProvider } from '@/components/progress/progress-map';
import type { Module } from '@/lib/content';

/** Every module and lesson in course order. Static: progress is shown on the dashboard. */
export function CourseOutline({ modules }: { modules: Module[] }) {
  return (
    <ProgressMapProvider>
      <ol className="space-y-8">
        {modules.map((module) => (
          <li key={module.slug} aria-labelledby={`module-${module.slug}`}>
            <h2
              id={`module-${module.slug}`}
              className="text-xl font-semibold text-zinc-950 dark:text-white"
            >
              <span className="text-zinc-500 dark:text-zinc-400">Module {module.order}. </span>
              {module.title}
            </h2>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">{module.summary}</p>
            <ol className="mt-4 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {module.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <Link
                    href={lesson.href}
                    className="flex items-baseline justify-between gap-4 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-900"
                  >
                    <span>
                      <span className="font-medium text-sky-800 dark:text-sky-300">
                        {module.order}.{lesson.order} {lesson.title}
                      </span>
                      <span className="mt-0.5 block text-sm text-zinc-600 dark:text-zinc-400">
                        {lesson.summary}
                      </span>
                    </span>
                    <span className="flex shrink-0 items-center gap-3 text-sm text-zinc-500 dark:text-zinc-400">
                      {lesson.minutes} min
                      <ProgressMark lessonId={lesson.id} />
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </ProgressMapProvider>
  );
}
