import 'server-only';
import {
  getCourseWithDrafts,
  getLessonOrDraft,
  listDraftLessons,
  type Lesson,
} from '@/lib/content';
import { AppError } from '@/lib/errors';
import { requireRole } from './session';

/** Who may preview drafts (and sees Preview in the account menu). */
export const previewRoles = ['instructor', 'admin'] as const;

/** Draft lessons, for instructors and admins only. */
export async function listDraftsForPreview(): Promise<Lesson[]> {
  await requireRole(previewRoles);
  return listDraftLessons();
}

/** Any lesson, draft or published, with its module: for instructors and admins only. */
export async function getLessonPreview(moduleSlug: string, lessonSlug: string) {
  await requireRole(previewRoles);
  const lesson = getLessonOrDraft(moduleSlug, lessonSlug);
  const courseModule = getCourseWithDrafts().modules.find((module) => module.slug === moduleSlug);
  if (!lesson || !courseModule)
    throw new AppError('not_found', 'There is no lesson at this address.');
  return { lesson, courseModule };
}
