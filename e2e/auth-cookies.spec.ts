import { e2eAccount } from './accounts';
import { expect, test } from './fixtures';

const learner = e2eAccount('learner');

/** Signs the demo learner in through Auth.js's own endpoints, as a client behind `proto`. */
async function signInOverHttp(
  request: import('@playwright/test').APIRequestContext,
  proto: 'http' | 'https',
) {
  const forwarded = { 'x-forwarded-proto': proto, 'x-forwarded-host': '127.0.0.1' };
  const csrf = await request.get('/api/auth/csrf', { headers: forwarded });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    headers: forwarded,
    form: { csrfToken, email: learner.email, password: learner.password },
    maxRedirects: 0,
  });
  return {
    csrfCookie: csrf.headersArray().find((header) => /csrf-token=/.test(header.value))?.value ?? '',
    sessionCookie:
      response.headersArray().find((header) => /session-token=/.test(header.value))?.value ?? '',
  };
}

test('behind HTTPS the session cookie is __Secure-, Secure, HttpOnly and SameSite=Lax', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const { csrfCookie, sessionCookie } = await signInOverHttp(request, 'https');
  expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
  expect(sessionCookie).toMatch(/^__Secure-authjs\.session-token=/);
  expect(sessionCookie).toMatch(/;\s*Secure/i);
  expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
  expect(sessionCookie).toMatch(/;\s*SameSite=Lax/i);
  await request.dispose();
});

test('over plain HTTP in local use the cookie has no prefix but stays HttpOnly and SameSite=Lax', async ({
  playwright,
  baseURL,
}) => {
  const request = await playwright.request.newContext({ baseURL });
  const { sessionCookie } = await signInOverHttp(request, 'http');
  expect(sessionCookie).toMatch(/^authjs\.session-token=/);
  expect(sessionCookie).not.toMatch(/;\s*Secure/i);
  expect(sessionCookie).toMatch(/;\s*HttpOnly/i);
  expect(sessionCookie).toMatch(/;\s*SameSite=Lax/i);
  await request.dispose();
});

test('the auth endpoints refuse a POST from a foreign Origin', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const foreign = await request.post('/api/auth/callback/credentials', {
    headers: { origin: 'https://attacker.example' },
    form: { csrfToken, email: learner.email, password: learner.password },
    maxRedirects: 0,
  });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()['set-cookie'] ?? '').not.toMatch(/session-token=/);
  const sameOrigin = await request.post('/api/auth/callback/credentials', {
    headers: { origin: new URL(baseURL!).origin },
    form: { csrfToken, email: learner.email, password: learner.password },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBe(302);
  expect(sameOrigin.headers()['set-cookie'] ?? '').toMatch(/authjs\.session-token=/);
  await request.dispose();
});

test("Auth.js's session endpoint gives an ended session nothing, and no new cookie", async ({
  page,
  auth,
  newUser,
  playwright,
  baseURL,
}) => {
  await auth.signUp(newUser);
  const old = (await page.context().cookies()).find(
    (cookie) => cookie.name === 'authjs.session-token',
  )!;
  const request = await playwright.request.newContext({ baseURL });
  const session = () =>
    request.get('/api/auth/session', {
      headers: { cookie: `authjs.session-token=${old.value}` },
    });
  const before = await session();
  expect(await before.json()).toMatchObject({ user: { email: newUser.email } });

  // A password change ends every session that began before it (this browser signs in again).
  await page.goto('/account');
  await page.getByLabel('Current password').fill(newUser.password);
  await page.getByLabel('New password').fill(`${newUser.password} changed`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();

  const after = await session();
  expect(await after.json()).toBeNull();
  // If the response sets the cookie at all, it is to delete it, never to renew the session.
  for (const header of after.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')) {
    if (!header.value.startsWith('authjs.session-token=')) continue;
    expect(header.value).toMatch(/^authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  }
  // The browser's new session is unaffected.
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();
  await request.dispose();
});
