import { z } from 'zod';
import { textLimits } from './limits';
import { multiLineText, singleLineText } from './text';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01.')
  .refine(
    // Date.parse("2026-02-30") rolls over to March: a real date survives the round trip.
    (value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
    },
    'That is not a real date.',
  );

/** A cohort's name and optional dates, as it is created or edited. */
export const cohortDetailsSchema = z
  .object({
    name: singleLineText(
      z
        .string({ message: 'Give the cohort a name.' })
        .trim()
        .min(1, 'Give the cohort a name.')
        .max(textLimits.cohortName, `Use at most ${textLimits.cohortName} characters.`),
    ),
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

export const joinCohortSchema = z.object({ inviteCode: inviteCodeSchema });

export const cohortIdSchema = z.string().uuid('Not a cohort.');

export const memberChangeSchema = z.object({
  cohortId: cohortIdSchema,
  userId: z.string().uuid('Not a member.'),
});

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `Enter ${label}.` })
    .int(`Use a whole number for ${label}.`)
    .min(min, `Use at least ${min} for ${label}.`)
    .max(max, `Use at most ${max} for ${label}.`);

/** The at-risk thresholds, as the cohort owner sets them. */
export const cohortThresholdsSchema = z.object({
  inactiveDays: wholeNumber('the days without activity', 1, 365),
  failedQuizAttempts: wholeNumber('the failed quiz attempts', 1, 50),
  behindLessons: wholeNumber('the lessons behind schedule', 1, 200),
});

/** Due dates: a module slug or a lesson id ("module/lesson") with a day; empty days are dropped. */
export const cohortScheduleSchema = z
  .array(
    z.object({
      unit: z
        .string()
        .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/, 'Not a module or lesson.')
        .max(200),
      dueOn: isoDay,
    }),
  )
  .max(1000, 'Too many due dates.');

export const nudgeSchema = z.object({
  cohortId: cohortIdSchema,
  userId: z.string().uuid('Not a member.'),
  message: multiLineText(
    z
      .string({ message: 'Write a short message.' })
      .trim()
      .min(1, 'Write a short message.')
      .max(textLimits.nudge, `Use at most ${textLimits.nudge} characters.`),
  ),
});

/** An admin gives a cohort a new owner, named by e-mail. */
export const reassignCohortSchema = z.object({
  cohortId: cohortIdSchema,
  ownerEmail: z
    .string({ message: "Enter the new owner's e-mail address." })
    .trim()
    .toLowerCase()
    .min(1, "Enter the new owner's e-mail address.")
    .max(textLimits.email, 'That e-mail address is too long.')
    .pipe(z.email({ message: 'Enter a valid e-mail address, like name@example.com.' })),
});
