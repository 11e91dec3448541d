// Once per integration run: on a server database, drop everything so the migrations are applied to
// an empty schema; for the @vercel/postgres driver, start the WebSocket proxy it connects through.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { getDatabaseConfig, parseEnv } from '@/lib/env';
import { startWsProxy } from './ws-proxy';

async function resetSchema(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(
      'DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;',
    );
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const config = getDatabaseConfig(parseEnv());
  if (config.driver === 'pglite') return;
  await resetSchema(config.connectionString);
  if (config.driver !== 'vercel') return;
  const url = new URL(config.connectionString);
  const proxy = await startWsProxy({ host: '127.0.0.1', port: Number(url.port || 5432) });
  project.provide('wsProxyPort', proxy.port);
  return () => proxy.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    wsProxyPort: number;
  }
}
