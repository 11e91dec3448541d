// The part of the Auth.js configuration that needs no database: shared by proxy.ts (redirects only)
// and the full configuration in ./index.ts.
import type { NextAuthConfig } from 'next-auth';
import { isEmbeddedDatabase, parseEnv } from '@/lib/env';
import { resolveAuthSecret } from './secret';

/** Paths that need a signed-in user; proxy.ts redirects others to /sign-in (the DAL still checks). */
export const signedInOnlyPaths = [
  '/dashboard',
  '/preview',
  '/account',
  '/admin',
  '/notes',
  '/review',
  '/cohorts',
];

export function createBaseAuthConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret(),
    // Local use runs on localhost; behind a proxy set AUTH_TRUST_HOST=true (Vercel sets it itself).
    trustHost: isEmbeddedDatabase() || parseEnv().NODE_ENV === 'development' ? true : undefined,
    session: { strategy: 'jwt' },
    pages: { signIn: '/sign-in' },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        // At sign-in only: who, and when (ms). The data access layer compares authTime with the
        // user's sessions_valid_after, so a password change ends older sessions.
        if (user?.id) {
          token.sub = user.id;
          token.authTime = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.authTime = typeof token.authTime === 'number' ? token.authTime : 0;
        return session;
      },
    },
  };
}
