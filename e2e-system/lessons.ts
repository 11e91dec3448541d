import { loadCourse } from '../lib/content/load';

/** Published lesson ids, in course order. */
export function listLessonsForSystemTests(): string[] {
  return loadCourse({ includeDrafts: false }).lessons.map((lesson) => lesson.id);
}
