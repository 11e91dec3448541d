// Applies the committed drizzle-kit migrations in db/migrations with the driver of the handle.
import path from 'node:path';
import type { DatabaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder };
  switch (handle.driver) {
    case 'pglite': {
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(handle.db as never, config);
      return;
    }
    case 'pg': {
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(handle.db as never, config);
      return;
    }
    case 'vercel': {
      const { migrate } = await import('drizzle-orm/vercel-postgres/migrator');
      await migrate(handle.db as never, config);
      return;
    }
  }
}
