import Link from 'next/link';
import { ContinueOrVisitor } from '@/components/course/continue-or-visitor';
import { CourseOutline } from '@/components/course/course-outline';
import { buttonClassName } from '@/components/ui/button';
import { listLessons, listModules } from '@/lib/content';
import { plural } from '@/lib/format';

export default function HomePage() {
  const modules = listModules();
  const lessons = listLessons();
  const first = lessons[0];
  const minutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
  return (
    <div className="space-y-16">
      <section className="max-w-3xl space-y-6">
        <p className="text-sm font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-300">
          The Backend Developer
        </p>
        <h1 className="text-4xl font-bold tracking-tight text-zinc-950 sm:text-5xl dark:text-white">
          Learn the layer users never see, and everything depends on.
        </h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">
          Backend Path teaches what backend developers actually do: run servers, design and tune
          databases, build and secure APIs, plan for scale, integrate third parties, and work with
          the rest of the team. Lessons are written by working engineers, with real examples,
          quizzes and progress that is saved to your account.
        </p>
        <ContinueOrVisitor
          visitor={
            <div className="flex flex-wrap items-center gap-4">
              {first ? (
                <Link href={first.href} className={buttonClassName('primary')}>
                  Start the first lesson
                </Link>
              ) : null}
              <Link href="/sign-up" className={buttonClassName('secondary')}>
                Create a free account
              </Link>
            </div>
          }
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {plural(modules.length, 'module')}, {plural(lessons.length, 'lesson')}, about{' '}
          {Math.round(minutes / 6) / 10} hours of reading.
        </p>
      </section>
      <section aria-labelledby="outline-heading" className="space-y-6">
        <h2
          id="outline-heading"
          className="text-2xl font-bold tracking-tight text-zinc-950 dark:text-white"
        >
          Course outline
        </h2>
        <CourseOutline modules={modules} />
      </section>
    </div>
  );
}
