// Before each integration file: open the database the environment selects (PGlite in memory by
// default, DATABASE_URL's server, or POSTGRES_URL through @vercel/postgres), apply the committed
// migrations, and make it the process's database for the data access layer.
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, openDatabase, setDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { getDatabaseConfig, parseEnv, type DatabaseConfig } from '@/lib/env';

export let testDatabase: DatabaseHandle;

async function configureNeon() {
  const { neonConfig } = await import('@neondatabase/serverless');
  const port = inject('wsProxyPort');
  neonConfig.wsProxy = (host, targetPort) => `127.0.0.1:${port}/v2?address=${host}:${targetPort}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineConnect = false;
  neonConfig.pipelineTLS = false;
}

beforeAll(async () => {
  let config: DatabaseConfig = getDatabaseConfig(parseEnv());
  if (config.driver === 'pglite') config = { driver: 'pglite', dataDir: 'memory://' };
  if (config.driver === 'vercel') await configureNeon();
  testDatabase = await openDatabase(config);
  await testDatabase.migrate();
  setDatabaseHandle(testDatabase);
});

afterAll(async () => {
  await closeDatabase();
});
