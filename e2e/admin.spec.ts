import { e2eAccount } from './accounts';
import { expect, test } from './fixtures';

const admin = e2eAccount('admin');

test('an admin finds a user, makes them an instructor, and sees it in the audit log', async ({
  page,
  auth,
  newUser,
  browser,
}) => {
  // The new user signs up in their own browser.
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  await learnerPage.goto('/sign-up');
  await learnerPage.getByLabel('Name').fill(newUser.name);
  await learnerPage.getByLabel('Email').fill(newUser.email);
  await learnerPage.getByLabel('Password').fill(newUser.password);
  await learnerPage.getByRole('button', { name: 'Create account' }).click();
  await expect(learnerPage).toHaveURL(/\/dashboard$/);
  // As a learner, the admin pages refuse them.
  const refused = await learnerPage.goto('/admin/users');
  expect(refused?.status()).toBe(403);
  await expect(learnerPage.getByRole('heading', { name: 'Admins only' })).toBeVisible();

  await auth.signIn(admin);
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto('/admin/users');
  await page.getByRole('searchbox', { name: 'Search users' }).fill(newUser.email);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(newUser.name) });
  await expect(row).toHaveCount(1);
  await row.getByLabel(`Role of ${newUser.email}`).selectOption('instructor');
  await row.getByRole('button', { name: `Change role of ${newUser.email}` }).click();
  await expect(row.getByText('Now instructor.')).toBeVisible();

  await page.goto('/admin/audit');
  const entry = page.getByRole('row', {
    name: new RegExp(`role.changed.*${newUser.email.replace(/[.+]/g, '\\$&')}`),
  });
  await expect(entry).toContainText('admin@example.com');
  await expect(entry).toContainText('from: learner');
  await expect(entry).toContainText('to: instructor');

  // The promotion applies on the learner's next request, without signing in again.
  await learnerPage.goto('/preview');
  await expect(learnerPage.getByRole('heading', { name: 'Draft lessons' })).toBeVisible();
  await learnerContext.close();
});
