// Redirects only: signed-out visitors of signed-in-only pages go to /sign-in. Every page, action and
// route handler still checks the session itself in the data access layer.
import NextAuth from 'next-auth';
import { createBaseAuthConfig } from '@/lib/auth/config';

const { auth } = NextAuth(() => createBaseAuthConfig());

export default auth;

export const config = {
  matcher: [
    '/dashboard/:path*',
    '/preview/:path*',
    '/account/:path*',
    '/admin/:path*',
    '/notes/:path*',
  ],
};
