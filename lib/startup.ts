// What the server does once when it starts (called from instrumentation.ts): check the secret,
// and on the embedded database apply migrations and seed the demo accounts.
import { getDatabaseHandle } from '@/db/client';
import { demoAccounts, seedDemoAccounts } from '@/db/seed';
import { MissingAuthSecretError, resolveAuthSecret } from '@/lib/auth/secret';
import { getDatabaseConfig, parseEnv } from '@/lib/env';
import { errorFields, logger } from '@/lib/log';
import { installShutdownHandlers } from '@/lib/shutdown';

export async function prepareServer(): Promise<void> {
  const env = parseEnv();
  installShutdownHandlers();
  // Build the search index in the background so the first search does not pay for it.
  setTimeout(() => {
    import('@/lib/content/search')
      .then(({ getSearchIndex }) => getSearchIndex())
      .catch((error: unknown) => logger.error(errorFields(error), 'search index failed'));
  }, 0);
  try {
    resolveAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError) {
      logger.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }

  const config = getDatabaseConfig(env);
  // Server databases are migrated by `npm run db:migrate` (once per deploy, not per instance);
  // in development we apply pending migrations for convenience.
  if (config.driver !== 'pglite' && env.NODE_ENV !== 'development') return;

  const handle = await getDatabaseHandle();
  await handle.migrate();
  if (config.driver !== 'pglite') return;
  const created = await seedDemoAccounts(handle);
  const lines = demoAccounts.map(
    (account) => `  ${account.role.padEnd(10)} ${account.email}  /  ${account.password}`,
  );
  console.log(
    `\n[backend-path] Embedded database at ${config.dataDir}${created > 0 ? ' (demo accounts created)' : ''}.\n` +
      `Demo accounts (local only):\n${lines.join('\n')}\n`,
  );
}
