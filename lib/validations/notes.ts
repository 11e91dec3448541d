import { z } from 'zod';
import { textLimits } from './limits';
import { lessonIdSchema } from './progress';
import { multiLineText } from './text';

export const noteMaxLength = textLimits.note;

export const saveNoteSchema = z.object({
  lessonId: lessonIdSchema,
  body: multiLineText(
    z
      .string()
      .max(noteMaxLength, `Notes can be at most ${noteMaxLength.toLocaleString('en')} characters.`),
  ),
});

export const setBookmarkSchema = z.object({ lessonId: lessonIdSchema, bookmarked: z.boolean() });
