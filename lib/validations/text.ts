import { z } from 'zod';

// Control characters (NUL, escape, the C1 range...) have no place in names, messages or notes:
// Postgres refuses a NUL in text outright, and the others hide content from the people who read it.
const controlInLine = /[\u0000-\u001f\u007f-\u009f]/;
// Multi-line text keeps tab, line feed and carriage return.
const controlInBlock = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const controlCharacterMessage =
  'Remove the invisible control characters (such as NUL) from this text.';

/** Text on one line (names, titles, search terms): no control characters at all. */
export const singleLineText = (schema: z.ZodString = z.string()) =>
  schema.refine((value) => !controlInLine.test(value), controlCharacterMessage);

/** Text that may span lines (notes, messages): tabs and line breaks, no other control characters. */
export const multiLineText = (schema: z.ZodString = z.string()) =>
  schema.refine((value) => !controlInBlock.test(value), controlCharacterMessage);
