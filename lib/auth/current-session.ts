// Who the session cookie of the current request says is signed in. An auth primitive: it only
// decodes the cookie (lib/auth/session-token.ts) and needs neither the database nor Auth.js's
// request handlers, so the data access layer (lib/dal/session.ts) and CLI scripts can import it
// without loading Next.js's client router.
import { headers } from 'next/headers';
import { readSessionToken } from './session-token';

/**
 * The signed-in user's id and when they signed in (ms); null without a valid, unexpired session.
 * It only decodes the cookie, where auth() would also encrypt a renewed one on every call (about
 * 3 ms of a 10 ms progress write, measured on one connection).
 */
export async function readSession(): Promise<{ id: string; authTime: number } | null> {
  const token = await readSessionToken(await headers());
  if (!token?.sub) return null;
  return { id: token.sub, authTime: typeof token.authTime === 'number' ? token.authTime : 0 };
}
