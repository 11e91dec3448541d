import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { firstPaintLoaderScript } from '@/lib/first-paint-loader';
import { parseEnv } from '@/lib/env';
import {
  buildContentSecurityPolicy,
  createNonce,
  servesRewrittenPages,
} from '@/lib/security-headers';
import { themeScript } from '@/lib/theme';
import { deferHydration } from '@/scripts/lib/first-paint';

function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name);
  if (!found) throw new Error(`no ${name} in ${policy}`);
  return found.slice(1);
}

/** What a browser computes for an inline script's text, to compare with the policy's sources. */
const hashOf = (source: string) =>
  `'sha256-${crypto.createHash('sha256').update(source).digest('base64')}'`;

describe('the Content-Security-Policy', () => {
  const production = buildContentSecurityPolicy({ isDevelopment: false });
  const scripts = directive(production, 'script-src');

  it('allows no inline script and no eval in production, nonce or not', () => {
    const withNonce = directive(
      buildContentSecurityPolicy({ isDevelopment: false, nonce: 'abc' }),
      'script-src',
    );
    for (const sources of [scripts, withNonce]) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).toContain("'self'");
    }
    expect(production).not.toContain("'unsafe-eval'");
  });

  it('allows the inline scripts a prerendered page keeps, by their hash', () => {
    // A page as Next.js prerenders it, through the build's rewrite: what is left inline must match.
    const page =
      `<html><head><script>${themeScript}</script>` +
      '<script src="/_next/static/chunks/a.js" async=""></script></head><body>' +
      '<script id="_R_">(globalThis.TURBOPACK||[]).push({})</script>' +
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>';
    const inline = [
      ...deferHydration(page).html.matchAll(
        /<script(?![^>]*\b(?:src|type)=)[^>]*>(.*?)<\/script>/gs,
      ),
    ].map(([, body]) => body!);
    expect(inline).toEqual([themeScript, firstPaintLoaderScript]);
    for (const source of inline) expect(scripts).toContain(hashOf(source));
    // Only those: nothing else inline is allowed.
    expect(scripts.filter((source) => source.startsWith("'sha256-"))).toHaveLength(2);
  });

  it("adds a response's nonce for the scripts Next.js renders per request", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(nonce);
    const sources = directive(
      buildContentSecurityPolicy({ isDevelopment: false, nonce }),
      'script-src',
    );
    expect(sources).toContain(`'nonce-${nonce}'`);
    // The hashes stay: a prerendered page served through proxy.ts has no nonce on its scripts.
    expect(sources).toContain(hashOf(themeScript));
    expect(scripts.some((source) => source.startsWith("'nonce-"))).toBe(false);
  });

  it('lets WebAssembly and same-origin workers run, for the labs', () => {
    expect(scripts).toContain("'wasm-unsafe-eval'");
    expect(directive(production, 'worker-src')).toEqual(["'self'"]);
  });

  it('keeps eval for React in development only', () => {
    expect(directive(buildContentSecurityPolicy({ isDevelopment: true }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('falls back to inline scripts only where prerendered pages are served as Next.js wrote them', () => {
    expect(servesRewrittenPages(parseEnv({}))).toBe(true);
    expect(servesRewrittenPages(parseEnv({ VERCEL: '1' }))).toBe(false);
    const fallback = directive(
      buildContentSecurityPolicy({ isDevelopment: false, allowInlineScripts: true }),
      'script-src',
    );
    // With a hash or a nonce next to it, browsers would ignore 'unsafe-inline'.
    expect(fallback).toContain("'unsafe-inline'");
    expect(fallback.some((source) => /^'(sha256|nonce)-/.test(source))).toBe(false);
    expect(fallback).not.toContain("'unsafe-eval'");
  });
});
