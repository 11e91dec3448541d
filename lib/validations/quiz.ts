import { z } from 'zod';
import { lessonIdSchema } from './progress';

/** A choice's stable id (lib/content/quiz.ts): graded by identity, whatever order it was shown in. */
export const choiceIdSchema = z.string().regex(/^[\w-]{12}$/, 'Choose one of the answers.');

export const quizSubmissionSchema = z.object({
  lessonId: lessonIdSchema,
  // The id of the chosen choice for each question, in question order.
  answers: z.array(choiceIdSchema).min(1).max(10),
});
