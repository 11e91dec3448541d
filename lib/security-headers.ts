// Security headers for every response. The Content-Security-Policy allows no inline script by
// default: the two of our own (the theme script and the prerendered pages' loader) by their hash,
// which is the same for every page, and Next.js's own inline scripts on pages rendered per request
// by that request's nonce (proxy.ts makes one and sets the policy). Prerendered pages carry no
// other inline script (scripts/lib/first-paint.ts moves them out at build time), so they need no
// nonce and can still be served as the same bytes to everyone.
import { createHash } from 'node:crypto';
import { parseEnv, type Env } from './env';
import { firstPaintLoaderScript } from './first-paint-loader';
import { themeScript } from './theme';

/** The inline scripts any page may carry without a nonce: the CSP lists their hashes. */
export const hashedInlineScripts = [themeScript, firstPaintLoaderScript];

function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

const inlineScriptHashes = hashedInlineScripts.map(scriptHash);

/**
 * Paths proxy.ts does not run for (its matcher): their responses get the policy from
 * next.config.ts instead, so every response has exactly one. Keep the two lists in step.
 */
export const pathsWithoutProxy = [
  '/_next/static/:path*',
  '/_next/image',
  '/diagrams/:path*',
  // The SQL labs' downloads (npm run labs:build).
  '/labs/:path*',
  '/favicon.ico',
  '/robots.txt',
];

/**
 * Whether prerendered pages are served as the build rewrote them (scripts/prepare-standalone.ts
 * rewrites .next/standalone, the standalone server's copy). Vercel serves Next.js's own output,
 * whose prerendered pages keep inline scripts with neither a nonce nor a hash known here: there
 * the policy still allows inline scripts, or lessons would not hydrate (not tried on Vercel).
 */
export function servesRewrittenPages(env: Env = parseEnv()): boolean {
  return !env.VERCEL;
}

/** 16 random bytes, base64: a fresh nonce for one response. */
export function createNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function buildContentSecurityPolicy({
  isDevelopment,
  nonce,
  allowInlineScripts = false,
}: {
  isDevelopment: boolean;
  /** Set for responses rendered per request; prerendered pages are allowed by hashes alone. */
  nonce?: string;
  /** Where servesRewrittenPages() is false. Browsers ignore it next to a hash or a nonce. */
  allowInlineScripts?: boolean;
}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      ...(allowInlineScripts
        ? ["'unsafe-inline'"]
        : [...inlineScriptHashes, ...(nonce ? [`'nonce-${nonce}'`] : [])]),
      // WebAssembly (PGlite in the SQL labs) without allowing eval of JavaScript.
      "'wasm-unsafe-eval'",
      // Only in development, where React uses eval for better stack traces.
      ...(isDevelopment ? ["'unsafe-eval'"] : []),
    ],
    // The labs run their database in a Web Worker loaded from this origin.
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // Development's hot reload talks over a WebSocket.
    'connect-src': ["'self'", ...(isDevelopment ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Every header but the Content-Security-Policy, which depends on the response (see above). */
export function buildSecurityHeaders(isDevelopment: boolean): { key: string; value: string }[] {
  return [
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    {
      key: 'Permissions-Policy',
      value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    },
    ...(isDevelopment
      ? []
      : [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]),
  ];
}
