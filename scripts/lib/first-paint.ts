// Build-time rewrite of prerendered pages, used by scripts/prepare-standalone.ts: the HTML carries
// what the first paint needs, and what hydration needs is requested after it.
import crypto from 'node:crypto';

/** Where the React payloads taken out of pages are served from (immutable, like all /_next/static). */
export const payloadUrlPrefix = '/_next/static/payload/';

export interface DeferredPage {
  html: string;
  /** The page's React Server Components payload as a script, when it was taken out of the HTML. */
  payload: { url: string; source: string } | null;
}

const scriptTag = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
const preloadTag =
  /<link rel="preload" as="script" fetchPriority="low" href="\/_next\/static\/[^"]+\.js"\/>/g;
// React's inline payload: a bootstrap push, then one push per chunk. Next.js escapes "<" inside
// them, so a script ends at the first "</script>".
const payloadTag =
  /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\(.*?\))<\/script>/gs;

/**
 * Two changes to a page Next.js prerendered:
 * - Its JavaScript: Next.js puts it in the head as async scripts, so on a slow link it is
 *   downloaded alongside the stylesheet and delays the first paint of the lesson text. It is now
 *   requested just after the first contentful paint: the text paints first, then React hydrates
 *   (the quiz, tabs, search and theme switch become interactive a moment later, as on any slow
 *   link).
 * - React's payload: the inline scripts that feed hydration repeat the whole lesson a second time
 *   in the HTML. They become one content-hashed script, requested with the JavaScript and run
 *   before it (the scripts run in order), where Next.js's runtime finds the data queued as it
 *   would have from the inline scripts.
 * A page that has been rewritten already comes back unchanged.
 */
export function deferHydration(html: string): DeferredPage {
  const sources: string[] = [];
  const pushes: string[] = [];
  let rewritten = html
    .replace(scriptTag, (_tag, source: string) => {
      sources.push(source);
      return '';
    })
    .replace(preloadTag, '')
    .replace(payloadTag, (_tag, push: string) => {
      pushes.push(push);
      return '';
    });
  if (sources.length === 0) return { html, payload: null };
  let payload: DeferredPage['payload'] = null;
  if (pushes.length > 0) {
    const source = `${pushes.join(';\n')};\n`;
    const hash = crypto.createHash('sha256').update(source).digest('base64url').slice(0, 16);
    payload = { url: `${payloadUrlPrefix}${hash}.js`, source };
  }
  const scripts = payload ? [payload.url, ...sources] : sources;
  // After the first contentful paint where the browser reports it, else after the first frame; a
  // tab opened in the background loads them at once. async=false: downloaded in parallel, run in
  // this order.
  const loader =
    `<script>(function(){var s=${JSON.stringify(scripts)},d=0;function l(){if(d)return;d=1;` +
    `s.forEach(function(u){var e=document.createElement('script');e.src=u;e.async=false;document.head.appendChild(e)})}` +
    `if(document.visibilityState==='hidden')return l();` +
    `if((window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[]).indexOf('paint')>=0)` +
    `new PerformanceObserver(function(p){if(p.getEntriesByName('first-contentful-paint').length)l()}).observe({type:'paint',buffered:true});` +
    `else requestAnimationFrame(function(){setTimeout(l,0)})})()</script>`;
  rewritten = rewritten.replace('</head>', `${loader}</head>`);
  return { html: rewritten, payload };
}
