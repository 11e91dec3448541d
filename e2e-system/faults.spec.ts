// Faults and scale-out, on real standalone servers and the Postgres server in DATABASE_URL:
// two instances share sessions, server actions and throttling; a kill -9 loses no acknowledged
// write; a database outage gives clear 503s and the portal recovers without a restart.
import { expect, test } from '@playwright/test';
import { listLessonsForSystemTests } from './lessons';
import {
  createScratchDatabase,
  createUser,
  dropScratchDatabase,
  query,
  scratchDatabaseUrl,
  signIn,
  startDatabaseProxy,
  startBalancer,
  startServer,
  type RunningServer,
} from '../scripts/lib/standalone';

test.skip(!process.env.DATABASE_URL, 'needs DATABASE_URL (a Postgres server)');
test.describe.configure({ mode: 'serial' });

const lessons = listLessonsForSystemTests();
const running: RunningServer[] = [];
const start = async (port: number, databaseUrl = scratchDatabaseUrl()) => {
  const server = await startServer(port, databaseUrl);
  running.push(server);
  return server;
};

test.beforeAll(async () => {
  await createScratchDatabase();
});
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop('SIGKILL')));
});
test.afterAll(async () => {
  await dropScratchDatabase();
});

const put = (server: RunningServer, cookie: string, lessonId: string) =>
  fetch(`${server.url}/api/progress`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ lessonId, completed: true }),
  });

test('two instances: a session, a server action and the sign-in throttle work across both', async ({
  page,
}) => {
  const [a, b] = await Promise.all([start(4301), start(4302)]);
  const balancer = await startBalancer(a);
  const instructor = await createUser('Ines Instructor', 'instructor');

  // Signed in through instance A; the balancer sends the next request to B: still signed in.
  await page.goto(`${balancer.url}/sign-in`);
  await page.getByLabel('Email').fill(instructor.email);
  await page.getByLabel('Password').fill(instructor.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/cohorts$/);
  balancer.use(b);
  await page.goto(`${balancer.url}/dashboard`);
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();

  // A form rendered by A (its action carries the encrypted cohort id) is submitted after A has
  // gone away: B runs it.
  balancer.use(a);
  await page.goto(`${balancer.url}/cohorts/new`);
  await page.getByLabel('Cohort name').fill('Two instances');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByTestId('invite-code')).toBeVisible();
  const cohortId = page.url().split('/').pop()!;
  await a.stop('SIGKILL');
  balancer.use(b);
  await page.getByLabel('Days without activity').fill('11');
  await page.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(page.getByText('Thresholds saved.')).toBeVisible();
  expect(await query('select inactive_days from cohorts where id = $1', [cohortId])).toEqual([
    { inactive_days: 11 },
  ]);
  await balancer.close();

  // Ten failures spread over both instances block the pair on either; another IP still works.
  const a2 = await start(4301);
  const learner = await createUser('Tess Throttled');
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const result = await signIn(attempt % 2 ? b.url : a2.url, {
      email: learner.email,
      password: 'not the password',
    });
    expect(result.cookie).toBeNull();
  }
  expect((await signIn(a2.url, learner)).cookie).toBeNull();
  expect((await signIn(b.url, learner)).cookie).toBeNull();
  expect((await signIn(b.url, learner, '203.0.113.200')).cookie).not.toBeNull();
});

