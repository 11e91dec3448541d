import { z } from 'zod';
import { lessonIdSchema } from './progress';

export const quizSubmissionSchema = z.object({
  lessonId: lessonIdSchema,
  // The index of the chosen choice for each question, in order.
  answers: z.array(z.number().int().min(0).max(9)).min(1).max(10),
});
