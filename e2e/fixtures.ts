import { test as base } from '@playwright/test';
import { AuthPages, type Credentials } from './pages/auth-pages';
import { LessonPage } from './pages/lesson-page';

export const test = base.extend<{ auth: AuthPages; lesson: LessonPage; newUser: Credentials }>({
  auth: async ({ page }, use) => use(new AuthPages(page)),
  lesson: async ({ page }, use) => use(new LessonPage(page)),
  newUser: async ({}, use, testInfo) => {
    const id = `${Date.now()}-${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 8)}`;
    await use({
      name: `E2E Learner ${id}`,
      email: `e2e-${id}@example.test`,
      password: `a long passphrase ${id}`,
    });
  },
});

export { expect } from '@playwright/test';
