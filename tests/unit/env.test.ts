import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDatabaseConfig, parseEnv } from '@/lib/env';

const config = (env: Record<string, string>) => getDatabaseConfig(parseEnv(env));

describe('database selection', () => {
  it('uses the embedded database in .data/pglite when nothing is configured', () => {
    expect(config({})).toEqual({ driver: 'pglite', dataDir: path.resolve('.data/pglite') });
    expect(config({ PGLITE_DIR: '/tmp/x' })).toEqual({ driver: 'pglite', dataDir: '/tmp/x' });
    expect(config({ PGLITE_DIR: 'memory://' })).toEqual({ driver: 'pglite', dataDir: 'memory://' });
  });

  it('uses node-postgres for DATABASE_URL and @vercel/postgres for POSTGRES_URL on Vercel', () => {
    expect(config({ DATABASE_URL: 'postgres://u@db/app' })).toMatchObject({
      driver: 'pg',
      poolMax: 10,
    });
    expect(config({ DATABASE_URL: 'postgres://u@db/app', DATABASE_POOL_MAX: '3' })).toMatchObject({
      poolMax: 3,
    });
    expect(
      config({
        POSTGRES_URL: 'postgres://u@neon/app',
        DATABASE_URL: 'postgres://u@db/app',
        VERCEL: '1',
      }),
    ).toMatchObject({
      driver: 'vercel',
      connectionString: 'postgres://u@neon/app',
    });
    expect(
      config({ POSTGRES_URL: 'postgres://u@neon/app', DATABASE_URL: 'postgres://u@db/app' }),
    ).toMatchObject({ driver: 'pg' });
  });

  it('treats empty variables as unset and rejects malformed ones clearly', () => {
    expect(config({ DATABASE_URL: '' }).driver).toBe('pglite');
    expect(() => parseEnv({ DATABASE_URL: 'not a url' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
  });
});
