// "This browser has signed in to this account before": a signed cookie set after a successful
// sign-in, one per account, that exempts the browser from the per-account slow-down
// (lib/dal/throttle.ts). An attacker guessing from many addresses has no such cookie, so the
// slow-down holds them back, while the owner, from a browser they have used, is never locked out
// by someone else's guesses (OWASP's "device cookies" defence against slow brute force).
import crypto from 'node:crypto';
import { resolveAuthSecret } from './secret';

const maxAgeSeconds = 365 * 24 * 60 * 60;

let key: Buffer | undefined;
function signingKey(): Buffer {
  key ??= Buffer.from(
    crypto.hkdfSync(
      'sha256',
      resolveAuthSecret(),
      Buffer.alloc(0),
      'backend-path trusted device cookie',
      32,
    ),
  );
  return key;
}

const mac = (email: string, issuedAt: number) =>
  crypto.createHmac('sha256', signingKey()).update(`${email}\n${issuedAt}`).digest('base64url');

/** The cookie's name for this account (several accounts can share one browser). */
export function trustedDeviceCookieName(email: string): string {
  const id = crypto.createHash('sha256').update(email).digest('base64url').slice(0, 16);
  return `backend-path-device-${id}`;
}

/** A cookie for this account, issued now: name, value and the attributes to set it with. */
export function issueTrustedDeviceCookie(email: string, now = Date.now()) {
  const issuedAt = Math.floor(now / 1000);
  return {
    name: trustedDeviceCookieName(email),
    value: `${issuedAt}.${mac(email, issuedAt)}`,
    options: {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      maxAge: maxAgeSeconds,
      secure: process.env.NODE_ENV === 'production' && !process.env.APP_URL?.startsWith('http:'),
    },
  };
}

/** Whether the request carries a valid, unexpired cookie for this account. */
export function isTrustedDevice(
  cookieHeader: string | null,
  email: string,
  now = Date.now(),
): boolean {
  const name = trustedDeviceCookieName(email);
  const value = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const match = /^(\d{1,12})\.([\w-]{43})$/.exec(value ?? '');
  if (!match) return false;
  const issuedAt = Number(match[1]);
  if (issuedAt * 1000 > now + 60_000 || now - issuedAt * 1000 > maxAgeSeconds * 1000) return false;
  const expected = Buffer.from(mac(email, issuedAt));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
