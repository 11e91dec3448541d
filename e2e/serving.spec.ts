import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;

test('prerendered lessons are served precompressed, with the security headers, and revalidate with 304', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const brotli = await request.get(lesson.href, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(brotli.status()).toBe(200);
  const headers = brotli.headers();
  expect(headers['content-encoding']).toBe('br');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  expect(headers['vary']).toContain('Accept-Encoding');
  // Playwright decodes the body: it is the lesson's HTML.
  expect(await brotli.text()).toContain(`<h1`);
  expect(await brotli.text()).toContain(lesson.title.replace(/&/g, '&amp;').split(' ')[0]!);

  const gzip = await request.get(lesson.href, { headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers()['content-encoding']).toBe('gzip');
  expect(gzip.headers()['etag']).toBe(headers['etag']);

  const notModified = await request.get(lesson.href, {
    headers: { 'accept-encoding': 'br', 'if-none-match': headers['etag']! },
  });
  expect(notModified.status()).toBe(304);

  // Client navigations and URLs with a query string are Next.js's, as before.
  const withQuery = await request.get(`${lesson.href}?from=search`, {
    headers: { 'accept-encoding': 'br, gzip' },
  });
  expect(withQuery.status()).toBe(200);
  expect(withQuery.headers()['content-encoding']).not.toBe('br');
  await request.dispose();
});

test("the search dialog's index and lesson texts are served precompressed, and revalidate with 304", async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  for (const url of ['/search/index.json', `/search/text/${lesson.id}`]) {
    const brotli = await request.get(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.status()).toBe(200);
    const headers = brotli.headers();
    expect(headers['content-encoding']).toBe('br');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['vary']).toContain('Accept-Encoding');
    expect(headers['x-nextjs-prerender']).toBeUndefined();
    // Playwright decodes the body.
    expect(await brotli.json()).toBeTruthy();

    const gzip = await request.get(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    expect(gzip.headers()['etag']).toBe(headers['etag']);
    const notModified = await request.get(url, {
      headers: { 'accept-encoding': 'br', 'if-none-match': headers['etag']! },
    });
    expect(notModified.status()).toBe(304);
  }
  const text = (await (await request.get(`/search/text/${lesson.id}`)).json()) as string[];
  expect(text[0]).toContain(lesson.summary.replace(/`/g, '').split(' ').slice(0, 3).join(' '));
  expect((await request.get('/search/text/no-such-module/no-such-lesson')).status()).toBe(404);
  await request.dispose();
});

test('a lesson paints before its scripts are requested, then hydrates', async ({ page }) => {
  await page.goto(lesson.href);
  // Hydrated: the progress widget ran its server action and shows the sign-in link.
  await expect(page.getByRole('link', { name: 'Sign in to track your progress' })).toBeVisible();
  const timing = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/_next\/static\/.+\.js$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  expect(timing.paint).not.toBeNull();
  expect(timing.scripts.length).toBeGreaterThan(3);
  for (const start of timing.scripts) expect(start).toBeGreaterThanOrEqual(timing.paint!);
});
