import type { Metadata } from 'next';
import { LessonView } from '@/components/course/lesson-view';
import { getLessonPreview } from '@/lib/dal/drafts';
import { loadForPage } from '@/lib/dal/guard';

export const metadata: Metadata = { title: 'Lesson preview', robots: { index: false } };

type Params = { module: string; lesson: string };

export default async function LessonPreviewPage({ params }: { params: Promise<Params> }) {
  const { module: moduleSlug, lesson: lessonSlug } = await params;
  const { lesson, courseModule } = await loadForPage(`/preview/${moduleSlug}/${lessonSlug}`, () =>
    getLessonPreview(moduleSlug, lessonSlug),
  );
  return (
    <LessonView
      lesson={lesson}
      courseModule={courseModule}
      banner={
        <p className="rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-600 dark:bg-amber-950/40 dark:text-amber-200">
          {lesson.draft
            ? 'Draft preview: learners cannot see this lesson yet.'
            : 'Preview of a published lesson.'}{' '}
          Source: <code>{lesson.file}</code>
        </p>
      }
    />
  );
}
