// The grading worker as production runs it: the bundle `npm run build` writes into the standalone
// folder (scripts/lib/build-workers.ts), loaded by plain Node (no tsx), with PGlite resolved from
// node_modules at run time.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitLabTask } from '@/lib/dal/labs';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import { closeGradingPool, setGradingPool, timeLimitMessage } from '@/lib/labs/server/grading';
import { WorkerPool } from '@/lib/labs/server/worker-pool';
import { buildServerWorkers } from '@/scripts/lib/build-workers';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

beforeAll(async () => {
  setLabCatalog(loadLabCatalog(path.resolve('tests/fixtures/labs/content')));
  const [grader] = await buildServerWorkers(path.resolve('.next/test-workers'));
  setGradingPool(new WorkerPool({ entry: { filename: grader! }, threads: 1 }));
});

afterAll(async () => {
  await closeGradingPool();
});

describe('the bundled grading worker', () => {
  it('grades a submission and is stopped by the time limit', async () => {
    signInAs((await createTestUser()).id);
    const submit = (sql: string) =>
      submitLabTask({
        labId: 'example-shop',
        taskId: 'index-for-a-day',
        sql,
        submissionId: randomUUID(),
      });
    await expect(
      submit('CREATE INDEX orders_placed_on_idx ON orders (placed_on);'),
    ).resolves.toMatchObject({ passed: true });
    await expect(submit('SELECT pg_sleep(60)')).rejects.toThrow(timeLimitMessage);
  });
});