test('kill -9 during a burst of progress writes: every acknowledged write is in the database', async () => {
  const server = await start(4303);
  const users = await Promise.all(['Kim', 'Lou', 'Max'].map((name) => createUser(name)));
  const cookies = await Promise.all(
    users.map(async (user) => (await signIn(server.url, user)).cookie!),
  );
  const writes = users.flatMap((user, index) =>
    lessons.map((lessonId) => ({ userId: user.id, cookie: cookies[index]!, lessonId })),
  );
  const acknowledged: typeof writes = [];
  let killed = false;
  let next = 0;
  const worker = async () => {
    while (next < writes.length) {
      const write = writes[next++]!;
      try {
        const response = await put(server, write.cookie, write.lessonId);
        if (response.ok) acknowledged.push(write);
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch {
        // The connection died with the server: not acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: 12 }, worker));
  expect(killed).toBe(true);
  expect(acknowledged.length).toBeGreaterThanOrEqual(40);
  expect(acknowledged.length).toBeLessThan(writes.length);

  await start(4303);
  const rows = await query<{ user_id: string; lesson_id: string; status: string }>(
    'select user_id, lesson_id, status from lesson_progress where user_id = any($1)',
    [users.map((user) => user.id)],
  );
  const stored = new Set(
    rows
      .filter((row) => row.status === 'completed')
      .map((row) => `${row.user_id} ${row.lesson_id}`),
  );
  expect(acknowledged.filter((write) => !stored.has(`${write.userId} ${write.lessonId}`))).toEqual(
    [],
  );
});

test('the database goes away under load: clear 503s, nothing half-written, recovery without a restart', async ({
  request,
}) => {
  const proxy = await startDatabaseProxy();
  const server = await start(4304, scratchDatabaseUrl(proxy.port));
  const user = await createUser('Ola Outage');
  const { cookie } = await signIn(server.url, user);
  expect((await put(server, cookie!, lessons[0]!)).status).toBe(200);

  await proxy.cut();
  const during = await Promise.all(
    lessons.slice(1, 11).map((lessonId) => put(server, cookie!, lessonId)),
  );
  for (const response of during) {
    expect(response.status).toBe(503);
    const body = (await response.json()) as { error: string; message: string };
    expect(body).toMatchObject({ error: 'unavailable' });
    expect(body.message).toMatch(/database cannot be reached/);
  }
  const health = await request.get(`${server.url}/api/health`);
  expect(health.status()).toBe(503);
  expect(await health.json()).toEqual({ status: 'unavailable', reason: 'database' });
  const dashboard = await fetch(`${server.url}/dashboard`, { headers: { cookie: cookie! } });
  const html = await dashboard.text();
  expect(dashboard.status).toBeGreaterThanOrEqual(500);
  expect(html).not.toMatch(/node_modules|\bat [\w.]+ \(|ECONNREFUSED/);

  await proxy.restore();
  await expect
    .poll(async () => (await request.get(`${server.url}/api/health`)).status(), { timeout: 30_000 })
    .toBe(200);
  expect((await put(server, cookie!, lessons[11]!)).status).toBe(200);
  // Exactly the acknowledged writes are stored, each whole.
  const rows = await query<{ lesson_id: string; status: string; completed_at: Date | null }>(
    'select lesson_id, status, completed_at from lesson_progress where user_id = $1 order by lesson_id',
    [user.id],
  );
  expect(rows.map((row) => row.lesson_id).sort()).toEqual([lessons[0]!, lessons[11]!].sort());
  expect(rows.every((row) => row.status === 'completed' && row.completed_at !== null)).toBe(true);
});

test('SIGTERM during a long download: it finishes whole, then the pool closes and the process exits', async () => {
  const server = await start(4305);
  const owner = await createUser('Gus Graceful', 'instructor');
  const cohortId = crypto.randomUUID();
  await query(
    "insert into cohorts (id, name, owner_id, invite_code) values ($1, 'Graceful', $2, 'GRACEFUL')",
    [cohortId, owner.id],
  );
  await query(
    `insert into users (id, name, email) select $1 || g, 'Member ' || g, $1 || g || '@example.test' from generate_series(1, 3000) g`,
    [`${cohortId}-`],
  );
  await query(
    `insert into cohort_members (cohort_id, user_id) select $1, $1 || '-' || g from generate_series(1, 3000) g`,
    [cohortId],
  );
  const { cookie } = await signIn(server.url, owner);
  const response = await fetch(`${server.url}/cohorts/${cohortId}/export`, {
    headers: { cookie: cookie! },
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const first = await reader.read();
  text += decoder.decode(first.value, { stream: true });
  // The download is under way (the first block of members is out): now the instance is told to stop.
  const exit = server.stop('SIGTERM');
  const receivedBeforeSignal = text.length;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  const lines = text.trimEnd().split('\r\n');
  expect(lines).toHaveLength(1 + 3000 * lessons.length);
  expect(receivedBeforeSignal).toBeLessThan(text.length / 2);
  expect(await exit).toBe(143);
  expect(server.logs.join('')).toContain('database pool closed');
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
});
