import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDatabaseHandle, openDatabase } from '@/db/client';
import { authThrottles } from '@/db/schema';
import { signInLimits, ThrottledError } from '@/lib/dal/throttle';
import { verifyCredentials } from '@/lib/dal/users';
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
