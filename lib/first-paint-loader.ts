// The inline script that prerendered pages run to request their JavaScript after the first paint
// (put in by scripts/lib/first-paint.ts at build time). It is the same on every page, so the
// Content-Security-Policy allows it by its hash (lib/security-headers.ts): the page's own list of
// scripts is in a data element it reads, which the browser never runs.

/** The id of the `<script type="application/json">` element that lists the page's scripts. */
export const deferredScriptsElementId = 'first-paint-scripts';

// After the first contentful paint where the browser reports it, else after the first frame; a
// tab opened in the background loads them at once. async=false: downloaded in parallel, run in
// the listed order.
export const firstPaintLoaderScript =
  `(function(){var s=JSON.parse(document.getElementById(${JSON.stringify(deferredScriptsElementId)}).textContent),d=0;` +
  `function l(){if(d)return;d=1;` +
  `s.forEach(function(u){var e=document.createElement('script');e.src=u;e.async=false;document.head.appendChild(e)})}` +
  `if(document.visibilityState==='hidden')return l();` +
  `if((window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[]).indexOf('paint')>=0)` +
  `new PerformanceObserver(function(p){if(p.getEntriesByName('first-contentful-paint').length)l()}).observe({type:'paint',buffered:true});` +
  `else requestAnimationFrame(function(){setTimeout(l,0)})})()`;
