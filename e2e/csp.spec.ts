import crypto from 'node:crypto';
import fs from 'node:fs';
import type { APIResponse, Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;
const diagram = fs.readdirSync('public/diagrams').find((name) => name.endsWith('.svg'))!;

function scriptSources(policy: string | undefined): string[] {
  const directive = (policy ?? '')
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === 'script-src');
  return directive?.slice(1) ?? [];
}

function nonceOf(policy: string | undefined): string | undefined {
  return scriptSources(policy)
    .find((source) => source.startsWith("'nonce-"))
    ?.slice("'nonce-".length, -1);
}

/**
 * Every script element of the HTML the browser would run inline must be allowed by the policy:
 * by the hash of its text or by the policy's nonce. Returns those that are not.
 */
function inlineScriptsNotAllowed(html: string, policy: string): string[] {
  const sources = scriptSources(policy);
  const nonce = nonceOf(policy);
  return [...html.matchAll(/<script\b([^>]*)>(.*?)<\/script>/gs)]
    .filter(([, attributes]) => !/\bsrc=/.test(attributes!))
    .filter(([, attributes]) => !/\btype="application\/(?:json|ld\+json)"/.test(attributes!))
    .filter(([, attributes, body]) => {
      const hash = `'sha256-${crypto.createHash('sha256').update(body!).digest('base64')}'`;
      const nonced = nonce !== undefined && attributes!.includes(`nonce="${nonce}"`);
      return !nonced && !sources.includes(hash);
    })
    .map(([tag]) => tag.slice(0, 120));
}

function expectStrictPolicy(policy: string | undefined) {
  const sources = scriptSources(policy);
  expect(sources).toContain("'self'");
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
}

/** Collects the page's CSP violations, as events and as console errors, across navigations. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    violations.push(violation),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      ),
    );
  });
  return violations;
}

/** React has hydrated the page: the header's user menu renders, and the theme control works. */
async function expectHydrated(page: Page) {
  const banner = page.getByRole('banner');
  await expect(
    banner
      .getByRole('link', { name: 'Sign in' })
      .or(banner.getByRole('button', { name: /^Account menu for / })),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Colour theme').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
});

test('public pages run under a policy without unsafe-inline: no violation, and they hydrate', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const pages = [
    // Prerendered and served precompressed by the standalone entry: hashes only.
    { path: lesson.href, precompressed: true, status: 200 },
    { path: '/', precompressed: true, status: 200 },
    // The same prerendered lesson through Next.js and proxy.ts (a query string), the 404 page
    // (prerendered too) and the sign-in form (rendered per request): with a nonce.
    { path: `${lesson.href}?from=csp`, precompressed: false, status: 200 },
    { path: '/no-such-page', precompressed: false, status: 404 },
    { path: '/sign-in', precompressed: false, status: 200 },
  ];
  for (const { path, precompressed, status } of pages) {
    const response = (await page.goto(path))!;
    expect(response.status(), path).toBe(status);
    const headers = await response.allHeaders();
    const policy = headers['content-security-policy'];
    expectStrictPolicy(policy);
    if (precompressed) {
      expect(headers['content-encoding'], path).toBe('br');
      expect(nonceOf(policy), path).toBeUndefined();
    } else {
      expect(nonceOf(policy), path).toBeDefined();
    }
    expect(inlineScriptsNotAllowed(await response.text(), policy!), path).toEqual([]);
    await expectHydrated(page);
    expect(violations, path).toEqual([]);
  }
});

test('signed-in pages get a nonce, a new one per response, and hydrate without a violation', async ({
  page,
  auth,
  newUser,
}) => {
  const violations = await watchViolations(page);
  await auth.signUp(newUser);
  const dashboard = (await page.reload())!;
  expect(page.url()).toMatch(/\/dashboard$/);
  const policy = (await dashboard.allHeaders())['content-security-policy'];
  expectStrictPolicy(policy);
  expect(nonceOf(policy)).toBeDefined();
  expect(inlineScriptsNotAllowed(await dashboard.text(), policy!)).toEqual([]);
  await expectHydrated(page);

  const again = await page.request.get('/dashboard');
  const nonceAgain = nonceOf(again.headers()['content-security-policy']);
  expect(nonceAgain).toBeDefined();
  expect(nonceAgain).not.toBe(nonceOf(policy));
  // Next.js put the response's nonce on its scripts.
  expect(await again.text()).toContain(`nonce="${nonceAgain}"`);

  // The sign-in form works under the policy too.
  await auth.signOut();
  await auth.signIn(newUser);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectHydrated(page);
  expect(violations).toEqual([]);
});

test('the theme script runs before any other script under the policy, on a page rendered per request', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.route('**/_next/static/**/*.js', (route) => route.abort());
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(violations).toEqual([]);
});

test('an inline script injected into a page does not run, on a static or a dynamic page', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  for (const path of [lesson.href, '/sign-in']) {
    await page.unrouteAll();
    let nonce: string | undefined;
    await page.route(path, async (route) => {
      // The router's own requests for the page's data go through untouched.
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = response.headers();
      nonce = nonceOf(headers['content-security-policy']);
      // The body comes decoded: drop the encoding and the length of the original.
      delete headers['content-encoding'];
      delete headers['content-length'];
      const injected =
        '<script>window.__injected=1</script>' +
        (nonce ? `<script nonce="${nonce}">window.__withNonce=1</script>` : '');
      await route.fulfill({
        response,
        headers,
        body: (await response.text()).replace('</body>', `${injected}</body>`),
      });
    });
    await page.goto(path);
    await expectHydrated(page);
    expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBe(
      undefined,
    );
    // The browser reported the refused script...
    expect(
      violations.some((text) => text.includes('script-src')),
      path,
    ).toBe(true);
    // ...while a script with the response's nonce, as Next.js writes them, still runs.
    if (nonce)
      expect(await page.evaluate(() => (window as { __withNonce?: number }).__withNonce)).toBe(1);
    violations.length = 0;
  }
});

test('every response carries exactly one policy, whichever layer answers it', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto('/');
  // One of the scripts the page's loader added after the first paint.
  const chunk = (await page.locator('script[src^="/_next/static/"]').first().getAttribute('src'))!;
  const request = await playwright.request.newContext({ baseURL });
  const policies = async (response: APIResponse) =>
    response
      .headersArray()
      .filter(({ name }) => name.toLowerCase() === 'content-security-policy')
      .map(({ value }) => value);
  const cases: { path: string; headers?: Record<string, string>; nonce: boolean }[] = [
    { path: lesson.href, headers: { 'accept-encoding': 'br' }, nonce: false },
    { path: `${lesson.href}?from=csp`, nonce: true },
    { path: '/sign-in', nonce: true },
    { path: '/api/health', nonce: true },
    { path: `/diagrams/${diagram}`, nonce: false },
    { path: '/robots.txt', nonce: false },
    { path: chunk, nonce: false },
  ];
  for (const { path, headers, nonce } of cases) {
    const found = await policies(await request.get(path, { headers }));
    expect(found, path).toHaveLength(1);
    expectStrictPolicy(found[0]);
    expect(nonceOf(found[0]) !== undefined, path).toBe(nonce);
    expect(found[0], path).toContain("worker-src 'self'");
  }
  await request.dispose();
});
