import { demoAccounts } from '../db/demo-accounts';
import { expect, test } from './fixtures';

const learner = demoAccounts[0];

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
