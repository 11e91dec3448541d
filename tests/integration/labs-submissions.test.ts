// SQL lab submissions end to end below the UI: the data access layer grades through the real
// grading pool (worker threads running PGlite copies of the fixture lab's visible and hidden
// datasets), records attempts and the best state in the portal's database, and keeps drafts.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { authThrottles, labAttempts, labTaskProgress } from '@/db/schema';
import { getMyLabState, listMyLabTasksToRetry, saveLabDraft, submitLabTask } from '@/lib/dal/labs';
import { labSubmissionKey, labSubmissionLimit } from '@/lib/dal/throttle';
import { loadLabCatalog, setLabCatalog } from '@/lib/labs/server/catalog';
import { closeGradingPool, timeLimitMessage } from '@/lib/labs/server/grading';
import { labLimits } from '@/lib/validations/limits';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

// Grading starts worker threads that build each dataset's snapshot on first use: seconds each,
// and more on a busy machine (the default 30 s was seen to run out under the e2e suite's load).
vi.setConfig({ testTimeout: 120_000 });

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const labId = 'example-shop';
const revenue = {
  right: `SELECT c.name, COALESCE(SUM(o.total), 0) AS revenue
FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name`,
  // Right on the visible data, where every customer has orders; wrong on the hidden dataset.
  innerJoin: `SELECT c.name, SUM(o.total) AS revenue
FROM customers AS c JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name`,
};

beforeAll(() => {
  setLabCatalog(loadLabCatalog(path.resolve('tests/fixtures/labs/content')));
});

afterAll(async () => {
  await closeGradingPool();
});

async function signedInLearner() {
  const user = await createTestUser();
  signInAs(user.id);
  return user;
}

const submit = (taskId: string, sql: string, submissionId = randomUUID()) =>
  submitLabTask({ labId, taskId, sql, submissionId });

async function attemptsOf(userId: string) {
  const db = await getDb();
  return db
    .select({
      taskId: labAttempts.taskId,
      passed: labAttempts.passed,
      submissionId: labAttempts.submissionId,
    })
    .from(labAttempts)
    .where(eq(labAttempts.userId, userId));
}

async function progressOf(userId: string, taskId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ attempts: labTaskProgress.attempts, passedAt: labTaskProgress.passedAt })
    .from(labTaskProgress)
    .where(and(eq(labTaskProgress.userId, userId), eq(labTaskProgress.taskId, taskId)));
  return row;
}

describe('server grading of lab submissions', () => {
  it('passes the right answer on the visible and the hidden data, and records it', async () => {
    const user = await signedInLearner();
    const result = await submit('revenue-per-customer', revenue.right);
    expect(result).toMatchObject({ passed: true, failedChecks: [] });
    expect(result.task).toEqual({ passed: true, attempts: 1 });
    expect(await attemptsOf(user.id)).toMatchObject([
      { taskId: 'revenue-per-customer', passed: true },
    ]);
  });

  it('fails an answer that is right only on the visible data, without revealing hidden values', async () => {
    const user = await signedInLearner();
    const result = await submit('revenue-per-customer', revenue.innerJoin);
    expect(result.passed).toBe(false);
    expect(result.failedChecks).toHaveLength(1);
    const [failed] = result.failedChecks;
    expect(failed).toMatchObject({ index: 0, kind: 'result' });
    expect(failed!.message).toMatch(/hidden dataset/i);
    expect(failed!.message).toMatch(/1 row missing/);
    // The hidden dataset's names (and its marker) never reach the learner.
    expect(JSON.stringify(result)).not.toMatch(/Barbara|Edsger|Marker-Hidden/);
    expect(await progressOf(user.id, 'revenue-per-customer')).toMatchObject({
      attempts: 1,
      passedAt: null,
    });
  });

  it('grades plan and state checks', async () => {
    await signedInLearner();
    const rightIndex = await submit(
      'index-for-a-day',
      'CREATE INDEX orders_placed_on_idx ON orders (placed_on);',
    );
    expect(rightIndex.passed).toBe(true);
    const wrongIndex = await submit(
      'index-for-a-day',
      'CREATE INDEX orders_customer_id_idx ON orders (customer_id);',
    );
    expect(wrongIndex.passed).toBe(false);
    expect(wrongIndex.failedChecks[0]).toMatchObject({ index: 0, kind: 'plan' });
    expect(wrongIndex.failedChecks[0]!.message).toMatch(/Seq Scan/);

    const unique = await submit(
      'unique-emails',
      'ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);',
    );
    expect(unique.passed).toBe(true);
    // Deleting rows to make the constraint fit changes the customers: the state check fails.
    const destructive = await submit(
      'unique-emails',
      'DELETE FROM customers WHERE id <> (SELECT min(id) FROM customers); ALTER TABLE customers ADD UNIQUE (email);',
    );
    expect(destructive.passed).toBe(false);
    expect(destructive.failedChecks.map((check) => check.index)).toContain(1);
  });

  it('reports a SQL error as a failed attempt with its line', async () => {
    await signedInLearner();
    const result = await submit('revenue-per-customer', 'SELECT name\nFROM customerz');
    expect(result.passed).toBe(false);
    expect(result.failedChecks[0]!.message).toMatch(/line 2.*customerz/);
  });
});

