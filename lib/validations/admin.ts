import { z } from 'zod';
import { userRoles } from '@/db/schema/auth';
import { singleLineText } from './text';

export const userSearchSchema = z.object({
  q: singleLineText(
    z.string().trim().max(100, 'Search for at most 100 characters: part of a name or e-mail.'),
  )
    .optional()
    .default(''),
});

export const changeRoleSchema = z.object({
  userId: z.string().uuid('Not a user id.'),
  role: z.enum(userRoles, { message: 'Choose learner, instructor or admin.' }),
});
