// Three jobs, and no security decisions: every request gets an id for the logs (x-request-id, kept
// from a trusted proxy when it sends a well-formed one), every response its Content-Security-Policy
// with a fresh nonce (see lib/security-headers.ts), and signed-out visitors of signed-in-only
// pages are redirected to /sign-in. Every page, action and route handler still checks the session
// itself in the data access layer. The session cookie is only decoded for signed-in-only pages,
// and no cookie is ever set here, so public pages stay cacheable.
import { NextResponse, type NextRequest } from 'next/server';
import { signedInOnlyPaths } from '@/lib/auth/config';
import { readSessionToken } from '@/lib/auth/session-token';
import {
  buildContentSecurityPolicy,
  createNonce,
  servesRewrittenPages,
} from '@/lib/security-headers';

const requestIdPattern = /^[\w-]{8,128}$/;
const allowInlineScripts = !servesRewrittenPages();

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
  const policy = buildContentSecurityPolicy({
    isDevelopment: process.env.NODE_ENV === 'development',
    nonce: allowInlineScripts ? undefined : createNonce(),
    allowInlineScripts,
  });
  let response: NextResponse;
  if (needsUser && !(await hasSession(request))) {
    const signIn = new URL('/sign-in', request.nextUrl);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    const headers = new Headers(request.headers);
    headers.set('x-request-id', requestId);
    // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
    headers.set('Content-Security-Policy', policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('x-request-id', requestId);
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Everything but build assets and static files (they need neither an id nor a session; their
  // policy comes from next.config.ts: keep lib/security-headers.ts's pathsWithoutProxy in step).
  matcher: ['/((?!_next/static|_next/image|diagrams/|labs/|favicon.ico|robots.txt).*)'],
};
