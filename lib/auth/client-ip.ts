// The client's IP address for per-IP limits and the audit log.
//
// It is worked out once, where the socket is known: the standalone server's front layer
// (scripts/front-server) takes the peer address of the TCP connection, or, only when that peer is
// one of TRUSTED_PROXIES, the nearest address in X-Forwarded-For that is not a trusted proxy. It
// passes the result in clientIpHeader, which it always overwrites, so a client cannot choose its
// own address by sending X-Forwarded-For or this header. On Vercel the platform sets X-Real-IP
// (and overwrites what a client sent). Under `next dev` there is no front layer: Next.js's own
// X-Forwarded-For is used there.
import { isIP } from 'node:net';
import { parseEnv, type Env } from '@/lib/env';
import { logger } from '@/lib/log';

/** Set by the front layer on every request; a value sent by a client never survives it. */
export const clientIpHeader = 'x-backend-path-client-ip';

const valid = (value: string | null | undefined) => {
  const address = value?.trim();
  return address && isIP(address) ? address : null;
};

let warned = false;

export function getClientIp(headers: Headers, env: Env = parseEnv()): string {
  const fromFrontLayer = valid(headers.get(clientIpHeader));
  if (fromFrontLayer) return fromFrontLayer;
  if (env.VERCEL) return valid(headers.get('x-real-ip')) ?? 'unknown';
  if (env.NODE_ENV !== 'production') {
    const entries = (headers.get('x-forwarded-for') ?? '').split(',');
    return valid(entries.at(-1)) ?? valid(headers.get('x-real-ip')) ?? 'unknown';
  }
  if (!warned) {
    warned = true;
    logger.warn(
      'no client address from the front layer: run the standalone server with `node start.mjs` (or `npm start`); per-IP limits share one bucket until then',
    );
  }
  return 'unknown';
}
