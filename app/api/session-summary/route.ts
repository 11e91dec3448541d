import type { NextRequest } from 'next/server';
import { auth } from '@/lib/auth';
import { getMySessionSummary } from '@/lib/dal/me';
import { errorResponse } from '@/lib/http/responses';

// GET /api/session-summary: who is signed in, for the header and the static pages (/, /learn,
// lessons), which read the session in the browser to stay prerendered. {"user": null} for a
// visitor. Run through auth() so a reader's visit renews the session cookie, as Auth.js's own
// session endpoint (which the header used before) does.
const withRenewedSession = auth(async () => {
  try {
    const user = await getMySessionSummary();
    return Response.json({ user }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});

export async function GET(request: NextRequest, context: RouteContext<'/api/session-summary'>) {
  // lib/auth builds its configuration lazily, and then auth(route) resolves to the route (its
  // type says it returns the route itself).
  const route = await withRenewedSession;
  return route(request, context);
}
