import 'server-only';
import { cache } from 'react';
import { auth } from '@/lib/auth';
import { unauthenticated } from '@/lib/errors';

export interface SessionUser {
  id: string;
}

/** The signed-in user of this request, or null. Cached per request. */
export const verifySession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? { id } : null;
});

export async function requireUser(): Promise<SessionUser> {
  const user = await verifySession();
  if (!user) throw unauthenticated();
  return user;
}
