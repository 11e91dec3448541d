// The typed lesson index: the single source for navigation, static params, progress checks and
// dashboards. Loaded once per process; a content error fails `next build` with file:line.
import { loadCourse, type Course, type Lesson, type Module } from './load';

export type { Course, Lesson, Module, Heading } from './load';
export type { QuizQuestion } from './schema';

let everything: Course | undefined;
let published: Course | undefined;

/** Every lesson, drafts included: for instructors' previews and the content checks. */
export function getCourseWithDrafts(): Course {
  everything ??= loadCourse({ includeDrafts: true });
  return everything;
}

/**
 * The course learners see. Drafts are part of it while writing (`next dev`) and never in a
 * production build, where instructors preview them at /preview instead.
 */
export function getCourse(): Course {
  if (process.env.NODE_ENV !== 'production') return getCourseWithDrafts();
  if (!published) {
    const modules = getCourseWithDrafts().modules.map((module) => ({
      ...module,
      lessons: module.lessons.filter((lesson) => !lesson.draft),
    }));
    published = { modules, lessons: modules.flatMap((module) => module.lessons) };
  }
  return published;
}

export function listModules(): Module[] {
  return getCourse().modules;
}

export function listLessons(): Lesson[] {
  return getCourse().lessons;
}

export function listDraftLessons(): Lesson[] {
  return getCourseWithDrafts().lessons.filter((lesson) => lesson.draft);
}

export function getModule(moduleSlug: string): Module | undefined {
  return getCourse().modules.find((module) => module.slug === moduleSlug);
}

export function getLesson(moduleSlug: string, lessonSlug: string): Lesson | undefined {
  return getLessonById(`${moduleSlug}/${lessonSlug}`);
}

export function getLessonById(id: string): Lesson | undefined {
  return getCourse().lessons.find((lesson) => lesson.id === id);
}

/** Any lesson, draft or not: only for instructors' previews. */
export function getLessonOrDraft(moduleSlug: string, lessonSlug: string): Lesson | undefined {
  return getCourseWithDrafts().lessons.find((lesson) => lesson.id === `${moduleSlug}/${lessonSlug}`);
}

/** The lessons before and after this one in course order (across modules). */
export function getAdjacentLessons(id: string): { previous?: Lesson; next?: Lesson } {
  const lessons = getCourse().lessons;
  const index = lessons.findIndex((lesson) => lesson.id === id);
  if (index === -1) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}
