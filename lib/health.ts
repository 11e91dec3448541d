import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db/client';
import { errorFields, logger } from './log';
import { isShuttingDown } from './shutdown';

export type Health =
  | { status: 'ok'; database: { driver: string; roundTripMs: number } }
  | { status: 'unavailable'; reason: 'database' | 'shutting-down' };

/** One `select 1` against the database, timed; gives up after `timeoutMs`. */
export async function checkDatabaseHealth(timeoutMs = 2_000): Promise<Health> {
  if (isShuttingDown()) return { status: 'unavailable', reason: 'shutting-down' };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const handle = await getDatabaseHandle();
    await Promise.race([
      handle.db.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database health check timed out')), timeoutMs);
      }),
    ]);
    return {
      status: 'ok',
      database: {
        driver: handle.driver,
        roundTripMs: Math.round((performance.now() - started) * 100) / 100,
      },
    };
  } catch (error) {
    logger.warn(errorFields(error), 'health check: database unavailable');
    return { status: 'unavailable', reason: 'database' };
  } finally {
    clearTimeout(timer);
  }
}
