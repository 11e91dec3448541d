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

test('a learner downloads their data, then deletes their account with their password', async ({
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
  expect(exported.reviewSchedule).toEqual([]);
  expect(exported.cohortsOwned).toEqual([]);
  expect(JSON.stringify(exported)).not.toMatch(/argon2/);

  const deletion = page.getByRole('region', { name: 'Delete my account' });
  const password = deletion.getByLabel('Your password');
  const deleteButton = deletion.getByRole('button', { name: 'Delete my account' });
  // The typed e-mail is gone: the password confirms.
  await expect(deletion.getByLabel(/to confirm/)).toHaveCount(0);
  await deleteButton.click();
  await expect(deletion.getByTestId('password-error')).toHaveText(
    'Enter your password to confirm.',
  );
  await expect(password).toHaveAttribute('aria-describedby', /password-error/);
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await password.fill('not my password at all');
  await deleteButton.click();
  await expect(deletion.getByTestId('password-error')).toHaveText(
    'Your current password is not correct.',
  );
  // A password is never given back to the page.
  await expect(password).toHaveValue('');
  await password.fill(newUser.password);
  await deleteButton.click();
  await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();

  await auth.signIn(newUser);
  await expect(page.getByTestId('form-error')).toContainText('do not match');
});

test('guesses of the current password stop after five, on both forms, even the right one', async ({
  page,
  auth,
  newUser,
}) => {
  await auth.signUp(newUser);
  await page.goto('/account');
  const change = page.getByRole('region', { name: 'Change password' });
  const current = change.getByLabel('Current password');
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await current.fill(`wrong guess number ${attempt}`);
    await change.getByLabel('New password').fill(`${newUser.password} renewed`);
    await change.getByRole('button', { name: 'Change password' }).click();
    // The form is reset once the answer is in; the password typed is not given back.
    await expect(current).toHaveValue('');
    await expect(change.getByTestId('currentPassword-error')).toHaveText(
      'Your current password is not correct.',
    );
    await expect(current).toHaveAttribute('aria-describedby', 'currentPassword-error');
  }
  await current.fill(newUser.password);
  await change.getByLabel('New password').fill(`${newUser.password} renewed`);
  await change.getByRole('button', { name: 'Change password' }).click();
  await expect(change.getByTestId('form-error')).toContainText(
    'Too many wrong passwords. Wait 15 minutes and try again.',
  );

  // The deletion form counts towards the same limit.
  const deletion = page.getByRole('region', { name: 'Delete my account' });
  await deletion.getByLabel('Your password').fill(newUser.password);
  await deletion.getByRole('button', { name: 'Delete my account' }).click();
  await expect(deletion.getByTestId('form-error')).toContainText('Wait 15 minutes');

  // Nothing changed: the old password still signs in, and the account is still there.
  await auth.signOut();
  await auth.signIn(newUser);
  await expect(page).toHaveURL(/\/dashboard$/);
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
