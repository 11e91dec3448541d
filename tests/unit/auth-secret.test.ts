import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const originalCwd = process.cwd();
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'));
  process.chdir(dir);
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', '');
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('POSTGRES_URL', '');
});

afterEach(() => {
  process.chdir(originalCwd);
  vi.unstubAllEnvs();
  fs.rmSync(dir, { recursive: true, force: true });
});

const load = () => import('@/lib/auth/secret');

describe('the Auth.js secret', () => {
  it('uses AUTH_SECRET when it is set', async () => {
    vi.stubEnv('AUTH_SECRET', 'from-the-environment');
    expect((await load()).resolveAuthSecret()).toBe('from-the-environment');
  });

  it('generates one for local use, keeps it in .data and reuses it after a restart', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const first = (await load()).resolveAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(fs.readFileSync(path.join(dir, '.data', 'auth-secret'), 'utf8')).toBe(first);
    vi.resetModules();
    expect((await load()).resolveAuthSecret()).toBe(first);
  });

  it('refuses to invent one in production with a server database, saying what to do', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/app');
    const { resolveAuthSecret, MissingAuthSecretError } = await load();
    expect(() => resolveAuthSecret()).toThrow(MissingAuthSecretError);
    expect(() => resolveAuthSecret()).toThrow(/AUTH_SECRET is not set.*openssl rand/);
    expect(fs.existsSync(path.join(dir, '.data'))).toBe(false);
  });
});