describe('limits', () => {
  it('stops SQL that runs longer than the time limit, replaces the worker, and records nothing', async () => {
    const user = await signedInLearner();
    await expect(submit('revenue-per-customer', 'SELECT pg_sleep(60)')).rejects.toThrow(
      timeLimitMessage,
    );
    await expect(
      submit('revenue-per-customer', 'SELECT count(*) FROM orders a, orders b, orders c, orders d'),
    ).rejects.toThrow(`Stopped after ${labLimits.seconds} s`);
    expect(await attemptsOf(user.id)).toEqual([]);
    // The next submission is graded normally by a new worker.
    await expect(submit('revenue-per-customer', revenue.right)).resolves.toMatchObject({
      passed: true,
    });
  });

  it('refuses too many rows, too many statements and too much SQL, naming the limit', async () => {
    const user = await signedInLearner();
    await expect(
      submit('revenue-per-customer', `SELECT * FROM generate_series(1, 20000)`),
    ).rejects.toThrow(
      `Statement 1 returned 20,000 rows: the limit is ${labLimits.rowsReturned.toLocaleString('en')}.`,
    );
    const tooMany = Array.from({ length: labLimits.statements + 1 }, () => 'SELECT 1;').join('\n');
    await expect(submit('revenue-per-customer', tooMany)).rejects.toThrow(
      `Your SQL has ${labLimits.statements + 1} statements: the limit is ${labLimits.statements}.`,
    );
    const tooLong = `SELECT 1 -- ${'x'.repeat(labLimits.sqlCharacters)}`;
    await expect(submit('revenue-per-customer', tooLong)).rejects.toThrow(
      'SQL can be at most 20,000 characters.',
    );
    expect(await attemptsOf(user.id)).toEqual([]);
  });

  it('rate-limits submissions per learner, with the wait in the message', async () => {
    const user = await signedInLearner();
    const db = await getDb();
    // The learner has used up this minute's submissions.
    await db.insert(authThrottles).values({
      key: labSubmissionKey(user.id),
      count: labSubmissionLimit.submissions,
      expiresAt: new Date(Date.now() + 45_000),
    });
    await expect(submit('revenue-per-customer', revenue.right)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/You can submit 10 times a minute\. Wait \d+ seconds/),
    });
    expect(await attemptsOf(user.id)).toEqual([]);
    // Another learner is not affected.
    await signedInLearner();
    await expect(submit('revenue-per-customer', revenue.right)).resolves.toMatchObject({
      passed: true,
    });
  });
});

