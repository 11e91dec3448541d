import 'server-only';
import { parseEnv, type Env } from './env';

export const missingAppUrlMessage =
  'APP_URL is not set. In production Backend Path builds the links in its e-mails (password reset, ' +
  'sign-up confirmation) from APP_URL only, never from request headers, which a client can forge. ' +
  'Set it to the public address of the portal, for example APP_URL=https://backend-path.example.';

/** The public origin from configuration: APP_URL, or on Vercel the project's production domain. */
export function getConfiguredPublicUrl(env: Env = parseEnv()): string | undefined {
  if (env.APP_URL) return env.APP_URL;
  if (env.VERCEL && env.VERCEL_PROJECT_PRODUCTION_URL)
    return `https://${env.VERCEL_PROJECT_PRODUCTION_URL}`;
  return undefined;
}

/**
 * The portal's public origin for links in e-mails. In production it comes from configuration
 * only (the server does not start without it, see lib/startup.ts); only `next dev` and tests fall
 * back to the request's own Host, where there is nobody to forge it.
 */
export function getPublicBaseUrl(headers: Headers): string {
  const env = parseEnv();
  const configured = getConfiguredPublicUrl(env);
  if (configured) return configured;
  if (env.NODE_ENV === 'production') throw new Error(missingAppUrlMessage);
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
  const proto = headers.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
