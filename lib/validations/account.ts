import { z } from 'zod';

export const deleteAccountSchema = z.object({
  confirmEmail: z
    .string({ message: 'Type your e-mail address to confirm.' })
    .trim()
    .toLowerCase()
    .min(1, 'Type your e-mail address to confirm.')
    .max(254),
});
