// The body of a lesson page, shared by the static lesson route and instructors' draft previews.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { mdxComponents } from '@/components/mdx';
import { Quiz } from '@/components/mdx/quiz';
import { LessonStateProvider } from '@/components/progress/lesson-state';
import { ProgressMapProvider, ProgressMark } from '@/components/progress/progress-map';
import { InlineCode } from '@/components/ui/inline-code';
import type { Lesson, Module } from '@/lib/content';
import { compileLesson } from '@/lib/content/compile';
import { toQuestionView } from '@/lib/content/quiz';
import { TableOfContents } from './table-of-contents';
import { TocHighlighter } from './toc-highlighter';

export async function LessonView({
  lesson,
  courseModule,
  banner,
  tools,
  footer,
  trackProgress = false,
}: {
  lesson: Lesson;
  courseModule: Pick<Module, 'order' | 'title' | 'lessons'>;
  banner?: ReactNode;
  /** The learner's controls (progress, bookmark, note): in the rail, reachable while reading. */
  tools?: ReactNode;
  footer?: ReactNode;
  /** Record the visit and show the learner's progress and best quiz score (not in previews). */
  trackProgress?: boolean;
}) {
  const Content = await compileLesson(lesson.body, lesson.file);
  const headings = [
    ...lesson.headings,
    { depth: 2 as const, text: 'Check your understanding', id: 'check-your-understanding' },
  ];

  // One grid: the lesson's head and body in the first column; the learner's tools, the contents
  // and the module's lessons beside them on wide screens. Below 1024 px the same tools are a bar
  // that stays at the bottom of the screen while the lesson is read (sticky in a grid area that
  // spans the head and the body), with the note and the contents opening above it: one set of
  // controls in the page, not one per layout, and no script of its own.
  const page = (
    <article className="grid gap-x-10 gap-y-8 lg:grid-cols-[minmax(0,1fr)_14rem] lg:grid-rows-[auto_1fr]">
      <div className="col-start-1 row-start-1 min-w-0 space-y-8">
        {banner}
        <header className="space-y-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            <Link href="/learn" className="hover:underline">
              Course
            </Link>{' '}
            / Module {courseModule.order}: {courseModule.title}
          </p>
          <h1 className="text-3xl font-bold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">
            {lesson.title}
          </h1>
          <p className="text-lg text-zinc-700 dark:text-zinc-300">{lesson.summary}</p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {lesson.minutes} min read · Last reviewed{' '}
            <time dateTime={lesson.lastReviewed}>{lesson.lastReviewed}</time>
          </p>
        </header>

        <section
          aria-labelledby="objectives-heading"
          className="rounded-lg bg-zinc-50 p-5 dark:bg-zinc-900"
        >
          <h2 id="objectives-heading" className="font-semibold text-zinc-950 dark:text-white">
            In this lesson you will
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-zinc-700 dark:text-zinc-300">
            {lesson.objectives.map((objective) => (
              <li key={objective}>
                <InlineCode text={objective} />
              </li>
            ))}
          </ul>
        </section>
      </div>

      <aside
        aria-label="Lesson tools"
        className="sticky bottom-0 z-10 col-start-1 row-span-2 row-start-1 -mx-4 self-end border-t border-zinc-200 bg-white/95 px-2 pt-1 pb-[max(0.25rem,env(safe-area-inset-bottom))] backdrop-blur lg:static lg:z-auto lg:col-start-2 lg:mx-0 lg:self-stretch lg:border-0 lg:bg-transparent lg:p-0 lg:backdrop-blur-none dark:border-zinc-800 dark:bg-zinc-950/95 lg:dark:bg-transparent"
      >
        {/* In the rail it scrolls on its own when taller than the screen, so nothing in it is out
            of reach. */}
        <div className="flex items-stretch gap-1 lg:sticky lg:top-20 lg:block lg:max-h-[calc(100vh-6rem)] lg:space-y-8 lg:overflow-y-auto lg:pb-4">
          {tools}
          <TableOfContents headings={headings} id="toc" />
          <nav aria-labelledby="module-lessons-heading" className="hidden text-sm lg:block">
            <h2
              id="module-lessons-heading"
              className="mb-3 font-semibold text-zinc-950 dark:text-white"
            >
              In this module
            </h2>
            <ProgressMapProvider>
              <ol className="space-y-2">
                {courseModule.lessons.map((item) => (
                  <li key={item.id} className="flex items-start justify-between gap-2">
                    <Link
                      href={item.href}
                      aria-current={item.id === lesson.id ? 'page' : undefined}
                      className="text-zinc-600 hover:text-zinc-950 aria-[current=page]:font-semibold aria-[current=page]:text-zinc-950 dark:text-zinc-400 dark:hover:text-white dark:aria-[current=page]:text-white"
                    >
                      {item.title}
                    </Link>
                    <ProgressMark lessonId={item.id} />
                  </li>
                ))}
              </ol>
            </ProgressMapProvider>
          </nav>
        </div>
      </aside>

      {/* Below 1024 px the tools bar comes to rest at the end, over this padding. */}
      <div className="col-start-1 row-start-2 min-w-0 space-y-8 pb-20 lg:pb-0">
        <div className="prose">
          <Content components={mdxComponents} />
        </div>
        <TocHighlighter ids={headings.map((heading) => heading.id)} />
        <Quiz
          questions={lesson.quiz.map((question, index) =>
            toQuestionView(question, `${lesson.id}/${index}`),
          )}
          lessonId={lesson.id}
          lessonHref={lesson.href}
        />
        {footer}
      </div>
    </article>
  );
  return trackProgress ? (
    <LessonStateProvider lessonId={lesson.id} hasQuiz={lesson.quiz.length > 0}>
      {page}
    </LessonStateProvider>
  ) : (
    page
  );
}
