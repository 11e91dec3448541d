import { expect, test } from './fixtures';
import { AuthPages } from './pages/auth-pages';

test('a learner changes their password, stays signed in here, and signs in with the new one', async ({
  page,
  auth,
  newUser,
  browser,
}) => {
  await auth.signUp(newUser);
  // A second device, signed in before the change.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await new AuthPages(otherPage).signIn(newUser);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.goto('/account');
  await page.getByLabel('Current password').fill(newUser.password);
  await page.getByLabel('New password').fill(`${newUser.password} renewed`);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Your progress' })).toBeVisible();

  // The other device's session has ended.
  await otherPage.goto('/dashboard');
  await expect(otherPage).not.toHaveURL(/\/dashboard$/);
  await otherDevice.close();

  await auth.signOut();
  await auth.signIn(newUser);
  await expect(page.getByTestId('form-error')).toContainText('do not match');
  await auth.signIn({ email: newUser.email, password: `${newUser.password} renewed` });
  await expect(page).toHaveURL(/\/dashboard$/);
});

test('a learner downloads their data, then deletes their account after typing their e-mail', async ({
  page,
  auth,
  newUser,
}) => {
  await auth.signUp(newUser);
  await page.goto('/account');
  const download = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download my data' }).click(),
  ]).then(([event]) => event);
  const exported = JSON.parse(
    await (
      await download.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString('utf8')),
  );
  expect(exported.profile.email).toBe(newUser.email);
  expect(JSON.stringify(exported)).not.toMatch(/argon2/);

  await page.getByLabel(`Type ${newUser.email} to confirm`).fill('not-me@example.test');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByTestId('confirmEmail-error')).toContainText('not the e-mail address');
  await page.getByLabel(`Type ${newUser.email} to confirm`).fill(newUser.email);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();

  await auth.signIn(newUser);
  await expect(page.getByTestId('form-error')).toContainText('do not match');
});

test('asking for a password reset answers the same for known and unknown e-mails', async ({
  page,
  auth,
  newUser,
}) => {
  await auth.signUp(newUser);
  await auth.signOut();
  const answers: string[] = [];
  for (const email of [newUser.email, `unknown-${newUser.email}`]) {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // Wait for the new page, so typing cannot land in the page being left.
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const status = page
      .getByRole('status')
      .filter({ hasText: 'If an account uses that e-mail address' });
    await expect(status).toBeVisible();
    answers.push(await status.innerText());
  }
  expect(answers[0]).toBe(answers[1]);
  await page.goto('/reset-password?token=not-a-real-token-at-all-123456');
  await expect(page.getByText('This reset link has expired or was already used.')).toBeVisible();
});
