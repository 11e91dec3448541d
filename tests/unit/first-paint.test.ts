import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deferredScriptsElementId, firstPaintLoaderScript } from '@/lib/first-paint-loader';
import { deferHydration, payloadUrlPrefix } from '@/scripts/lib/first-paint';

const page =
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script>' +
  '<script src="/_next/static/chunks/two.js" async=""></script>' +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>' +
  '<title>Lesson</title></head><body><h1>Lesson</h1>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script>self.__next_f.push([1,"0:{\\"a\\":\\"\\u003c/p\\u003e\\"}\\n"])</script>' +
  '<script>self.__next_f.push([1,"1:[\\"$\\",\\"p\\",null,{}]\\n"])</script>' +
  '<script id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({"otherChunks":["x.js"]});</script>' +
  '<script src="/_next/static/chunks/late.js" async=""></script></body></html>';

/** Runs the page's loader in a sandbox with a fake DOM; returns what it appended and a paint trigger. */
function runLoader(html: string, { paintTiming = true, hidden = false } = {}) {
  // The page carries its list of scripts as data, then the one loader every page shares.
  const found = new RegExp(
    `<script type="application/json" id="${deferredScriptsElementId}">([^<]*)</script><script>([^<]*)</script></head>`,
  ).exec(html);
  if (!found) throw new Error('no loader in the page');
  const [, list, loader] = found as unknown as [string, string, string];
  expect(loader).toBe(firstPaintLoaderScript);
  const appended: string[] = [];
  let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  let frame: (() => void) | undefined;
  const context = {
    document: {
      visibilityState: hidden ? 'hidden' : 'visible',
      getElementById: (id: string) =>
        id === deferredScriptsElementId ? { textContent: list } : null,
      createElement: () => ({ src: '', async: true }),
      head: {
        appendChild: (element: { src: string; async: boolean }) => {
          // Scripts added by a script run as soon as they arrive, unless async is turned off.
          if (element.async) throw new Error(`${element.src} would run out of order`);
          appended.push(element.src);
        },
      },
    },
    PerformanceObserver: Object.assign(
      function (callback: typeof observer) {
        observer = callback;
        return { observe() {} };
      },
      { supportedEntryTypes: paintTiming ? ['paint', 'navigation'] : ['navigation'] },
    ),
    requestAnimationFrame: (callback: () => void) => (frame = callback),
    setTimeout: (callback: () => void) => callback(),
  };
  vm.runInNewContext(loader, { ...context, window: context });
  return {
    appended,
    paint: (name: string) =>
      observer?.({ getEntriesByName: (entry) => (entry === name ? [{}] : []) }),
    frame: () => frame?.(),
  };
}

describe('deferHydration', () => {
  const { html: rewritten, payload } = deferHydration(page);

  it("takes the framework scripts, their preload and React's inline payload out of the markup", () => {
    expect(rewritten).not.toMatch(/<script src="\/_next\/static\/chunks\/(one|two|late)\.js"/);
    expect(rewritten).not.toContain('rel="preload" as="script"');
    expect(rewritten).not.toContain('__next_f');
    expect(rewritten).not.toContain('TURBOPACK');
    // The rest stays: stylesheet, legacy polyfills, the content.
    expect(rewritten).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(rewritten).toContain('noModule=""');
    expect(rewritten).toContain('<h1>Lesson</h1>');
  });

  it('keeps the payload and the bootstrap whole and in order in a content-hashed script', () => {
    expect(payload?.url).toMatch(new RegExp(`^${payloadUrlPrefix}[\\w-]{16}\\.js$`));
    const queued: unknown[] = [];
    const chunks: unknown[] = [];
    vm.runInNewContext(payload!.source, {
      self: { __next_f: queued },
      globalThis: { TURBOPACK: chunks },
    });
    expect(queued).toEqual([[0], [1, '0:{"a":"</p>"}\n'], [1, '1:["$","p",null,{}]\n']]);
    expect(chunks).toEqual([{ otherChunks: ['x.js'] }]);
    expect(deferHydration(page.replace('1:[', '2:[')).payload?.url).not.toBe(payload?.url);
  });

  it('requests the payload, then every script, once and in order, only after the first contentful paint', () => {
    const browser = runLoader(rewritten);
    expect(browser.appended).toEqual([]);
    browser.paint('first-paint');
    expect(browser.appended).toEqual([]);
    browser.paint('first-contentful-paint');
    browser.paint('first-contentful-paint');
    expect(browser.appended).toEqual([
      payload!.url,
      '/_next/static/chunks/one.js',
      '/_next/static/chunks/two.js',
      '/_next/static/chunks/late.js',
    ]);
  });

  it('falls back to the first frame without paint timing, and loads at once in a background tab', () => {
    const noTiming = runLoader(rewritten, { paintTiming: false });
    expect(noTiming.appended).toEqual([]);
    noTiming.frame();
    expect(noTiming.appended).toHaveLength(4);
    expect(runLoader(rewritten, { hidden: true }).appended).toHaveLength(4);
  });

  it('leaves one inline script, the same on every page, so the CSP can allow it by its hash', () => {
    const other = deferHydration(page.replace(/one\.js/g, 'three.js').replace('1:[', '2:[')).html;
    const inlineScripts = (html: string) =>
      [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>(.*?)<\/script>/gs)]
        .filter(([, attributes]) => !attributes!.includes('type="application/json"'))
        .map(([, , body]) => body);
    expect(inlineScripts(rewritten)).toEqual([firstPaintLoaderScript]);
    expect(inlineScripts(other)).toEqual([firstPaintLoaderScript]);
    expect(other).toContain('/_next/static/chunks/three.js');
  });

  it('leaves a rewritten page, and a page without framework scripts, unchanged', () => {
    expect(deferHydration(rewritten)).toEqual({ html: rewritten, payload: null });
    const plain = '<html><head><title>x</title></head><body></body></html>';
    expect(deferHydration(plain)).toEqual({ html: plain, payload: null });
  });
});
