// Real standalone servers for the system tests and the load benchmarks (node .next/standalone/start.mjs) on a
// scratch database of the Postgres server in DATABASE_URL, a TCP proxy that can cut that server
// off, and sign-in over HTTP.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { passwordHashOptions } from '../../lib/auth/password-hash-options';

export const baseDatabaseUrl = process.env.DATABASE_URL ?? '';
const scratchName = `backend_path_system_${process.pid}`;

export function scratchDatabaseUrl(port?: number) {
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${scratchName}`;
  if (port) {
    url.hostname = '127.0.0.1';
    url.port = String(port);
  }
  return url.toString();
}

function adminUrl() {
  const url = new URL(baseDatabaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** A fresh database with every migration applied (through `npm run db:migrate`). */
export async function createScratchDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${scratchName} with (force)`);
  await admin.query(`create database ${scratchName}`);
  await admin.end();
  execFileSync('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: scratchDatabaseUrl(), POSTGRES_URL: '' },
    stdio: 'pipe',
  });
}

export async function dropScratchDatabase() {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${scratchName} with (force)`);
  await admin.end();
}

export async function query<T = Record<string, unknown>>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: scratchDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** Inserts a user with the portal's own password parameters (lib/auth/password-hash-options.ts). */
export async function createUser(name: string, role = 'learner'): Promise<TestUser> {
  const id = crypto.randomUUID();
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(0, 8)}@example.test`;
  const password = `passphrase for ${name} ${id.slice(0, 8)}`;
  const passwordHash = await hash(password, passwordHashOptions);
  await query(
    'insert into users (id, name, email, password_hash, role) values ($1, $2, $3, $4, $5)',
    [id, name, email, passwordHash, role],
  );
  return { id, email, password };
}

// Every instance of one deployment shares these (see README, "Scaling").
const sharedEnv = {
  AUTH_SECRET: 'system-test-secret-0123456789abcdefghijklmnopqrstuv',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUTH_TRUST_HOST: 'true',
  // The tests stand in for the proxy in front of the instances: they say in X-Forwarded-For
  // which client a request comes from (see signIn below and startBalancer).
  TRUSTED_PROXIES: '127.0.0.1',
  NEXT_TELEMETRY_DISABLED: '1',
  POSTGRES_URL: '',
  PGLITE_DIR: '',
};

export interface RunningServer {
  url: string;
  port: number;
  logs: string[];
  child: ChildProcess;
  /** Sends the signal and resolves with the exit code once the process has ended. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node .next/standalone/start.mjs` on the Postgres server at this URL, or on an embedded
 * database, without waiting for it: for servers that are expected to refuse to start.
 */
export function spawnServer(
  port: number,
  database: string | { pgliteDir: string },
  extraEnv: Record<string, string> = {},
) {
  const databaseEnv =
    typeof database === 'string'
      ? { DATABASE_URL: database }
      : { DATABASE_URL: '', PGLITE_DIR: database.pgliteDir };
  const child = spawn(process.execPath, ['.next/standalone/start.mjs'], {
    env: {
      ...process.env,
      ...sharedEnv,
      ...databaseEnv,
      APP_URL: `http://127.0.0.1:${port}`,
      ...extraEnv,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, logs, exited };
}

/** Starts the standalone build and waits until it answers /api/health. */
export async function startServer(
  port: number,
  database: string | { pgliteDir: string },
  extraEnv: Record<string, string> = {},
): Promise<RunningServer> {
  const { child, logs, exited } = spawnServer(port, database, extraEnv);
  const url = `http://127.0.0.1:${port}`;
  // Generous: a first start on a new embedded database runs initdb and every migration, and
  // a loaded CI machine can take a minute or more for that.
  const deadline = Date.now() + 180_000;
  // Ready means this process said so and the port answers: another server still holding the
  // port (a leftover of an earlier run) must not pass for this one.
  const ready = () => logs.join('').includes(`Ready on ${url}`);
  for (;;) {
    try {
      if (child.exitCode !== null) throw new Error('exited');
      await fetch(`${url}/api/health`);
      if (ready()) break;
      throw new Error('not ready');
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        if (child.exitCode === null) child.kill('SIGKILL');
        throw new Error(`server on ${port} did not start:\n${logs.join('')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    port,
    logs,
    child,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A TCP proxy in front of the Postgres server: `cut()` drops every connection and refuses new ones. */
export async function startDatabaseProxy() {
  const target = new URL(baseDatabaseUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    cut: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const socket of sockets) socket.destroy();
      server = null;
    },
    restore: async () => {
      await listen(port);
    },
  };
}

/**
 * Signs in through Auth.js's endpoints and returns the Cookie header for later requests, and
 * where Auth.js redirects (a refusal carries its code there). `ip` is the client address the test
 * claims, as the trusted proxy in front of the servers would; `headers` are sent as well.
 */
export async function signIn(
  baseUrl: string,
  user: { email: string; password: string },
  ip = '198.51.100.10',
  headers: Record<string, string> = {},
): Promise<{ cookie: string | null; location: string | null }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrfCookie,
      'x-forwarded-for': ip,
      ...headers,
    },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((cookie) => cookie.startsWith('authjs.session-token='));
  return { cookie: session ?? null, location: response.headers.get('location') };
}

/**
 * A minimal load balancer: one address in front of several instances, forwarding every request
 * (Host header included) to the instance `use()` chose, as a real balancer would route them.
 */
export async function startBalancer(initial: RunningServer) {
  let target = initial;
  const server = http.createServer((incoming, outgoing) => {
    const forward = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-for': '198.51.100.20' },
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    forward.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    use: (next: RunningServer) => {
      target = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
