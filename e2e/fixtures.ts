import {
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { e2eAccount, landingPaths, type Role } from './accounts';
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

export { expect };

/**
 * A new browser context signed in with `role`: a learner is a new account made through the
 * sign-up form (from `newUser`); an instructor or admin is the suite's account of that role.
 */
export async function browserAs(
  browser: Browser,
  role: Role,
  newUser: Credentials,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const auth = new AuthPages(page);
  if (role === 'learner') {
    await auth.signUp(newUser);
  } else {
    await auth.signIn(e2eAccount(role));
    await expect(page).toHaveURL(new RegExp(`${landingPaths[role]}$`));
  }
  return { context, page };
}
