import { execFileSync } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabaseHandle, openDatabase } from '@/db/client';
import { authThrottles } from '@/db/schema';
import { signInLimits, ThrottledError } from '@/lib/dal/throttle';
import { setPasswordAsOperator, verifyCredentials } from '@/lib/dal/users';
import { getDatabaseConfig, parseEnv } from '@/lib/env';
import { createTestUser } from '../support/factories';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

let ipSequence = 0;
const freshIp = () => `198.51.100.${(ipSequence += 1)}`;

describe('sign-in throttling', () => {
  it('refuses the 11th attempt for an e-mail and IP even with the right password, but not from another IP', async () => {
    const user = await createTestUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < signInLimits.pairFailures; attempt += 1) {
      await expect(
        verifyCredentials({ email: user.email, password: 'wrong password' }, { ip }),
      ).resolves.toBeNull();
    }
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).rejects.toBeInstanceOf(ThrottledError);
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).rejects.toThrow(/Too many failed sign-in attempts. Wait 15 minutes/);
    // The real user, elsewhere, is not locked out.
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip: freshIp() }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });

  it('forgets failures after a successful sign-in', async () => {
    const user = await createTestUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < signInLimits.pairFailures - 1; attempt += 1) {
      await verifyCredentials({ email: user.email, password: 'wrong password' }, { ip });
    }
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).resolves.not.toBeNull();
    await verifyCredentials({ email: user.email, password: 'wrong password' }, { ip });
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).resolves.not.toBeNull();
  });

  it('counts unknown e-mails like wrong passwords, and counts concurrent failures exactly', async () => {
    const ip = freshIp();
    const email = `nobody-${Date.now()}@example.test`;
    await Promise.all(
      Array.from({ length: signInLimits.pairFailures }, () =>
        verifyCredentials({ email, password: 'guess' }, { ip }),
      ),
    );
    await expect(verifyCredentials({ email, password: 'guess' }, { ip })).rejects.toBeInstanceOf(
      ThrottledError,
    );
  });

  it('refuses an IP after 100 failures in a day, whatever the e-mail', async () => {
    const ip = freshIp();
    const handle = await getDatabaseHandle();
    const day = new Date().toISOString().slice(0, 10);
    await handle.db.insert(authThrottles).values({
      key: `sign-in-ip:${ip}:${day}`,
      count: signInLimits.ipFailuresPerDay,
      expiresAt: sql`now() + interval '1 hour'`,
    });
    const user = await createTestUser();
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip }),
    ).rejects.toBeInstanceOf(ThrottledError);
  });

  it('slows an account down after 20 failures from any number of addresses, but not its owner', async () => {
    const user = await createTestUser();
    // A botnet: every guess from a new address, so no pair or IP limit is ever reached.
    for (let attempt = 0; attempt < signInLimits.accountFailures; attempt += 1) {
      await expect(
        verifyCredentials({ email: user.email, password: `guess ${attempt}` }, { ip: freshIp() }),
      ).resolves.toBeNull();
    }
    const refused = await verifyCredentials(
      { email: user.email, password: user.password },
      { ip: freshIp() },
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ThrottledError);
    expect(refused).toMatchObject({ scope: 'account' });
    expect((refused as ThrottledError).message).toMatch(/protected for a while. Wait \d+ second/);

    // The owner's browser, which signed in before, is exempt; its success clears the count.
    await expect(
      verifyCredentials(
        { email: user.email, password: user.password },
        { ip: freshIp(), isTrustedDevice: (email) => email === user.email },
      ),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      verifyCredentials({ email: user.email, password: user.password }, { ip: freshIp() }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it('never makes an account wait more than 15 minutes, and a new password clears the wait', async () => {
    const user = await createTestUser();
    const handle = await getDatabaseHandle();
    // Long after the threshold: 2^40 seconds would be 35,000 years.
    await handle.db.insert(authThrottles).values({
      key: `sign-in-account:${user.email}`,
      count: signInLimits.accountFailures + 40,
      expiresAt: sql`now() + interval '1 day'`,
    });
    await verifyCredentials({ email: user.email, password: 'one more guess' }, { ip: freshIp() });
    const [row] = await handle.db
      .select({ blockedUntil: authThrottles.blockedUntil })
      .from(authThrottles)
      .where(eq(authThrottles.key, `sign-in-account:${user.email}`));
    const waitSeconds = (row!.blockedUntil!.getTime() - Date.now()) / 1000;
    expect(waitSeconds).toBeGreaterThan(signInLimits.accountMaxDelaySeconds - 60);
    expect(waitSeconds).toBeLessThanOrEqual(signInLimits.accountMaxDelaySeconds + 1);

    await setPasswordAsOperator({ email: user.email, password: 'a brand new passphrase' });
    await expect(
      verifyCredentials(
        { email: user.email, password: 'a brand new passphrase' },
        { ip: freshIp() },
      ),
    ).resolves.toMatchObject({ id: user.id });
  });

  it.skipIf(getDatabaseConfig(parseEnv()).driver !== 'pg')(
    'is shared with a second process: it refuses the blocked pair, and allows another IP',
    async () => {
      const user = await createTestUser();
      const ip = freshIp();
      for (let attempt = 0; attempt < signInLimits.pairFailures; attempt += 1) {
        await verifyCredentials({ email: user.email, password: 'wrong password' }, { ip });
      }
      const probe = (probeIp: string) =>
        execFileSync(
          'npx',
          [
            'tsx',
            '--conditions=react-server',
            'tests/support/throttle-probe.ts',
            user.email,
            probeIp,
          ],
          { encoding: 'utf8', env: process.env },
        ).trim();
      expect(probe(ip)).toBe('blocked');
      expect(probe(freshIp())).toBe('allowed');
    },
    60_000,
  );

  it.skipIf(getDatabaseConfig(parseEnv()).driver === 'pglite')(
    'is shared by every process that uses the database (a second connection pool sees the block)',
    async () => {
      const user = await createTestUser();
      const ip = freshIp();
      for (let attempt = 0; attempt < signInLimits.pairFailures; attempt += 1) {
        await verifyCredentials({ email: user.email, password: 'wrong password' }, { ip });
      }
      const other = await openDatabase(getDatabaseConfig(parseEnv()));
      try {
        const result = await other.db.execute(
          sql`select blocked_until > now() as blocked from auth_throttles where key = ${`sign-in:${user.email}:${ip}`}`,
        );
        expect((result as unknown as { rows: { blocked: boolean }[] }).rows[0]?.blocked).toBe(true);
      } finally {
        await other.close();
      }
    },
  );
});
