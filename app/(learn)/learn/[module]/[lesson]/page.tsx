import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonPager } from '@/components/course/lesson-pager';
import { LessonView } from '@/components/course/lesson-view';
import { LessonNotes } from '@/components/notes/lesson-notes';
import { LessonProgress } from '@/components/progress/lesson-progress';
import { getAdjacentLessons, getLesson, getModule, listLessons } from '@/lib/content';

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
  const { previous, next } = getAdjacentLessons(lesson.id);
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(lesson.href)}`;

  return (
    <LessonView
      lesson={lesson}
      courseModule={courseModule}
      trackProgress
      tools={
        <>
          <LessonProgress lessonId={lesson.id} signInHref={signInHref} />
          <LessonNotes lessonId={lesson.id} />
        </>
      }
      footer={<LessonPager previous={previous} next={next} />}
    />
  );
}
