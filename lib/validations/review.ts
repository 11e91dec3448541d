import { z } from 'zod';
import { lessonIdSchema } from './progress';
import { choiceIdSchema } from './quiz';

export const reviewAnswerSchema = z.object({
  lessonId: lessonIdSchema,
  questionIndex: z.number().int().min(0).max(9),
  choiceId: choiceIdSchema,
});
