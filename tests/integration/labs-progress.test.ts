// What learners see of their lab work outside the lab: "Practice: n of m tasks" on the lesson that
// embeds a lab, the count on the dashboard, the review queue's link back to the lab, and Reset.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listLessons } from '@/lib/content';
import {
  getMyLabState,
  getMyLabTaskCount,
  getMyLessonPractice,
  listMyLabTasksToRetry,
  saveLabDraft,
  submitLabTask,
} from '@/lib/dal/labs';
import { resetMyProgress } from '@/lib/dal/progress';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import { closeGradingPool } from '@/lib/labs/server/grading';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

// Grading starts worker threads that build each dataset's snapshot on first use: seconds each,
// and more on a busy machine (the default 30 s was seen to run out under the e2e suite's load).
vi.setConfig({ testTimeout: 120_000 });

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const [withLab, withExample] = listLessons();
const labId = 'example-shop';

beforeAll(() => {
  setLabCatalog(loadLabCatalog(path.resolve('tests/fixtures/labs/content')), [
    { ...withLab!, body: `Some text.\n\n<SqlLab id="${labId}" />\n` },
    // A lesson that shows the syntax in a code block does not embed the lab.
    { ...withExample!, body: '```mdx\n<SqlLab id="example-shop" />\n```\n' },
  ]);
});

afterAll(async () => {
  await closeGradingPool();
});

const submit = (taskId: string, sql: string) =>
  submitLabTask({ labId, taskId, sql, submissionId: randomUUID() });

describe('lab progress outside the lab', () => {
  it('counts passed tasks on the lesson and the dashboard, and links the review queue to the lab', async () => {
    signInAs((await createTestUser()).id);
    expect(await getMyLessonPractice(withLab!.id)).toEqual({ done: 0, total: 3 });
    expect(await getMyLessonPractice(withExample!.id)).toBeNull();
    expect(await getMyLabTaskCount()).toEqual({ done: 0, total: 3 });

    await submit('unique-emails', 'CREATE INDEX customers_email_idx ON customers (email);');
    await submit('index-for-a-day', 'CREATE INDEX orders_placed_on_idx ON orders (placed_on);');
    expect(await getMyLessonPractice(withLab!.id)).toEqual({ done: 1, total: 3 });
    expect(await getMyLabTaskCount()).toEqual({ done: 1, total: 3 });
    expect(await listMyLabTasksToRetry()).toEqual([
      expect.objectContaining({
        taskId: 'unique-emails',
        lesson: { title: withLab!.title, href: `${withLab!.href}#lab-${labId}` },
      }),
    ]);
  });

  it('Reset progress forgets lab submissions but keeps the saved editor text', async () => {
    signInAs((await createTestUser()).id);
    await saveLabDraft({ labId, taskId: 'index-for-a-day', body: 'CREATE INDEX ...' });
    await submit('index-for-a-day', 'CREATE INDEX orders_placed_on_idx ON orders (placed_on);');
    expect(await getMyLabTaskCount()).toEqual({ done: 1, total: 3 });
    await resetMyProgress();
    expect(await getMyLabTaskCount()).toEqual({ done: 0, total: 3 });
    const state = await getMyLabState({ labId });
    expect(state.tasks.find((task) => task.taskId === 'index-for-a-day')).toMatchObject({
      passed: false,
      attempts: 0,
      draft: 'CREATE INDEX ...',
    });
  });
});
