import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { hasForeignOrigin } from '@/lib/http/same-origin';

export const { GET } = handlers;

// Auth.js protects its POST endpoints with a CSRF token; a foreign Origin is refused before that.
export async function POST(request: NextRequest) {
  if (hasForeignOrigin(request)) {
    return Response.json({ error: 'Cross-origin requests are not accepted.' }, { status: 403 });
  }
  return handlers.POST(request);
}
