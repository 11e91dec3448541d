/**
 * The client's IP address as the front proxy reports it (Vercel, nginx and most load balancers
 * put it first in X-Forwarded-For; Next.js fills the header from the socket when there is no
 * proxy). Run the portal behind a proxy that overwrites the header, or per-IP limits can be dodged.
 */
export function getClientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
  return ip.slice(0, 64);
}
