// Two jobs, and no security decisions: every request gets an id for the logs (x-request-id, kept
// from a trusted proxy when it sends a well-formed one), and signed-out visitors of signed-in-only
// pages are redirected to /sign-in. Every page, action and route handler still checks the session
// itself in the data access layer. The session cookie is only decoded for signed-in-only pages,
// and no cookie is ever set here, so public pages stay cacheable.
import { NextResponse, type NextRequest } from 'next/server';
import { signedInOnlyPaths } from '@/lib/auth/config';
import { readSessionToken } from '@/lib/auth/session-token';

const requestIdPattern = /^[\w-]{8,128}$/;

async function hasSession(request: NextRequest): Promise<boolean> {
  const token = await readSessionToken(request.headers);
  return Boolean(token?.sub);
}

export default async function proxy(request: NextRequest) {
  const incoming = request.headers.get('x-request-id');
  const requestId =
    incoming && requestIdPattern.test(incoming) ? incoming : globalThis.crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const needsUser = signedInOnlyPaths.some(
    (path) => pathname === path || pathname.startsWith(`${path}/`),
  );
  let response: NextResponse;
  if (needsUser && !(await hasSession(request))) {
    const signIn = new URL('/sign-in', request.nextUrl);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-request-id', requestId);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('x-request-id', requestId);
  return response;
}

export const config = {
  // Everything but build assets and static files (they need neither an id nor a session).
  matcher: ['/((?!_next/static|_next/image|diagrams/|favicon.ico|robots.txt).*)'],
};
