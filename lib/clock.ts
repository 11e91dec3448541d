import 'server-only';
import fs from 'node:fs';
import { isEmbeddedDatabase } from './env';

/**
 * The time the dashboards and the review queue judge by ("inactive for 8 days", "due now"). End-to-end
 * tests move it forward instead of sleeping: with BACKEND_PATH_CLOCK_FILE set and the embedded
 * database in use (never with a server database, so never in production), the file may hold
 * {"offsetMs": n} and the clock runs that far ahead of the real one. Writes keep the database's
 * own now().
 */
export function now(): Date {
  const file = process.env.BACKEND_PATH_CLOCK_FILE;
  if (!file || !isEmbeddedDatabase()) return new Date();
  let offsetMs = 0;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    if (typeof parsed.offsetMs === 'number' && Number.isFinite(parsed.offsetMs))
      offsetMs = parsed.offsetMs;
  } catch {
    // No file yet: the real time.
  }
  return new Date(Date.now() + offsetMs);
}
