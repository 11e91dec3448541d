import { describe, expect, it, vi } from 'vitest';
import { listLessons } from '@/lib/content';
import { getLessonPreview, listDraftsForPreview } from '@/lib/dal/drafts';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const lesson = listLessons()[0]!;

describe('draft previews', () => {
  it('are refused to visitors and learners', async () => {
    signInAs(null);
    await expect(listDraftsForPreview()).rejects.toMatchObject({ code: 'unauthenticated' });
    const learner = await createTestUser();
    signInAs(learner.id);
    await expect(listDraftsForPreview()).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getLessonPreview(lesson.moduleSlug, lesson.slug)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('are open to instructors, and the role is read fresh on every request', async () => {
    const user = await createTestUser();
    await setUserRoleByEmail({ email: user.email, role: 'instructor' });
    signInAs(user.id);
    await expect(listDraftsForPreview()).resolves.toBeInstanceOf(Array);
    await expect(getLessonPreview(lesson.moduleSlug, lesson.slug)).resolves.toMatchObject({
      lesson: { id: lesson.id },
    });
    await expect(getLessonPreview(lesson.moduleSlug, 'no-such-lesson')).rejects.toMatchObject({
      code: 'not_found',
    });

    // Demoted while "signed in": the next request is refused.
    await setUserRoleByEmail({ email: user.email, role: 'learner' });
    await expect(listDraftsForPreview()).rejects.toMatchObject({ code: 'forbidden' });
  });
});
