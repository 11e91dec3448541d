// The typed lesson index: the single source for navigation, static params, progress checks and
// dashboards. Loaded once per process; a content error fails `next build` with file:line.
import { loadCourse, type Course, type Lesson, type Module } from './load';

export type { Course, Lesson, Module, Heading } from './load';
export type { QuizQuestion } from './schema';

let course: Course | undefined;

export function getCourse(): Course {
  // Drafts are visible while writing (next dev) and never in a production build.
  course ??= loadCourse({ includeDrafts: process.env.NODE_ENV !== 'production' });
  return course;
}

export function listModules(): Module[] {
  return getCourse().modules;
}

export function listLessons(): Lesson[] {
  return getCourse().lessons;
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

/** The lessons before and after this one in course order (across modules). */
export function getAdjacentLessons(id: string): { previous?: Lesson; next?: Lesson } {
  const lessons = getCourse().lessons;
  const index = lessons.findIndex((lesson) => lesson.id === id);
  if (index === -1) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}
