import { createUser, type UserDto } from '@/lib/dal/users';

let sequence = 0;

/** A new user with a unique e-mail, created through the data access layer. */
export async function createTestUser(
  overrides: { name?: string; password?: string } = {},
): Promise<UserDto & { password: string }> {
  sequence += 1;
  const password = overrides.password ?? 'correct horse battery staple';
  const user = await createUser({
    name: overrides.name ?? `Test User ${sequence}`,
    email: `user-${Date.now()}-${sequence}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    password,
  });
  return { ...user, password };
}
