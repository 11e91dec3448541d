import { z } from 'zod';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'That is not a real date.');

export const createCohortSchema = z
  .object({
    name: z
      .string({ message: 'Give the cohort a name.' })
      .trim()
      .min(1, 'Give the cohort a name.')
      .max(100, 'Use at most 100 characters.'),
    startsOn: isoDay.optional(),
    endsOn: isoDay.optional(),
  })
  .refine((value) => !value.startsOn || !value.endsOn || value.endsOn >= value.startsOn, {
    path: ['endsOn'],
    message: 'The end date must not be before the start date.',
  });

export const inviteCodeSchema = z
  .string({ message: 'Enter the invite code.' })
  .trim()
  .toUpperCase()
  .transform((value) => value.replace(/[^A-Z0-9]/g, ''))
  .pipe(z.string().length(8, 'Invite codes have 8 letters and digits, like K7M2-QX9P.'));

export const cohortIdSchema = z.string().uuid('Not a cohort.');

export const memberChangeSchema = z.object({
  cohortId: cohortIdSchema,
  userId: z.string().uuid('Not a member.'),
});
