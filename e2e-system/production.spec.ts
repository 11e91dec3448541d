// A production install on the embedded database, as a new operator runs it (`node start.mjs`
// from the standalone build, PGlite in a folder of its own): what it refuses to do, and what a
// client can and cannot make it believe. No Postgres server needed; these always run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { hash } from '@node-rs/argon2';
import { expect, test, type Page } from '@playwright/test';
import { demoAccounts } from '../db/demo-accounts';
import { passwordHashOptions } from '../lib/auth/password-hash-options';
import {
  signIn as signInOverHttp,
  spawnServer,
  startServer,
  type RunningServer,
} from '../scripts/lib/standalone';
import { startFakeSmtp } from './support/fake-smtp';

test.describe.configure({ mode: 'serial' });

const running: RunningServer[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop('SIGTERM')));
});

const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-production-'));
const start = async (...args: Parameters<typeof startServer>) => {
  const server = await startServer(...args);
  running.push(server);
  return server;
};

/** An operator CLI against the folder, as `npm run <script>` (the server must be stopped). */
function cli(pgliteDir: string, args: string[], input = '') {
  return execFileSync('npm', ['run', '--silent', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '', POSTGRES_URL: '' },
  });
}

/** Signs in through Auth.js's own endpoint, claiming an address only where a header says so. */
const signIn = async (
  baseUrl: string,
  credentials: { email: string; password: string },
  headers: Record<string, string> = {},
) => {
  const { cookie, location } = await signInOverHttp(
    baseUrl,
    credentials,
    headers['x-forwarded-for'] ?? '192.0.2.1',
    headers,
  );
  return { cookie, location: location ?? '' };
};

const admin = demoAccounts.find((account) => account.role === 'admin')!;

test('refuses to start without APP_URL, and never listens', async () => {
  const server = spawnServer(4401, { pgliteDir: freshDir() }, { APP_URL: '' });
  expect(await server.exited).toBe(1);
  expect(server.logs.join('')).toContain('APP_URL is not set');
  await expect(fetch('http://127.0.0.1:4401/api/health')).rejects.toThrow();
});

test('creates no demo account, and a forged X-Forwarded-For or client-address header changes no limit', async () => {
  const dir = freshDir();
  const server = await start(4402, { pgliteDir: dir }, { TRUSTED_PROXIES: '' });
  expect((await signIn(server.url, admin)).cookie).toBeNull();
  await server.stop();
  running.length = 0;

  cli(dir, ['user:create', '--', 'victim@example.test', 'learner'], 'the victim passphrase');
  const again = await start(4402, { pgliteDir: dir }, { TRUSTED_PROXIES: '' });
  const victim = { email: 'victim@example.test', password: 'the victim passphrase' };
  // 25 guesses, each claiming another address in both headers a client could try.
  const answers: string[] = [];
  for (let guess = 1; guess <= 25; guess += 1) {
    const forged = `198.51.100.${guess}`;
    const { location } = await signIn(
      again.url,
      { email: victim.email, password: `guess ${guess}` },
      { 'x-forwarded-for': forged, 'x-backend-path-client-ip': forged, 'x-real-ip': forged },
    );
    answers.push(location);
  }
  // They all came from one socket address: the first ten are wrong passwords, then refused.
  expect(answers.slice(0, 10).every((location) => !location.includes('rate_limited'))).toBe(true);
  expect(answers.slice(10).every((location) => location.includes('code=rate_limited'))).toBe(true);
  const right = await signIn(again.url, victim, { 'x-forwarded-for': '203.0.113.77' });
  expect(right.cookie).toBeNull();
  expect(right.location).toContain('code=rate_limited');
});

test('refuses to start while an account has a published demo password, until the operator changes it', async () => {
  const dir = freshDir();
  cli(dir, ['db:migrate']);
  const db = new PGlite(dir);
  await db.query(
    'insert into users (id, name, email, role, password_hash) values ($1, $2, $3, $4, $5)',
    [
      crypto.randomUUID(),
      admin.name,
      admin.email,
      admin.role,
      await hash(admin.password, passwordHashOptions),
    ],
  );
  await db.close();

  const refused = spawnServer(4403, { pgliteDir: dir });
  expect(await refused.exited).toBe(1);
  const said = refused.logs.join('');
  expect(said).toContain(`still have the demo password published in the README: ${admin.email}`);
  expect(said).toContain('npm run user:password');

  expect(cli(dir, ['user:password', '--', admin.email], 'a private admin passphrase')).toContain(
    `New password set for ${admin.email}`,
  );
  const server = await start(4403, { pgliteDir: dir });
  expect((await signIn(server.url, admin)).cookie).toBeNull();
  expect(
    (await signIn(server.url, { email: admin.email, password: 'a private admin passphrase' }))
      .cookie,
  ).not.toBeNull();
});

