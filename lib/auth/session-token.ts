// Reads the Auth.js session cookie: decrypts it and checks its expiry, as Auth.js's own session
// endpoint does, but without issuing a fresh cookie afterwards (auth() does that on every call
// and the new cookie is thrown away outside route wrappers). Used by the data access layer
// (lib/auth readSession) and by proxy.ts.
import { getToken, type JWT } from 'next-auth/jwt';
import { resolveAuthSecret } from './secret';

/** Auth.js names the cookie with this prefix behind https (and without it over plain http). */
export const secureSessionCookieName = '__Secure-authjs.session-token';

export function readSessionToken(headers: Headers): Promise<JWT | null> {
  return getToken({
    req: { headers },
    secret: resolveAuthSecret(),
    secureCookie: (headers.get('cookie') ?? '').includes(`${secureSessionCookieName}=`),
  });
}
