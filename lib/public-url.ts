import 'server-only';
import { isEmbeddedDatabase, parseEnv } from './env';

/**
 * The portal's public origin for links in e-mails: APP_URL, or Vercel's production URL. Only in
 * local use is the request's own Host trusted (in production a forged Host header would send
 * reset links, with their tokens, to an attacker's site).
 */
export function getPublicBaseUrl(headers: Headers): string {
  const env = parseEnv();
  if (env.APP_URL) return env.APP_URL;
  if (process.env.VERCEL_PROJECT_PRODUCTION_URL)
    return `https://${process.env.VERCEL_PROJECT_PRODUCTION_URL}`;
  if (isEmbeddedDatabase(env) || env.NODE_ENV !== 'production') {
    const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost:3000';
    const proto = headers.get('x-forwarded-proto') ?? 'http';
    return `${proto}://${host}`;
  }
  throw new Error(
    'APP_URL is not set: it is needed for links in e-mails (for example https://backend-path.example).',
  );
}
