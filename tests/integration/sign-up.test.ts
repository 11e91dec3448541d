// Sign-up when the portal can send e-mail: the form must not reveal whether an address already
// has an account, and the account only exists once the e-mailed link is used.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signUpAction } from '@/app/(auth)/actions';
import { getDb } from '@/db/client';
import { pendingSignUps, users } from '@/db/schema';
import { confirmSignUp, isSignUpTokenUsable, signUpNeedsConfirmation } from '@/lib/dal/sign-up';
import { verifyCredentials } from '@/lib/dal/users';
import type { MailMessage } from '@/lib/mail';
import { createTestUser } from '../support/factories';

// Next.js's after(): the work it is given runs once the test asks (after the response).
const deferred = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (task: () => unknown) => {
    deferred.push(task);
  },
}));
const runDeferred = () => Promise.all(deferred.splice(0).map((task) => task()));

/** The action as a browser sees it, then the work it left for after the response. */
async function signUpAndSettle(
  ...args: Parameters<typeof signUpAction>
): ReturnType<typeof signUpAction> {
  const state = await signUpAction(...args);
  await runDeferred();
  return state;
}

const outbox: MailMessage[] = [];
vi.mock('@/lib/mail', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/mail')>()),
  sendMail: async (message: MailMessage) => {
    outbox.push(message);
  },
}));
vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);
let ipSequence = 0;
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ 'x-forwarded-for': `198.51.100.${(ipSequence += 1) % 250}`, host: 'bp.test' }),
}));

beforeEach(() => {
  outbox.length = 0;
  vi.stubEnv('SMTP_URL', 'smtp://mail.example.test:587');
  vi.stubEnv('APP_URL', 'https://backend-path.example');
});
afterEach(() => vi.unstubAllEnvs());

const uniqueEmail = () =>
  `signup-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const tokenFrom = (message: MailMessage | undefined) =>
  /\/confirm-sign-up\?token=([\w-]+)/.exec(message?.text ?? '')?.[1];

describe('sign-up with e-mail confirmation', () => {
  it('is on exactly when SMTP_URL is set', () => {
    expect(signUpNeedsConfirmation()).toBe(true);
    vi.stubEnv('SMTP_URL', '');
    expect(signUpNeedsConfirmation()).toBe(false);
  });

  it('answers a taken and a new address the same way, and creates no account yet', async () => {
    const existing = await createTestUser();
    const fresh = uniqueEmail();
    const password = 'a brand new passphrase';
    const forTaken = await signUpAction(
      { status: 'idle' },
      form({ name: 'Someone', email: existing.email, password }),
    );
    const forNew = await signUpAction(
      { status: 'idle' },
      form({ name: 'Someone', email: fresh, password }),
    );
    // Both answers came before any lookup, hash or e-mail: those run after the response.
    expect(deferred).toHaveLength(2);
    expect(outbox).toEqual([]);
    await runDeferred();
    expect(forTaken.status).toBe('sent');
    const strip = (state: typeof forNew, email: string) =>
      JSON.stringify(state).replaceAll(email, '<email>');
    expect(strip(forTaken, existing.email)).toBe(strip(forNew, fresh));

    // One e-mail each: a link for the new address, a "you already have an account" note for the other.
    // The two deferred tasks run concurrently, so the outbox order is not part of the contract.
    expect(outbox.map((message) => message.to).sort()).toEqual([existing.email, fresh].sort());
    const toExisting = outbox.find((message) => message.to === existing.email);
    const toFresh = outbox.find((message) => message.to === fresh);
    expect(tokenFrom(toExisting)).toBeUndefined();
    expect(toExisting?.text).toContain('already has an account');
    expect(tokenFrom(toFresh)).toMatch(/^[\w-]{40,}$/);

    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, fresh))).toHaveLength(0);
    // The existing account is untouched: its password still works, the new one does not.
    expect(
      await verifyCredentials(
        { email: existing.email, password: existing.password },
        { ip: '192.0.2.201' },
      ),
    ).not.toBeNull();
  });

  it('creates the account from the link once, with the password chosen at sign-up', async () => {
    const email = uniqueEmail();
    const password = 'ünïcode passphrase 🚀 ok';
    await signUpAndSettle({ status: 'idle' }, form({ name: 'Link Learner', email, password }));
    const token = tokenFrom(outbox.at(-1))!;
    const db = await getDb();
    const [pending] = await db.select().from(pendingSignUps).where(eq(pendingSignUps.email, email));
    expect(pending?.tokenHash).not.toBe(token);
    expect(pending?.passwordHash).toMatch(/^\$argon2id\$/);

    expect(await isSignUpTokenUsable(token)).toBe(true);
    const results = await Promise.allSettled([confirmSignUp({ token }), confirmSignUp({ token })]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await isSignUpTokenUsable(token)).toBe(false);
    await expect(confirmSignUp({ token })).rejects.toMatchObject({ code: 'invalid' });

    const created = await db.select().from(users).where(eq(users.email, email));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ name: 'Link Learner', role: 'learner' });
    expect(await verifyCredentials({ email, password }, { ip: '192.0.2.202' })).toMatchObject({
      email,
    });
  });

  it('replaces an earlier pending sign-up: only the newest link works', async () => {
    const email = uniqueEmail();
    const fields = { name: 'Twice', email, password: 'first long passphrase' };
    await signUpAndSettle({ status: 'idle' }, form(fields));
    const first = tokenFrom(outbox.at(-1))!;
    await signUpAndSettle(
      { status: 'idle' },
      form({ ...fields, password: 'second long passphrase' }),
    );
    const second = tokenFrom(outbox.at(-1))!;
    const db = await getDb();
    expect(
      await db.select().from(pendingSignUps).where(eq(pendingSignUps.email, email)),
    ).toHaveLength(1);
    await expect(confirmSignUp({ token: first })).rejects.toMatchObject({ code: 'invalid' });
    await confirmSignUp({ token: second });
    expect(
      await verifyCredentials({ email, password: 'second long passphrase' }, { ip: '192.0.2.203' }),
    ).not.toBeNull();
  });

  it('refuses an expired link and keeps the pending row until it is replaced', async () => {
    const email = uniqueEmail();
    await signUpAndSettle(
      { status: 'idle' },
      form({ name: 'Late', email, password: 'a slow passphrase' }),
    );
    const token = tokenFrom(outbox.at(-1))!;
    const db = await getDb();
    await db
      .update(pendingSignUps)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingSignUps.email, email));
    expect(await isSignUpTokenUsable(token)).toBe(false);
    await expect(confirmSignUp({ token })).rejects.toMatchObject({ code: 'invalid' });
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('still validates the form first: a weak password gets a field error and no e-mail', async () => {
    const result = await signUpAndSettle(
      { status: 'idle' },
      form({ name: 'Weak', email: uniqueEmail(), password: 'password1' }),
    );
    expect(result).toMatchObject({ status: 'invalid' });
    expect(outbox).toHaveLength(0);
  });
});
