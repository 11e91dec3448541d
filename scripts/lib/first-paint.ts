// Build-time rewrite of prerendered pages, used by scripts/prepare-standalone.ts.

/**
 * Next.js puts its JavaScript in the head as async scripts, so on a slow link they are downloaded
 * alongside the stylesheet and delay the first paint of the lesson text. In prerendered pages they
 * are requested just after the first contentful paint instead: the text paints first, then React
 * hydrates (the quiz, tabs, search and theme switch become interactive a moment later, as on any
 * slow link). The inline React payload scripts stay where they are: they only queue data for React.
 * A page that has been rewritten already comes back unchanged.
 */
export function loadScriptsAfterFirstPaint(html: string): string {
  const sources: string[] = [];
  const scriptTag = /<script src="(\/_next\/static\/[^"]+\.js)" async=""><\/script>/g;
  const preloadTag =
    /<link rel="preload" as="script" fetchPriority="low" href="\/_next\/static\/[^"]+\.js"\/>/g;
  let rewritten = html
    .replace(scriptTag, (_tag, source: string) => {
      sources.push(source);
      return '';
    })
    .replace(preloadTag, '');
  if (sources.length === 0) return html;
  // After the first contentful paint where the browser reports it, else after the first frame; a
  // tab opened in the background loads them at once.
  const loader =
    `<script>(function(){var s=${JSON.stringify(sources)},d=0;function l(){if(d)return;d=1;` +
    `s.forEach(function(u){var e=document.createElement('script');e.src=u;e.async=true;document.head.appendChild(e)})}` +
    `if(document.visibilityState==='hidden')return l();` +
    `if((window.PerformanceObserver&&PerformanceObserver.supportedEntryTypes||[]).indexOf('paint')>=0)` +
    `new PerformanceObserver(function(p){if(p.getEntriesByName('first-contentful-paint').length)l()}).observe({type:'paint',buffered:true});` +
    `else requestAnimationFrame(function(){setTimeout(l,0)})})()</script>`;
  rewritten = rewritten.replace('</head>', `${loader}</head>`);
  return rewritten;
}
