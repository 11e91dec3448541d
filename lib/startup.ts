// What the server does once, before it serves anyone: check the configuration production needs,
// apply migrations where that is the server's job, and deal with the demo accounts. The
// standalone server's front layer (scripts/front-server) runs it before it listens, so a
// misconfigured production server never accepts a connection; `next dev` and Vercel run it from
// instrumentation.ts.
import { closeDatabase, getDatabaseHandle } from '@/db/client';
import {
  demoAccounts,
  findAccountsWithDemoPasswords,
  randomPassword,
  seedDemoAccounts,
} from '@/db/seed';
import { MissingAuthSecretError, resolveAuthSecret } from '@/lib/auth/secret';
import { getDatabaseConfig, parseEnv, type Env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors';
import { errorFields, logger } from '@/lib/log';
import { getConfiguredPublicUrl, missingAppUrlMessage } from '@/lib/public-url';

/** A reason not to start, said plainly to whoever runs the server. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

const doneKey = Symbol.for('backend-path.preflight');
type GlobalWithPreflight = typeof globalThis & { [doneKey]?: Promise<void> };

/** Configuration that production cannot run without; throws StartupError. */
export function checkConfiguration(env: Env = parseEnv()): void {
  if (env.NODE_ENV === 'production' && !getConfiguredPublicUrl(env))
    throw new StartupError(missingAppUrlMessage);
  try {
    resolveAuthSecret();
  } catch (error) {
    if (error instanceof MissingAuthSecretError) throw new StartupError(error.message);
    throw error;
  }
}

function printAccounts(
  heading: string,
  accounts: { email: string; role: string; password: string }[],
) {
  const lines = accounts.map(
    (account) => `  ${account.role.padEnd(10)} ${account.email}  /  ${account.password}`,
  );
  console.log(`\n[backend-path] ${heading}\n${lines.join('\n')}\n`);
}

async function prepareDatabase(env: Env): Promise<void> {
  const config = getDatabaseConfig(env);
  const development = env.NODE_ENV === 'development';
  // Server databases are migrated by `npm run db:migrate` (once per deploy, not per instance);
  // the embedded one belongs to this process, and `next dev` migrates for convenience.
  if (config.driver !== 'pglite' && !development && !env.SEED_DEMO_ACCOUNTS) {
    await refuseDemoPasswords(env, { tolerateOutage: true });
    return;
  }
  const handle = await getDatabaseHandle();
  if (config.driver === 'pglite' || development) await handle.migrate();
  if (development && config.driver === 'pglite') {
    const created = await seedDemoAccounts(handle, (account) => account.password);
    printAccounts(
      `Embedded database at ${config.dataDir}${created.length > 0 ? ' (demo accounts created)' : ''}.\nDemo accounts (npm run dev only):`,
      demoAccounts.map(({ email, role, password }) => ({ email, role, password })),
    );
    return;
  }
  if (env.NODE_ENV === 'production' && env.SEED_DEMO_ACCOUNTS) {
    const created = await seedDemoAccounts(handle, randomPassword);
    if (created.length > 0)
      printAccounts(
        'Demo accounts created (SEED_DEMO_ACCOUNTS). Their passwords are shown this once:',
        created,
      );
  }
  if (env.NODE_ENV === 'production') await refuseDemoPasswords(env, { tolerateOutage: false });
}

/**
 * Production must not run while anyone can sign in with a password printed in the README (a
 * development database copied to a server, or an old install that seeded them).
 */
async function refuseDemoPasswords(env: Env, { tolerateOutage }: { tolerateOutage: boolean }) {
  if (env.NODE_ENV !== 'production') return;
  let found: string[];
  try {
    found = await findAccountsWithDemoPasswords(await getDatabaseHandle());
  } catch (error) {
    // A server database that is down (or not migrated yet) cannot hold demo passwords we could
    // check now; the server starts and reports the database through /api/health.
    if (
      tolerateOutage &&
      (isDatabaseUnavailable(error) ||
        (error as { cause?: { code?: string } }).cause?.code === '42P01')
    ) {
      logger.warn(errorFields(error), 'startup: could not check for demo passwords');
      return;
    }
    throw error;
  }
  if (found.length > 0) {
    throw new StartupError(
      `These accounts still have the demo password published in the README: ${found.join(', ')}. ` +
        'Anyone could sign in as them. Give each a new password with `npm run user:password -- <email>` ' +
        '(run it while the server is stopped), then start again.',
    );
  }
}

/**
 * Runs once per process (later calls wait for the first). The database is closed afterwards when
 * `closeAfter` is set: the front layer hands the process to Next.js, which opens it again lazily.
 */
export function preflight({ closeAfter = false }: { closeAfter?: boolean } = {}): Promise<void> {
  const store = globalThis as GlobalWithPreflight;
  store[doneKey] ??= (async () => {
    const env = parseEnv();
    checkConfiguration(env);
    await prepareDatabase(env);
    if (closeAfter) await closeDatabase();
  })();
  return store[doneKey];
}

/** For instrumentation.ts: a StartupError ends the process with its message. */
export async function prepareServer(): Promise<void> {
  try {
    await preflight();
  } catch (error) {
    if (error instanceof StartupError) {
      logger.fatal(error.message);
      console.error(`\n[backend-path] Not starting: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
