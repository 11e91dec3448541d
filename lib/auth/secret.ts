// The Auth.js secret: AUTH_SECRET when set; in local use (embedded database, or development) one
// generated on first start and kept in .data/auth-secret; in production a configuration error.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getDataDir, isEmbeddedDatabase, parseEnv } from '@/lib/env';

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      'AUTH_SECRET is not set. A server database is configured (DATABASE_URL or POSTGRES_URL), so ' +
        'Backend Path will not invent a secret: generate one with `openssl rand -base64 33` and set ' +
        'AUTH_SECRET (the same value on every instance).',
    );
    this.name = 'MissingAuthSecretError';
  }
}

let cached: string | undefined;

export function resolveAuthSecret(): string {
  if (cached) return cached;
  const env = parseEnv();
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  // Local use: the embedded database, or any database under `next dev`.
  if (!isEmbeddedDatabase(env) && env.NODE_ENV === 'production') throw new MissingAuthSecretError();
  const file = path.join(getDataDir(env), 'auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx' fails if another process wrote it first; then we read theirs.
    fs.writeFileSync(file, crypto.randomBytes(33).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return (cached = fs.readFileSync(file, 'utf8').trim());
}
