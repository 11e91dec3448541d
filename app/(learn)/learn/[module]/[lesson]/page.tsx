import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonPager } from '@/components/course/lesson-pager';
import { TableOfContents } from '@/components/course/table-of-contents';
import { mdxComponents } from '@/components/mdx';
import { LessonProgress } from '@/components/progress/lesson-progress';
import { InlineCode } from '@/components/ui/inline-code';
import { getAdjacentLessons, getLesson, getModule, listLessons } from '@/lib/content';
import { compileLesson } from '@/lib/content/compile';

type Params = { module: string; lesson: string };

// Every lesson is prerendered at build time; any other slug is a 404.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return listLessons().map((lesson) => ({ module: lesson.moduleSlug, lesson: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { module, lesson: slug } = await params;
  const lesson = getLesson(module, slug);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, lesson: lessonSlug } = await params;
  const lesson = getLesson(moduleSlug, lessonSlug);
  const courseModule = getModule(moduleSlug);
  if (!lesson || !courseModule) notFound();

  const Content = await compileLesson(lesson.body, lesson.file);
  const { previous, next } = getAdjacentLessons(lesson.id);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(lesson.href)}`;

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_14rem]">
      <article className="min-w-0 space-y-8">
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

        <div className="lg:hidden">
          <TableOfContents headings={lesson.headings} id="toc-inline" />
        </div>

        <div className="prose prose-zinc dark:prose-invert prose-headings:scroll-mt-20 prose-pre:bg-transparent prose-pre:p-0 prose-code:before:content-none prose-code:after:content-none max-w-none">
          <Content components={mdxComponents} />
        </div>

        <LessonProgress lessonId={lesson.id} signInHref={signInHref} />
        <LessonPager previous={previous} next={next} />
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents headings={lesson.headings} id="toc-sidebar" />
        </div>
      </aside>
    </div>
  );
}
