import { z } from 'zod';
import { lessonIdSchema } from './progress';

export const reviewAnswerSchema = z.object({
  lessonId: lessonIdSchema,
  questionIndex: z.number().int().min(0).max(9),
  choiceIndex: z.number().int().min(0).max(9),
});
