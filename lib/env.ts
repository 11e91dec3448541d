// The environment, parsed once with zod. Everything else reads configuration from here.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from './http/client-address';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z.url({ message: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  ),
  POSTGRES_URL: optionalString.pipe(
    z.url({ message: 'POSTGRES_URL must be a postgres:// URL' }).optional(),
  ),
  VERCEL: optionalString,
  // Set by Vercel: the project's production domain (a platform setting, not a request header).
  VERCEL_PROJECT_PRODUCTION_URL: optionalString,
  PGLITE_DIR: optionalString,
  // Where local data lives (the embedded database, a generated AUTH_SECRET): default ./.data.
  // `npm start` sets it to an absolute path, because the standalone server changes directory.
  DATA_DIR: optionalString,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  // Sign-ups allowed per IP per hour.
  SIGN_UP_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  // Addresses or CIDR ranges of the proxies in front of the portal (none by default): only a
  // request from one of them may say, in X-Forwarded-For, whom it forwards (lib/http/client-address.ts).
  TRUSTED_PROXIES: optionalString.superRefine((value, ctx) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  AUTH_SECRET: optionalString,
  // smtp://user:pass@host:587 or smtps://...: password-reset e-mails go out through it. Unset in
  // local use, the e-mail (with its link) is printed to the server log instead.
  // GitHub sign-in is offered only when both are set (an OAuth app's client id and secret).
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  SMTP_URL: optionalString,
  // The portal's public address, for links in e-mails. Required in production (the server refuses
  // to start without it): a request's Host or X-Forwarded-Host header could be forged and send a
  // reset link, with its token, to another site. Only `next dev` falls back to the request.
  APP_URL: optionalString.pipe(
    z.url({ message: 'APP_URL must be a URL like https://backend-path.example' }).optional(),
  ),
  MAIL_FROM: optionalString,
  // Production only: create the demo accounts (with random passwords, printed once). `npm run dev`
  // on the embedded database always has them, with the passwords in the README.
  SEED_DEMO_ACCOUNTS: z
    .enum(['', '0', '1', 'false', 'true'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
});

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export type DatabaseConfig =
  | { driver: 'pglite'; dataDir: string }
  | { driver: 'pg'; connectionString: string; poolMax: number }
  | { driver: 'vercel'; connectionString: string; poolMax: number };

/**
 * Which database this process uses. On Vercel, POSTGRES_URL (set by the Vercel Postgres / Neon
 * integration) wins; elsewhere DATABASE_URL selects node-postgres; with neither, the embedded
 * PGlite database in .data/pglite (or PGLITE_DIR; "memory://" keeps it in memory).
 */
export function getDatabaseConfig(env: Env = parseEnv()): DatabaseConfig {
  if (env.POSTGRES_URL && env.VERCEL) {
    return { driver: 'vercel', connectionString: env.POSTGRES_URL, poolMax: env.DATABASE_POOL_MAX };
  }
  if (env.DATABASE_URL) {
    return { driver: 'pg', connectionString: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX };
  }
  if (env.POSTGRES_URL) {
    return { driver: 'vercel', connectionString: env.POSTGRES_URL, poolMax: env.DATABASE_POOL_MAX };
  }
  const dir = env.PGLITE_DIR ?? path.join(env.DATA_DIR ?? '.data', 'pglite');
  return {
    driver: 'pglite',
    dataDir: dir.startsWith('memory://') ? dir : path.resolve(/*turbopackIgnore: true*/ dir),
  };
}

/** Local use: the embedded database, where demo data and a generated AUTH_SECRET are allowed. */
export function isEmbeddedDatabase(env: Env = parseEnv()): boolean {
  return getDatabaseConfig(env).driver === 'pglite';
}

/** The folder for local data (see DATA_DIR). */
export function getDataDir(env: Env = parseEnv()): string {
  return path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? '.data');
}
