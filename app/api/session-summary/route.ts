import { auth } from '@/lib/auth';
import { getMySessionSummary } from '@/lib/dal/me';
import { errorResponse } from '@/lib/http/responses';

// GET /api/session-summary: who is signed in, for the header and the static pages (/, /learn,
// lessons), which read the session in the browser to stay prerendered. {"user": null} for a
// visitor. Wrapped in auth() so a reader's visit renews the session cookie, as Auth.js's own
// session endpoint (which the header used before) does.
export const GET = auth(async () => {
  try {
    const user = await getMySessionSummary();
    return Response.json({ user }, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
});
