/**
 * Whether a request carries an Origin other than the portal's own host: the check Next.js applies
 * to server actions, for the mutating route handlers. Browsers send Origin on every POST; a
 * request without one (curl, a server) is not a cross-site request and passes. "null" (sandboxed
 * frames, some redirects) counts as foreign.
 */
export function hasForeignOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
