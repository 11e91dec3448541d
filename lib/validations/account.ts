import { z } from 'zod';

/**
 * Confirming an account deletion: the current password for an account that has one, otherwise
 * (GitHub sign-in only) the account's e-mail address typed out. Which one is required is the data
 * access layer's decision, since it depends on the account; both are optional here.
 */
export const deleteAccountSchema = z.object({
  // Verified exactly as typed, like at sign-in.
  password: z.string().max(128, 'That is not your password.').optional(),
  confirmEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, 'That is not the e-mail address of this account.')
    .optional(),
});

export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
