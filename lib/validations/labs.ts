import { z } from 'zod';
import { labLimits } from './limits';
import { multiLineText } from './text';

const kebabId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A lab's id (kebab-case, unique in the course); the DAL also checks that the lab exists. */
export const labIdSchema = z
  .string({ message: 'A lab is required.' })
  .max(100)
  .regex(kebabId, 'Not a lab id.');

/** A task's id (kebab-case, unique in its lab). */
export const labTaskIdSchema = z
  .string({ message: 'A task is required.' })
  .max(100)
  .regex(kebabId, 'Not a task id.');

const labSqlSchema = multiLineText(
  z
    .string({ message: 'SQL is required.' })
    .max(
      labLimits.sqlCharacters,
      `SQL can be at most ${labLimits.sqlCharacters.toLocaleString('en')} characters.`,
    ),
);

export const saveLabDraftSchema = z.object({
  labId: labIdSchema,
  taskId: labTaskIdSchema,
  body: labSqlSchema,
});

export const submitLabTaskSchema = z.object({
  labId: labIdSchema,
  taskId: labTaskIdSchema,
  sql: labSqlSchema.refine((value) => value.trim() !== '', 'Write some SQL before submitting.'),
  // Chosen by the browser for each press of Submit, so a retried request is recorded once.
  submissionId: z.uuid({ message: 'Not a submission id.' }),
});

export const labStateSchema = z.object({ labId: labIdSchema });
