// Load benchmarks against the standalone build (part of `npm run bench`):
// - progress writes: autocannon drives PUT /api/progress with 50 signed-in users, on the embedded
//   database and (with DATABASE_URL) on the Postgres server, next to the same upsert issued
//   straight to the database by 50 concurrent loops: app / raw is the cost of HTTP, the session,
//   validation and Next.js around one statement;
// - lesson serving: requests per second for a prerendered lesson page against the floor page.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { lessonProgress, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { listLessons } from '@/lib/content';
import {
  createScratchDatabase,
  dropScratchDatabase,
  scratchDatabaseUrl,
  signIn,
  startServer,
} from './lib/standalone';

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
};

export interface WriteLoadRow {
  driver: 'pglite' | 'pg';
  users: number;
  /** Saturation: every user writes again as soon as the last write is answered. */
  appRps: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  /** Paced: the same 50 users writing `pacedRate` times a second in total, evenly spaced. */
  pacedRate: number;
  pacedP50Ms: Spread;
  pacedP99Ms: Spread;
  /** The upsert alone, paced the same way, after the same saturating runs: the database's own tail. */
  rawPacedP99Ms: Spread;
  /** The highest paced rate tried whose p99 stayed under the budget, with that p99. */
  capacity: { rate: number; p99Ms: number } | null;
  errors: number;
  rawOpsPerSecond: Spread;
  ratio: number;
}

const concurrentUsers = 50;
/** Writes a second for the paced run: each of the 50 users marking a lesson every 2.5 seconds. */
const pacedRate = 20;
/** Long enough for 200 writes a run, so that p99 is not just the slowest one or two. */
const pacedSeconds = 10;
/** Rates tried, in order, to find the capacity within the p99 budget. */
const capacityRates = [50, 100, 150, 200, 300, 400];
export const writeP99BudgetMs = 50;
const runSeconds = 5;
const runs = 3;
const lessonIds = listLessons().map((lesson) => lesson.id);
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

async function createBenchUsers(handle: DatabaseHandle, count: number) {
  const password = 'load benchmark passphrase';
  const passwordHash = await hashPassword(password);
  const rows = Array.from({ length: count }, (_, index) => ({
    id: crypto.randomUUID(),
    name: `Load ${index}`,
    email: `load-${index}-${Date.now()}@example.test`,
    passwordHash,
  }));
  await handle.db.insert(users).values(rows);
  return rows.map((row) => ({ id: row.id, email: row.email, password }));
}

/** The statement behind "Mark as complete" (lib/dal/progress.ts), without the request around it. */
function rawUpsert(handle: DatabaseHandle, userId: string) {
  const completed = Math.random() < 0.7;
  return handle.db
    .insert(lessonProgress)
    .values({
      userId,
      lessonId: pick(lessonIds),
      status: completed ? 'completed' : 'started',
      completedAt: completed ? sql`now()` : null,
    })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: {
        status: completed ? 'completed' : 'started',
        completedAt: completed ? sql`coalesce(${lessonProgress.completedAt}, now())` : null,
        updatedAt: sql`now()`,
      },
    })
    .returning({ status: lessonProgress.status });
}

async function measureRaw(handle: DatabaseHandle, userIds: string[]): Promise<number> {
  let operations = 0;
  const until = performance.now() + runSeconds * 1000;
  await Promise.all(
    userIds.map(async (userId) => {
      while (performance.now() < until) {
        await rawUpsert(handle, userId);
        operations += 1;
      }
    }),
  );
  return operations / runSeconds;
}

/** The value at `ratio` (0.5 = median, 0.99 = p99) of numbers sorted ascending. */
export const percentile = (sorted: number[], ratio: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(ratio * sorted.length))]!;

/** `runs` measurements, one after the other. */
async function repeatRuns<T>(measure: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await measure());
  return results;
}

/**
 * Open loop: `rate` operations a second for `seconds`, evenly spaced, whatever the answers. Each
 * latency counts from the moment the operation was due, so a system that falls behind shows it.
 * `operation` resolves to false for a failure. Returns the latencies sorted, and the failures.
 */
async function runPaced(
  rate: number,
  seconds: number,
  operation: (index: number) => Promise<boolean>,
) {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let index = 0; index < rate * seconds; index += 1) {
    const due = start + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      operation(index).then((ok) => {
        latencies.push(performance.now() - due);
        if (!ok) errors += 1;
      }),
    );
  }
  await Promise.all(pending);
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

/** The same upsert paced like the app's paced run; p99 in ms. */
async function measureRawPaced(handle: DatabaseHandle, userIds: string[], rate: number) {
  const { latencies } = await runPaced(rate, pacedSeconds, async (index) => {
    await rawUpsert(handle, userIds[index % userIds.length]!);
    return true;
  });
  return percentile(latencies, 0.99);
}

const writeBody = () =>
  JSON.stringify({ lessonId: pick(lessonIds), completed: Math.random() < 0.7 });

/** Closed loop: each of the users writes again as soon as the last write is answered. */
async function driveWrites(url: string, cookies: string[]) {
  let nextUser = 0;
  const result = await autocannon({
    url: `${url}/api/progress`,
    connections: cookies.length,
    duration: runSeconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request, context) => {
          // One signed-in user per connection.
          const state = context as { cookie?: string };
          state.cookie ??= cookies[nextUser++ % cookies.length];
          return {
            ...request,
            headers: { 'content-type': 'application/json', cookie: state.cookie ?? '' },
            body: writeBody(),
          };
        },
      },
    ],
  });
  return result;
}

/**
 * Paced writes: `rate` a second, evenly spaced, taking turns among the users (see runPaced;
 * autocannon's own rate limit sends each second's requests in one burst instead).
 */
