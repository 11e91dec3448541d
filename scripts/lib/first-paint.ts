// Build-time rewrite of prerendered pages, used by scripts/prepare-standalone.ts: the HTML carries
// what the first paint needs, and what hydration needs is requested after it.
import crypto from 'node:crypto';
import { deferredScriptsElementId, firstPaintLoaderScript } from '@/lib/first-paint-loader';

/** Where the React payloads taken out of pages are served from (immutable, like all /_next/static). */
export const payloadUrlPrefix = '/_next/static/payload/';

export interface DeferredPage {
  html: string;
  /**
   * The page's React Server Components payload (and Turbopack's bootstrap) as a script, when they
   * were taken out of the HTML.
   */
  payload: { url: string; source: string } | null;
}

const scriptTag = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
const preloadTag =
  /<link rel="preload" as="script" fetchPriority="low" href="\/_next\/static\/[^"]+\.js"\/>/g;
// React's inline payload: a bootstrap push, then one push per chunk. Next.js escapes "<" inside
// them, so a script ends at the first "</script>".
const payloadTag =
  /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\(.*?\))<\/script>/gs;
// React's bootstrap script (its content is Turbopack's list of the page's chunks), where React
// escapes "</script" too.
const bootstrapTag = /<script id="_R_">(.*?)<\/script>/gs;

/**
 * Two changes to a page Next.js prerendered:
 * - Its JavaScript: Next.js puts it in the head as async scripts, so on a slow link it is
 *   downloaded alongside the stylesheet and delays the first paint of the lesson text. It is now
 *   requested just after the first contentful paint: the text paints first, then React hydrates
 *   (the quiz, tabs, search and theme switch become interactive a moment later, as on any slow
 *   link).
 * - React's payload and bootstrap: the inline scripts that feed hydration repeat the whole lesson a
 *   second time in the HTML. They become one content-hashed script, requested with the JavaScript
 *   and run before it (the scripts run in order), where Next.js's runtime finds the data queued as
 *   it would have from the inline scripts.
 * What is left inline is one loader that is the same on every page (lib/first-paint-loader.ts),
 * so the Content-Security-Policy allows it by its hash and needs no 'unsafe-inline'; the page's
 * script list is a JSON data element next to it.
 * A page that has been rewritten already comes back unchanged.
 */
export function deferHydration(html: string): DeferredPage {
  const sources: string[] = [];
  const inline: string[] = [];
  let rewritten = html
    .replace(scriptTag, (_tag, source: string) => {
      sources.push(source);
      return '';
    })
    .replace(preloadTag, '')
    // In document order: the bootstrap comes before the payload's pushes.
    .replace(bootstrapTag, (_tag, bootstrap: string) => {
      inline.push(bootstrap);
      return '';
    })
    .replace(payloadTag, (_tag, push: string) => {
      inline.push(push);
      return '';
    });
  if (sources.length === 0) return { html, payload: null };
  let payload: DeferredPage['payload'] = null;
  if (inline.length > 0) {
    const source = `${inline.join(';\n')};\n`;
    const hash = crypto.createHash('sha256').update(source).digest('base64url').slice(0, 16);
    payload = { url: `${payloadUrlPrefix}${hash}.js`, source };
  }
  const scripts = payload ? [payload.url, ...sources] : sources;
  // "<" escaped: the list cannot end its element early.
  const list = JSON.stringify(scripts).replace(/</g, '\\u003c');
  rewritten = rewritten.replace(
    '</head>',
    `<script type="application/json" id="${deferredScriptsElementId}">${list}</script>` +
      `<script>${firstPaintLoaderScript}</script></head>`,
  );
  return { html: rewritten, payload };
}
