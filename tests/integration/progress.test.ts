import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openLessonAction, setLessonCompletionAction } from '@/app/(learn)/actions';
import { getDb } from '@/db/client';
import { lessonProgress } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { getDashboard, recordLessonOpened, setLessonCompletion } from '@/lib/dal/progress';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lessons = listLessons();
const firstLesson = lessons[0]!;
const secondLesson = lessons[1] ?? firstLesson;

async function progressRows(userId: string, lessonId?: string) {
  const db = await getDb();
  return db
    .select()
    .from(lessonProgress)
    .where(
      lessonId
        ? and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId))
        : eq(lessonProgress.userId, userId),
    );
}

async function countAllRows() {
  const db = await getDb();
  return (await db.select({ id: lessonProgress.lessonId }).from(lessonProgress)).length;
}

describe('lesson progress', () => {
  beforeEach(() => signInAs(null));

  it('rejects every write without a session and writes nothing', async () => {
    const before = await countAllRows();
    await expect(recordLessonOpened({ lessonId: firstLesson.id })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    await expect(
      setLessonCompletion({ lessonId: firstLesson.id, completed: true }),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    // The server actions themselves (each is a public POST endpoint) answer the same way.
    const rejected = { status: 'error', code: 'unauthenticated', message: 'Sign in to do that.' };
    expect(await setLessonCompletionAction(firstLesson.id, true)).toEqual(rejected);
    expect(await openLessonAction(firstLesson.id)).toEqual(rejected);
    expect(await countAllRows()).toBe(before);
  });

  it('records an opened lesson once as started, however often it is opened', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const first = await recordLessonOpened({ lessonId: firstLesson.id });
    await recordLessonOpened({ lessonId: firstLesson.id });
    expect(first).toEqual({
      lessonId: firstLesson.id,
      status: 'started',
      completedAt: null,
      updated: false,
    });
    expect(await progressRows(user.id)).toHaveLength(1);
  });

  it('refuses lessons that are not in the content index and malformed ids, writing nothing', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await expect(
      setLessonCompletion({ lessonId: 'the-role/no-such-lesson', completed: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const invalid = await setLessonCompletionAction('../../etc/passwd', true);
    expect(invalid.status).toBe('invalid');
    // A hand-made request can send any JSON: the action validates it too.
    const wrongType = await setLessonCompletionAction(firstLesson.id, 'yes' as unknown as boolean);
    expect(wrongType.status).toBe('invalid');
    const notFound = await setLessonCompletionAction('the-role/not-a-lesson', true);
    expect(notFound).toMatchObject({ status: 'error', code: 'not_found' });
    expect(await progressRows(user.id)).toHaveLength(0);
  });

  it('completes and un-completes a lesson, keeping the first completion date', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const done = await setLessonCompletion({ lessonId: firstLesson.id, completed: true });
    expect(done.status).toBe('completed');
    expect(done.completedAt).not.toBeNull();
    const again = await setLessonCompletion({ lessonId: firstLesson.id, completed: true });
    expect(again.completedAt).toBe(done.completedAt);
    const undone = await setLessonCompletion({ lessonId: firstLesson.id, completed: false });
    expect(undone).toEqual({
      lessonId: firstLesson.id,
      status: 'started',
      completedAt: null,
      updated: false,
    });
    // Opening a completed lesson does not reset it.
    await setLessonCompletion({ lessonId: firstLesson.id, completed: true });
    expect((await recordLessonOpened({ lessonId: firstLesson.id })).status).toBe('completed');
  });

  it('leaves exactly one row after 20 concurrent completions', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        setLessonCompletion({ lessonId: secondLesson.id, completed: true }),
      ),
    );
    expect(results.every((result) => result.status === 'completed')).toBe(true);
    const rows = await progressRows(user.id, secondLesson.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('completed');
  });

  it("only ever touches the signed-in user's own rows", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    signInAs(alice.id);
    await setLessonCompletion({ lessonId: firstLesson.id, completed: true });
    signInAs(bob.id);
    const dashboard = await getDashboard();
    expect(dashboard.completed).toBe(0);
    expect(await progressRows(bob.id)).toHaveLength(0);
    expect((await progressRows(alice.id))[0]?.status).toBe('completed');
  });

  it('summarises progress for the dashboard: percent, modules and where to continue', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const empty = await getDashboard();
    expect(empty).toMatchObject({
      hasProgress: false,
      total: lessons.length,
      completed: 0,
      percent: 0,
    });
    expect(empty.continueLesson?.id).toBe(firstLesson.id);

    await setLessonCompletion({ lessonId: firstLesson.id, completed: true });
    const dashboard = await getDashboard();
    expect(dashboard).toMatchObject({ hasProgress: true, completed: 1 });
    expect(dashboard.percent).toBe(Math.round(100 / lessons.length));
    expect(dashboard.continueLesson?.id).toBe(lessons[1]?.id);
    const firstModule = dashboard.modules.find(
      (candidate) => candidate.slug === firstLesson.moduleSlug,
    );
    expect(firstModule?.completed).toBe(1);
    // Marked complete by hand, its quiz not passed yet.
    expect(firstModule?.lessons.find((lesson) => lesson.id === firstLesson.id)?.state).toBe(
      'quiz-not-passed',
    );

    signInAs(null);
    await expect(getDashboard()).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
