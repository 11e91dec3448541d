// The full Auth.js configuration: the Drizzle adapter (users, accounts; used by OAuth providers)
// and the e-mail + password credentials provider. Sessions are JWTs, as credentials require.
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { ThrottledError } from '@/lib/dal/throttle';
import { getRoleOfCurrentSession } from '@/lib/dal/session';
import { verifyCredentials } from '@/lib/dal/users';
import { getClientIp } from './client-ip';
import { isTrustedDevice } from './trusted-device';
import { buildOAuthProviders } from './providers';
import { createBaseAuthConfig } from './config';

/** Raised by authorize() while the e-mail and IP (or the IP) is throttled; `code` reaches signIn's caller. */
export class SignInThrottled extends CredentialsSignin {
  code = 'rate_limited';
}

/** Raised by authorize() while the account itself is slowed down (many failures from anywhere). */
export class AccountProtected extends CredentialsSignin {
  code = 'account_protected';
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const base = createBaseAuthConfig();
  return {
    ...base,
    callbacks: {
      ...base.callbacks,
      // Auth.js calls this whenever it reads the cookie (GET /api/auth/session, auth()): a session
      // that a password change, reset or account deletion ended gets no data and no renewed
      // cookie (null deletes it), as in the data access layer.
      async jwt(params) {
        const token = await base.callbacks!.jwt!(params);
        if (params.user || !token) return token;
        const authTime = typeof token.authTime === 'number' ? token.authTime : 0;
        if (!token.sub || !(await getRoleOfCurrentSession(token.sub, authTime))) return null;
        return token;
      },
    },
    adapter: DrizzleAdapter(await getDb(), {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      ...buildOAuthProviders(),
      Credentials({
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          try {
            const user = await verifyCredentials(credentials, {
              ip: getClientIp(request.headers),
              isTrustedDevice: (email) => isTrustedDevice(request.headers.get('cookie'), email),
            });
            return user ? { id: user.id, name: user.name, email: user.email } : null;
          } catch (error) {
            if (error instanceof ThrottledError)
              throw error.scope === 'account' ? new AccountProtected() : new SignInThrottled();
            throw error;
          }
        },
      }),
    ],
  };
});
