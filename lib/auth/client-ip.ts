import { parseEnv } from '@/lib/env';

/**
 * The client's IP address for per-IP limits and the audit log.
 *
 * X-Forwarded-For is a list that each proxy appends to, and a client can start it with anything it
 * likes, so only entries added by our own proxies can be trusted. With TRUSTED_PROXY_HOPS proxies
 * in front of the portal (default 1: Vercel's edge, or one nginx/load balancer that appends the
 * address it saw), the client is the entry that many places from the right. A forged prefix is
 * ignored. Without any proxy, Next.js fills the header from the socket only when the client sent
 * none, so production deployments belong behind a proxy that sets it.
 */
export function getClientIp(
  headers: Headers,
  trustedHops: number = parseEnv().TRUSTED_PROXY_HOPS,
): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromProxy = entries[Math.max(0, entries.length - Math.max(1, trustedHops))];
  const ip = fromProxy || headers.get('x-real-ip')?.trim() || 'unknown';
  return ip.slice(0, 64);
}
