// Signed-in browsers by role, in one place so the way e2e accounts are made can change here alone.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { demoAccounts } from '../db/demo-accounts';
import { expect } from './fixtures';
import { AuthPages, type Credentials } from './pages/auth-pages';

export type Role = 'learner' | 'instructor' | 'admin';

/**
 * A new browser context signed in with `role`: a learner is a new account made through the
 * sign-up form (from `newUser`); an instructor or admin is the demo account the e2e server seeds.
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
    await auth.signIn(demoAccounts.find((account) => account.role === role)!);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
  return { context, page };
}
