import { z } from 'zod';
import { userRoles } from '@/db/schema/auth';

export const userSearchSchema = z.object({
  q: z.string().trim().max(100).optional().default(''),
});

export const changeRoleSchema = z.object({
  userId: z.string().uuid('Not a user id.'),
  role: z.enum(userRoles, { message: 'Choose learner, instructor or admin.' }),
});
