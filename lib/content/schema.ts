import { z } from 'zod';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real calendar date');

export const quizQuestionSchema = z
  .object({
    question: z.string().trim().min(1, 'is required'),
    choices: z
      .array(z.string().trim().min(1, 'must not be empty'))
      .min(2, 'needs at least 2 choices')
      .max(6, 'allows at most 6 choices'),
    answer: z.string().trim().min(1, 'is required'),
    explanation: z.string().trim().min(1, 'is required'),
    // The id of the lesson's heading that teaches this question: a failed attempt links there.
    section: z.string().trim().min(1, 'is required (the id of the heading that teaches it)'),
  })
  .strict()
  .superRefine((question, ctx) => {
    if (!question.choices.includes(question.answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `must be one of the choices (got "${question.answer}")`,
      });
    }
    if (new Set(question.choices).size !== question.choices.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'must not repeat a choice' });
    }
  });

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
    summary: z.string().trim().min(1, 'is required').max(300, 'must be one sentence (at most 300 characters)'),
    minutes: z.number().int('must be a whole number').min(1).max(120),
    order: z.number().int('must be a whole number').min(1),
    lastReviewed: isoDate,
    objectives: z
      .array(z.string().trim().min(1, 'must not be empty'))
      .min(2, 'needs 2 to 5 objectives')
      .max(5, 'needs 2 to 5 objectives'),
    draft: z.boolean().optional().default(false),
    quiz: z
      .array(quizQuestionSchema)
      .min(3, 'needs 3 to 5 questions')
      .max(5, 'needs 3 to 5 questions'),
  })
  .strict();

export const moduleMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'is required'),
    summary: z.string().trim().min(1, 'is required'),
    order: z.number().int('must be a whole number').min(1),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
