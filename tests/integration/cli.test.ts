// Every `npm run` command an operator is told about, run as a real process (npm, tsx, Node) on
// the database this run uses: the embedded one (a folder of its own) or the Postgres server in
// DATABASE_URL. Each is checked for what it prints and its exit code, when it works and when it
// is given something wrong. (content:check and the build run as processes in `npm test` itself;
// `npm run bench` builds and loads the server for minutes and is run by hand.)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDatabaseConfig, parseEnv } from '@/lib/env';

const config = getDatabaseConfig(parseEnv());
const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-cli-'));
const databaseEnv =
  config.driver === 'pg'
    ? { DATABASE_URL: config.connectionString, POSTGRES_URL: '', PGLITE_DIR: '' }
    : { DATABASE_URL: '', POSTGRES_URL: '', PGLITE_DIR: pgliteDir };

afterAll(() => fs.rmSync(pgliteDir, { recursive: true, force: true }));

function npmRun(
  args: string[],
  { input, env = {} }: { input?: string; env?: Record<string, string> } = {},
) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    // As an operator runs them: no NODE_ENV (Vitest sets it to "test").
    const childEnv = Object.fromEntries(
      Object.entries({ ...process.env, ...databaseEnv, ...env }).filter(
        ([name]) => name !== 'NODE_ENV',
      ),
    );
    const child = spawn('npm', ['run', '--silent', ...args], {
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const email = `cli-${Date.now()}@example.test`;

// The @vercel/postgres driver reaches the server through a WebSocket proxy that only this test
// process configures; the commands are the same code on node-postgres.
describe.skipIf(config.driver === 'vercel')(
  `npm run scripts (${config.driver})`,
  { timeout: 300_000 },
  () => {
    it('db:migrate applies the migrations, and again changes nothing', async () => {
      for (let run = 0; run < 2; run += 1) {
        const result = await npmRun(['db:migrate']);
        expect(result).toMatchObject({ code: 0, stderr: '' });
        expect(result.stdout).toContain(`Migrations applied (${config.driver}).`);
      }
    });

    it('user:create creates an account with the piped password, or prints a generated one once', async () => {
      const created = await npmRun(['user:create', '--', email, 'instructor', 'Cleo', 'Cli'], {
        input: 'a cli passphrase here\n',
      });
      expect(created).toMatchObject({ code: 0, stderr: '' });
      expect(created.stdout.trim()).toBe(`Created ${email} (instructor).`);

      const generated = await npmRun(['user:create', '--', `gen-${email}`, 'admin']);
      expect(generated.code).toBe(0);
      expect(generated.stdout).toMatch(/^Password \(shown once\): [\w-]{24}$/m);

      const again = await npmRun(['user:create', '--', email.toUpperCase(), 'learner'], {
        input: 'another passphrase',
      });
      expect(again).toMatchObject({ code: 1, stdout: '' });
      expect(again.stderr.trim()).toBe(
        `Error: There is already an account with the e-mail ${email}.`,
      );
    });

    it('user:create and user:password explain bad input and exit non-zero', async () => {
      const usage = await npmRun(['user:create', '--', email]);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain(
        'Usage: npm run user:create -- <email> <learner|instructor|admin> [name]',
      );

      const role = await npmRun(['user:create', '--', `x-${email}`, 'root'], {
        input: 'a fine passphrase',
      });
      expect(role.code).toBe(1);
      expect(role.stderr.trim()).toBe('Error: role: Choose one of: learner, instructor, admin.');

      const weak = await npmRun(['user:password', '--', email], { input: 'password' });
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('Error: password: This is one of the most common passwords');

      const demo = await npmRun(['user:password', '--', email], { input: 'backend-path-admin' });
      expect(demo.code).toBe(1);
      expect(demo.stderr).toContain('published in the Backend Path README');

      const unknown = await npmRun(['user:password', '--', `nobody-${email}`], {
        input: 'a fine passphrase',
      });
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe(`Error: No user with the e-mail nobody-${email}.`);
    });

    it('user:password sets a new password', async () => {
      const result = await npmRun(['user:password', '--', email], {
        input: 'a renewed passphrase',
      });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.trim()).toBe(`New password set for ${email}; its sessions have ended.`);
    });

    it('user:role changes a role, and explains an unknown e-mail or role', async () => {
      const result = await npmRun(['user:role', '--', email, 'admin']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.trim()).toBe(`${email} is now admin.`);

      const unknown = await npmRun(['user:role', '--', `nobody-${email}`, 'admin']);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe(`Error: No user with the e-mail nobody-${email}.`);

      const usage = await npmRun(['user:role', '--', email, 'superuser']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain(
        'Usage: npm run user:role -- <email> <learner|instructor|admin>',
      );
    });

    it.skipIf(config.driver !== 'pglite')(
      'a command refuses an embedded database that a running server holds, with a clear message',
      async () => {
        const lock = `${pgliteDir}.lock`;
        fs.writeFileSync(lock, String(process.pid));
        try {
          const result = await npmRun(['user:role', '--', email, 'learner']);
          expect(result.code).toBe(1);
          expect(result.stderr).toMatch(/^Error: .*(in use|another process)/im);
        } finally {
          fs.rmSync(lock, { force: true });
        }
      },
    );

    it('db:generate finds the schema and the committed migrations in step', async () => {
      const result = await npmRun(['db:generate']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('No schema changes, nothing to migrate');
    });
  },
);