describe('recording', () => {
  it('records a submission sent several times at once exactly once', async () => {
    const user = await signedInLearner();
    const submissionId = randomUUID();
    const results = await Promise.all(
      [1, 2, 3].map(() => submit('revenue-per-customer', revenue.innerJoin, submissionId)),
    );
    for (const result of results) {
      expect(result).toMatchObject({ submissionId, passed: false });
      expect(result.task).toEqual({ passed: false, attempts: 1 });
    }
    expect(await attemptsOf(user.id)).toHaveLength(1);
    expect(await progressOf(user.id, 'revenue-per-customer')).toMatchObject({ attempts: 1 });
    // Sent again later (a retry), it is answered from the record.
    await expect(
      submit('revenue-per-customer', revenue.innerJoin, submissionId),
    ).resolves.toMatchObject({ passed: false, task: { attempts: 1 } });
    expect(await attemptsOf(user.id)).toHaveLength(1);
  });

  it('never takes a passed task back, whatever the order of concurrent submissions', async () => {
    const user = await signedInLearner();
    await Promise.all([
      submit('revenue-per-customer', revenue.innerJoin),
      submit('revenue-per-customer', revenue.right),
      submit('revenue-per-customer', revenue.innerJoin),
    ]);
    const later = await submit('revenue-per-customer', revenue.innerJoin);
    expect(later.passed).toBe(false);
    expect(later.task).toEqual({ passed: true, attempts: 4 });
    const progress = await progressOf(user.id, 'revenue-per-customer');
    expect(progress?.attempts).toBe(4);
    expect(progress?.passedAt).toBeInstanceOf(Date);
    expect(await attemptsOf(user.id)).toHaveLength(4);
  });

  it('refuses a submission id reused for another task', async () => {
    await signedInLearner();
    const submissionId = randomUUID();
    await submit('revenue-per-customer', revenue.right, submissionId);
    await expect(submit('unique-emails', 'SELECT 1', submissionId)).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('needs a signed-in learner, a lab and a task that exist', async () => {
    signInAs(null);
    await expect(submit('revenue-per-customer', revenue.right)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await signedInLearner();
    await expect(
      submitLabTask({
        labId: 'no-such-lab',
        taskId: 'x',
        sql: 'SELECT 1',
        submissionId: randomUUID(),
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(submit('no-such-task', 'SELECT 1')).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      submitLabTask({ labId, taskId: 'revenue-per-customer', sql: 'SELECT 1', submissionId: 'x' }),
    ).rejects.toThrow('Not a submission id.');
  });
});

describe('the review queue', () => {
  it('lists a failed task until a submission passes it', async () => {
    await signedInLearner();
    await submit('revenue-per-customer', revenue.innerJoin);
    await submit('revenue-per-customer', revenue.innerJoin);
    await submit(
      'unique-emails',
      'ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);',
    );
    expect(await listMyLabTasksToRetry()).toEqual([
      {
        labId,
        taskId: 'revenue-per-customer',
        taskTitle: 'Revenue per customer',
        labTitle: 'Customers and their orders',
        // No lesson of the course embeds the fixture lab.
        lesson: null,
        attempts: 2,
        lastAttemptAt: expect.any(String),
      },
    ]);
    await submit('revenue-per-customer', revenue.right);
    expect(await listMyLabTasksToRetry()).toEqual([]);
  });
});

describe('drafts', () => {
  it('saves the editor text per task (saving again replaces it) and returns it with the task states', async () => {
    const user = await signedInLearner();
    await saveLabDraft({ labId, taskId: 'revenue-per-customer', body: 'SELECT name' });
    await Promise.all([
      saveLabDraft({ labId, taskId: 'revenue-per-customer', body: 'SELECT name,' }),
      saveLabDraft({ labId, taskId: 'unique-emails', body: 'ALTER TABLE customers' }),
    ]);
    await saveLabDraft({ labId, taskId: 'revenue-per-customer', body: revenue.innerJoin });
    // A failed submission leaves the saved text as it is.
    await submit('revenue-per-customer', revenue.innerJoin);
    const state = await getMyLabState({ labId });
    expect(state.tasks).toEqual([
      {
        taskId: 'revenue-per-customer',
        passed: false,
        passedAt: null,
        attempts: 1,
        draft: revenue.innerJoin,
      },
      { taskId: 'index-for-a-day', passed: false, passedAt: null, attempts: 0, draft: null },
      {
        taskId: 'unique-emails',
        passed: false,
        passedAt: null,
        attempts: 0,
        draft: 'ALTER TABLE customers',
      },
    ]);
    signInAs((await createTestUser()).id);
    expect((await getMyLabState({ labId })).tasks.every((task) => task.draft === null)).toBe(true);
    signInAs(user.id);
  });

  it('refuses text over the size limit, control characters, unknown labs and signed-out saves', async () => {
    await signedInLearner();
    await expect(
      saveLabDraft({
        labId,
        taskId: 'revenue-per-customer',
        body: 'x'.repeat(labLimits.sqlCharacters + 1),
      }),
    ).rejects.toThrow('SQL can be at most 20,000 characters.');
    await expect(
      saveLabDraft({ labId, taskId: 'revenue-per-customer', body: 'SELECT \u0000' }),
    ).rejects.toThrow(/control characters/);
    await expect(
      saveLabDraft({ labId: 'no-such-lab', taskId: 'revenue-per-customer', body: 'SELECT 1' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    signInAs(null);
    await expect(
      saveLabDraft({ labId, taskId: 'revenue-per-customer', body: 'SELECT 1' }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