async function drivePacedWrites(url: string, cookies: string[], rate: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cookies.length });
  const target = new URL(`${url}/api/progress`);
  const send = (index: number) =>
    new Promise<boolean>((resolve) => {
      const body = writeBody();
      const request = http.request(
        target,
        {
          method: 'PUT',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: cookies[index % cookies.length]!,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode === 200));
        },
      );
      request.on('error', () => resolve(false));
      request.end(body);
    });
  const { latencies, errors } = await runPaced(rate, seconds, send);
  agent.destroy();
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

export async function benchProgressWrites(
  driver: 'pglite' | 'pg',
  port: number,
): Promise<WriteLoadRow> {
  let database: string | { pgliteDir: string };
  let handle: DatabaseHandle;
  let pgliteDir: string | undefined;
  if (driver === 'pglite') {
    pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-bench-'));
    handle = await openDatabase({ driver: 'pglite', dataDir: pgliteDir });
    await handle.migrate();
    database = { pgliteDir };
  } else {
    await createScratchDatabase();
    database = scratchDatabaseUrl();
    handle = await openDatabase({ driver: 'pg', connectionString: database, poolMax: 10 });
  }
  const benchUsers = await createBenchUsers(handle, concurrentUsers);
  // The embedded database serves one process: the server gets it while the app is measured.
  if (driver === 'pglite') await handle.close();

  const server = await startServer(port, database, { LOG_LEVEL: 'warn' });
  const cookies: string[] = [];
  for (const [index, user] of benchUsers.entries()) {
    const { cookie } = await signIn(server.url, user, `198.51.100.${index + 1}`);
    if (!cookie) throw new Error(`could not sign in ${user.email}`);
    cookies.push(cookie);
  }
  await driveWrites(server.url, cookies); // warm-up
  const saturated = await repeatRuns(() => driveWrites(server.url, cookies));
  const paced = await repeatRuns(() =>
    drivePacedWrites(server.url, cookies, pacedRate, pacedSeconds),
  );
  let errors =
    saturated.reduce((sum, result) => sum + result.non2xx + result.errors, 0) +
    paced.reduce((sum, result) => sum + result.errors, 0);
  // Capacity: raise the rate until p99 leaves the budget (the median of the runs at each rate).
  let capacity: WriteLoadRow['capacity'] = null;
  for (const rate of capacityRates) {
    const results = await repeatRuns(() => drivePacedWrites(server.url, cookies, rate, runSeconds));
    errors += results.reduce((sum, result) => sum + result.errors, 0);
    const p99 = spread(results.map((result) => result.p99)).median;
    if (p99 >= writeP99BudgetMs) break;
    capacity = { rate, p99Ms: p99 };
  }
  await server.stop('SIGTERM');

  if (driver === 'pglite') {
    handle = await openDatabase({ driver: 'pglite', dataDir: pgliteDir! });
  }
  const userIds = benchUsers.map((user) => user.id);
  const raw = await repeatRuns(() => measureRaw(handle, userIds));
  const rawPacedP99 = await repeatRuns(() => measureRawPaced(handle, userIds, pacedRate));
  await handle.close();
  if (driver === 'pg') await dropScratchDatabase();
  else fs.rmSync(pgliteDir!, { recursive: true, force: true });

  const appRps = spread(saturated.map((result) => result.requests.average));
  const rawOpsPerSecond = spread(raw);
  return {
    driver,
    users: concurrentUsers,
    appRps,
    p50Ms: spread(saturated.map((result) => result.latency.p50)),
    p99Ms: spread(saturated.map((result) => result.latency.p99)),
    pacedRate,
    pacedP50Ms: spread(paced.map((result) => result.p50)),
    pacedP99Ms: spread(paced.map((result) => result.p99)),
    capacity,
    rawPacedP99Ms: spread(rawPacedP99),
    errors,
    rawOpsPerSecond,
    ratio: appRps.median / rawOpsPerSecond.median,
  };
}

export interface ServingRow {
  route: string;
  rps: Spread;
  p99Ms: Spread;
  bytesPerRequest: number;
  /** The server process's CPU time per request (Linux only), without the load generator's. */
  serverCpuUsPerRequest: Spread | null;
}

/** CPU time (user + system, ms) the process has used so far, from /proc; null off Linux. */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticksPerSecond = 100; // USER_HZ on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** Requests per second for each route on one standalone server (gzip accepted, as browsers do). */
export async function benchServing(routes: string[], port: number): Promise<ServingRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-path-serve-'));
  const server = await startServer(port, { pgliteDir: dir }, { LOG_LEVEL: 'warn' });
  const rows: ServingRow[] = [];
  try {
    for (const route of routes) {
      const run = () =>
        autocannon({
          url: `${server.url}${route}`,
          connections: 20,
          duration: runSeconds,
          headers: { 'accept-encoding': 'gzip, deflate, br' },
        });
      await run(); // warm-up
      const results = [];
      const cpuPerRequest: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const before = processCpuMs(server.child.pid);
        const result = await run();
        const after = processCpuMs(server.child.pid);
        results.push(result);
        if (before !== null && after !== null)
          cpuPerRequest.push(((after - before) * 1000) / Math.max(1, result.requests.total));
      }
      if (results.some((result) => result.non2xx > 0))
        throw new Error(`${route} answered with errors under load`);
      rows.push({
        route,
        rps: spread(results.map((result) => result.requests.average)),
        p99Ms: spread(results.map((result) => result.latency.p99)),
        bytesPerRequest: Math.round(
          results[0]!.throughput.total / Math.max(1, results[0]!.requests.total),
        ),
        serverCpuUsPerRequest: cpuPerRequest.length > 0 ? spread(cpuPerRequest) : null,
      });
    }
  } finally {
    await server.stop('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
