// Opens the database this environment selects (PGlite, node-postgres or @vercel/postgres), lazily
// and once per process, so `next build` never touches it.
import 'server-only';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { getDatabaseConfig, type DatabaseConfig } from '@/lib/env';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseConfig['driver'];
  /**
   * Applies the committed drizzle-kit migrations (db/migrations) with this driver's migrator, then
   * the data steps that need the course content (db/data-migrations).
   */
  migrate: () => Promise<void>;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/** The SQL migrations, then the data steps in one transaction. */
function migrateWith(db: Database, applySql: () => Promise<void>) {
  return async () => {
    await applySql();
    const { applyDataMigrations } = await import('./data-migrations');
    await applyDataMigrations(db);
  };
}

async function onPoolError(error: Error) {
  const { errorFields, logger } = await import('@/lib/log');
  logger.warn(errorFields(error), 'idle database connection lost');
}

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  switch (config.driver) {
    case 'pglite': {
      const { PGlite } = await import('@electric-sql/pglite');
      const { drizzle } = await import('drizzle-orm/pglite');
      let release = () => {};
      if (!config.dataDir.startsWith('memory://')) {
        const { acquirePgliteLock } = await import('./pglite-lock');
        release = acquirePgliteLock(config.dataDir);
      }
      try {
        const client = await PGlite.create(config.dataDir);
        const db = drizzle({ client, schema });
        const { migrate } = await import('drizzle-orm/pglite/migrator');
        return {
          db: db as unknown as Database,
          driver: 'pglite',
          migrate: migrateWith(db as unknown as Database, () => migrate(db, { migrationsFolder })),
          close: async () => {
            await client.close();
            release();
          },
        };
      } catch (error) {
        release();
        throw error;
      }
    }
    case 'pg': {
      const { Pool } = await import('pg');
      const { drizzle } = await import('drizzle-orm/node-postgres');
      const pool = new Pool({
        connectionString: config.connectionString,
        max: config.poolMax,
        // Fail fast while the server is unreachable, rather than queueing requests for minutes.
        connectionTimeoutMillis: 5_000,
      });
      // An idle connection that the server drops (restart, failover) emits 'error' on the pool;
      // unhandled, that would end the process. The pool replaces it on the next query.
      pool.on('error', (error) => onPoolError(error));
      const db = drizzle({ client: pool, schema });
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      return {
        db: db as unknown as Database,
        driver: 'pg',
        migrate: migrateWith(db as unknown as Database, () => migrate(db, { migrationsFolder })),
        close: () => pool.end(),
      };
    }
    case 'vercel': {
      const { createPool } = await import('@vercel/postgres');
      const { drizzle } = await import('drizzle-orm/vercel-postgres');
      const pool = createPool({ connectionString: config.connectionString, max: config.poolMax });
      pool.on('error', (error) => onPoolError(error));
      const db = drizzle({ client: pool, schema });
      const { migrate } = await import('drizzle-orm/vercel-postgres/migrator');
      return {
        db: db as unknown as Database,
        driver: 'vercel',
        migrate: migrateWith(db as unknown as Database, () => migrate(db, { migrationsFolder })),
        close: () => pool.end(),
      };
    }
  }
}

// Next.js bundles route handlers, pages and instrumentation separately, so a module-level variable
// could exist several times in one process; two PGlite instances on one folder would corrupt it.
const globalKey = Symbol.for('backend-path.database');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDb;
  if (!store[globalKey]) {
    store[globalKey] = openDatabase(getDatabaseConfig()).catch((error: unknown) => {
      delete store[globalKey];
      throw error;
    });
  }
  return store[globalKey];
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

/** For tests and scripts: use this handle as the process's database. */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  (globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const store = globalThis as GlobalWithDb;
  const handle = store[globalKey];
  delete store[globalKey];
  if (handle) await (await handle).close();
}