test('SEED_DEMO_ACCOUNTS creates the demo accounts with random passwords, shown once', async () => {
  const dir = freshDir();
  const server = await start(4404, { pgliteDir: dir }, { SEED_DEMO_ACCOUNTS: '1' });
  const printed = server.logs.join('');
  expect(printed).toContain('Their passwords are shown this once');
  const password = new RegExp(`${admin.email}  /  (\\S+)`).exec(printed)?.[1];
  expect(password).toMatch(/^[\w-]{24}$/);
  expect(
    (await signIn(server.url, { email: admin.email, password: password! })).cookie,
  ).not.toBeNull();
  expect((await signIn(server.url, admin)).cookie).toBeNull();
  await server.stop();
  running.length = 0;
  const again = await start(4404, { pgliteDir: dir }, { SEED_DEMO_ACCOUNTS: '1' });
  expect(again.logs.join('')).not.toContain('shown this once');
});

async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an account attacked from many addresses slows down, except in a browser its owner used before', async ({
  browser,
}) => {
  const dir = freshDir();
  cli(dir, ['db:migrate']);
  cli(
    dir,
    ['user:create', '--', 'owner@example.test', 'learner', 'Olive Owner'],
    'owner passphrase 1',
  );
  const server = await start(4405, { pgliteDir: dir }, { TRUSTED_PROXIES: '127.0.0.1' });
  const owners = await browser.newContext();
  const ownerPage = await owners.newPage();
  await signInThroughForm(ownerPage, server.url, 'owner@example.test', 'owner passphrase 1');
  await expect(ownerPage).toHaveURL(/\/dashboard$/);
  await ownerPage
    .getByRole('banner')
    .getByRole('button', { name: /^Account menu for / })
    .click();
  await ownerPage.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(ownerPage.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  // A botnet: wrong guesses, each from another address (the trusted proxy says so). From the
  // 20th on, each failure makes the account wait twice as long (1 s, 2 s, 4 s...); guesses
  // during a wait are refused unchecked. 25 counted failures leave a wait of 32 s.
  let counted = 0;
  for (let guess = 1; counted < 25; guess += 1) {
    const { location } = await signIn(
      server.url,
      { email: 'owner@example.test', password: `botnet guess ${guess}` },
      { 'x-forwarded-for': `203.0.${Math.floor(guess / 250)}.${guess % 250}` },
    );
    if (location.includes('code=account_protected')) {
      expect(counted).toBeGreaterThanOrEqual(20);
      await new Promise((resolve) => setTimeout(resolve, 250));
    } else {
      counted += 1;
    }
  }
  // A browser that never signed in to the account (the next bot, or the owner on a new device).
  const strangers = await browser.newContext({
    extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.50' },
  });
  const strangerPage = await strangers.newPage();
  await signInThroughForm(strangerPage, server.url, 'owner@example.test', 'owner passphrase 1');
  await expect(strangerPage.getByTestId('form-error')).toContainText(
    'many failed sign-in attempts from elsewhere',
  );

  // The owner's own browser signs in at once.
  await signInThroughForm(ownerPage, server.url, 'owner@example.test', 'owner passphrase 1');
  await expect(ownerPage).toHaveURL(/\/dashboard$/);
  await owners.close();
  await strangers.close();
});

test('a reset request takes as long for a known address as for an unknown one, and its e-mail links to APP_URL', async ({
  page,
}) => {
  // A mail server that takes 300 ms per message, like a remote one: sending inline would show.
  const smtp = await startFakeSmtp({ delayMs: 300 });
  const dir = freshDir();
  cli(dir, ['db:migrate']);
  cli(
    dir,
    ['user:create', '--', 'known@example.test', 'learner', 'Kim Known'],
    'known passphrase 1',
  );
  const server = await start(
    4406,
    { pgliteDir: dir },
    { TRUSTED_PROXIES: '127.0.0.1', SMTP_URL: smtp.url },
  );
  const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
  await page.goto(`${server.url}/forgot-password`);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  for (let round = 0; round < 16; round += 1) {
    const kind = round % 2 === 0 ? 'known' : 'unknown';
    // A new address each time (the limit is 5 an hour per address).
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${100 + round}` });
    await page.goto(`${server.url}/forgot-password`);
    await page
      .getByLabel('Email')
      .fill(kind === 'known' ? 'known@example.test' : `nobody-${round}@example.test`);
    const started = Date.now();
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByText('If an account uses that e-mail address')).toBeVisible();
    timings[kind].push(Date.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  // Sent inline, every known-address answer would wait for the 300 ms mail server.
  expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(150);

  await expect.poll(() => smtp.received.length).toBe(8);
  expect(smtp.received.every((mail) => mail.to.join() === 'known@example.test')).toBe(true);
  // Long lines arrive quoted-printable: join soft line breaks and decode "=3D".
  const bodies = smtp.received.map((mail) => mail.data.replace(/=\n/g, '').replace(/=3D/g, '='));
  const links = bodies.map((body) => /https?:\/\/\S+reset-password\?token=[\w-]+/.exec(body)?.[0]);
  expect(links.every((link) => link?.startsWith(`${server.url}/reset-password?token=`))).toBe(true);
  await smtp.close();
});
