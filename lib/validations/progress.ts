import { z } from 'zod';

/** "<module>/<lesson>"; the DAL also checks that the lesson exists in the content index. */
export const lessonIdSchema = z
  .string({ message: 'A lesson is required.' })
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Not a lesson id.');

export const openLessonSchema = z.object({ lessonId: lessonIdSchema });

export const setLessonCompletionSchema = z.object({
  lessonId: lessonIdSchema,
  completed: z.boolean(),
});
