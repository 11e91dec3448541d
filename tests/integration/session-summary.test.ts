import { afterEach, describe, expect, it, vi } from 'vitest';
import { listLessons } from '@/lib/content';
import { getMyLandingPath, getMySessionSummary } from '@/lib/dal/me';
import {
  getDashboard,
  getMyContinueLesson,
  recordLessonOpened,
  setLessonCompletion,
} from '@/lib/dal/progress';
import { gradeQuiz } from '@/lib/dal/quiz';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';
import { wrongAnswers } from '../support/quiz';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

afterEach(() => {
  vi.useRealTimers();
  signInAs(null);
});

const lessons = listLessons();

describe('the session summary for the header and the static pages', () => {
  it('is null for a visitor, and for a session whose account is gone', async () => {
    signInAs(null);
    expect(await getMySessionSummary()).toBeNull();
    expect(await getMyLandingPath()).toBeNull();
    signInAs(crypto.randomUUID());
    expect(await getMySessionSummary()).toBeNull();
    expect(await getMyLandingPath()).toBeNull();
  });

  it("names the learner's next lesson and counts the questions due, and nothing else", async () => {
    const user = await createTestUser({ name: 'Summary Learner' });
    signInAs(user.id);
    expect(await getMySessionSummary()).toEqual({
      name: 'Summary Learner',
      role: 'learner',
      reviewsDue: 0,
      canPreview: false,
      isAdmin: false,
      continueLesson: { title: lessons[0]!.title, href: lessons[0]!.href },
    });

    await setLessonCompletion({ lessonId: lessons[0]!.id, completed: true });
    const quizLesson = lessons.find((lesson) => lesson.quiz.length > 0)!;
    await gradeQuiz({ lessonId: quizLesson.id, answers: wrongAnswers(quizLesson) });
    // Missed questions come back a day later.
    vi.useFakeTimers({ now: Date.now() + 2 * 86_400_000, toFake: ['Date'] });
    const later = await getMySessionSummary();
    expect(later?.reviewsDue).toBe(quizLesson.quiz.length);
    expect(later?.continueLesson?.title).not.toBe(lessons[0]!.title);
    expect(JSON.stringify(later)).not.toContain(user.email);
  });

  it('lands learners and admins on the dashboard, instructors on their cohorts', async () => {
    const expected = { learner: '/dashboard', instructor: '/cohorts', admin: '/dashboard' };
    for (const role of ['learner', 'instructor', 'admin'] as const) {
      const user = await createTestUser();
      if (role !== 'learner') await setUserRoleByEmail({ email: user.email, role });
      signInAs(user.id);
      expect(await getMyLandingPath()).toBe(expected[role]);
      const summary = await getMySessionSummary();
      expect(summary).toMatchObject({
        role,
        canPreview: role !== 'learner',
        isAdmin: role === 'admin',
      });
    }
  });

  it("names the dashboard's Continue lesson from its own query, through to the end of the course", async () => {
    const user = await createTestUser();
    signInAs(user.id);
    const dashboardNext = async () => {
      const next = (await getDashboard()).continueLesson;
      return next ? { title: next.title, href: next.href } : null;
    };
    expect(await getMyContinueLesson()).toEqual(await dashboardNext());

    // The lesson opened last, while it is not completed.
    await recordLessonOpened({ lessonId: lessons[3]!.id });
    await recordLessonOpened({ lessonId: lessons[1]!.id });
    expect(await getMyContinueLesson()).toEqual({
      title: lessons[1]!.title,
      href: lessons[1]!.href,
    });
    // Completed (here without passing its quiz): the next one that is not.
    await setLessonCompletion({ lessonId: lessons[1]!.id, completed: true });
    await setLessonCompletion({ lessonId: lessons[2]!.id, completed: true });
    expect(await getMyContinueLesson()).toEqual({
      title: lessons[3]!.title,
      href: lessons[3]!.href,
    });
    expect(await getMyContinueLesson()).toEqual(await dashboardNext());

    for (const lesson of lessons)
      await setLessonCompletion({ lessonId: lesson.id, completed: true });
    expect(await getMyContinueLesson()).toBeNull();
    expect(await getDashboard()).toMatchObject({ continueLesson: undefined });
    expect((await getMySessionSummary())?.continueLesson).toBeNull();
  });
});
