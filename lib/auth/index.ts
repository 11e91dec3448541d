// The full Auth.js configuration: the Drizzle adapter (users, accounts; used by OAuth providers)
// and the e-mail + password credentials provider. Sessions are JWTs, as credentials require.
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { ThrottledError } from '@/lib/dal/throttle';
import { verifyCredentials } from '@/lib/dal/users';
import { getClientIp } from './client-ip';
import { buildOAuthProviders } from './providers';
import { createBaseAuthConfig } from './config';

/** Raised by authorize() while the e-mail and IP (or the IP) is throttled; `code` reaches signIn's caller. */
export class SignInThrottled extends CredentialsSignin {
  code = 'rate_limited';
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const base = createBaseAuthConfig();
  return {
    ...base,
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
            const user = await verifyCredentials(credentials, { ip: getClientIp(request.headers) });
            return user ? { id: user.id, name: user.name, email: user.email } : null;
          } catch (error) {
            if (error instanceof ThrottledError) throw new SignInThrottled();
            throw error;
          }
        },
      }),
    ],
  };
});
