import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { loadScriptsAfterFirstPaint } from '@/scripts/lib/first-paint';

const page =
  '<!DOCTYPE html><html><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/late.js"/>' +
  '<script src="/_next/static/chunks/one.js" async=""></script>' +
  '<script src="/_next/static/chunks/two.js" async=""></script>' +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>' +
  '<title>Lesson</title></head><body><h1>Lesson</h1>' +
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script src="/_next/static/chunks/late.js" async=""></script></body></html>';

/** Runs the page's loader in a sandbox with a fake DOM; returns what it appended and a paint trigger. */
function runLoader(html: string, { paintTiming = true, hidden = false } = {}) {
  const loader = /<script>(\(function\(\)\{var s=.*?)<\/script><\/head>/.exec(html)?.[1];
  if (!loader) throw new Error('no loader in the page');
  const appended: string[] = [];
  let observer: ((list: { getEntriesByName(name: string): unknown[] }) => void) | undefined;
  let frame: (() => void) | undefined;
  const context = {
    document: {
      visibilityState: hidden ? 'hidden' : 'visible',
      createElement: () => ({ src: '', async: false }),
      head: { appendChild: (element: { src: string }) => appended.push(element.src) },
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

describe('loadScriptsAfterFirstPaint', () => {
  const rewritten = loadScriptsAfterFirstPaint(page);

  it('takes the async framework scripts and their preload out of the markup', () => {
    expect(rewritten).not.toMatch(/<script src="\/_next\/static\/chunks\/(one|two|late)\.js"/);
    expect(rewritten).not.toContain('rel="preload" as="script"');
    // The rest stays: stylesheet, legacy polyfills, React's inline payload, the content.
    expect(rewritten).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(rewritten).toContain('noModule=""');
    expect(rewritten).toContain('self.__next_f');
    expect(rewritten).toContain('<h1>Lesson</h1>');
  });

  it('requests every script once, in page order, only after the first contentful paint', () => {
    const browser = runLoader(rewritten);
    expect(browser.appended).toEqual([]);
    browser.paint('first-paint');
    expect(browser.appended).toEqual([]);
    browser.paint('first-contentful-paint');
    browser.paint('first-contentful-paint');
    expect(browser.appended).toEqual([
      '/_next/static/chunks/one.js',
      '/_next/static/chunks/two.js',
      '/_next/static/chunks/late.js',
    ]);
  });

  it('falls back to the first frame without paint timing, and loads at once in a background tab', () => {
    const noTiming = runLoader(rewritten, { paintTiming: false });
    expect(noTiming.appended).toEqual([]);
    noTiming.frame();
    expect(noTiming.appended).toHaveLength(3);
    expect(runLoader(rewritten, { hidden: true }).appended).toHaveLength(3);
  });

  it('leaves a rewritten page, and a page without framework scripts, unchanged', () => {
    expect(loadScriptsAfterFirstPaint(rewritten)).toBe(rewritten);
    const plain = '<html><head><title>x</title></head><body></body></html>';
    expect(loadScriptsAfterFirstPaint(plain)).toBe(plain);
  });
});
