// The form pattern without JavaScript: server actions run as plain form posts, and a refused
// submission comes back as a page with the typed values and the messages tied to their fields.
import type { Locator, Page } from '@playwright/test';
import { e2eAccount } from './accounts';
import { expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

const highlighted = 'Please correct the highlighted fields.';

async function expectFieldError(
  page: Page,
  field: Locator,
  name: string,
  message: RegExp | string,
) {
  await expect(page.getByTestId(`${name}-error`)).toHaveText(message);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', new RegExp(`\\b${name}-error\\b`));
}

test('sign-up posts without JavaScript: a refused e-mail keeps the name and e-mail and says why on the field', async ({
  page,
  newUser,
}) => {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(newUser.name);
  await page.getByLabel('Email').fill('not-an-address');
  await page.getByLabel('Password').fill(newUser.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectFieldError(page, page.getByLabel('Email'), 'email', /valid e-mail/);
  await expect(page.getByTestId('form-error')).toHaveText(highlighted);
  await expect(page.getByLabel('Name')).toHaveValue(newUser.name);
  await expect(page.getByLabel('Email')).toHaveValue('not-an-address');
  await expect(page.getByLabel('Name')).not.toHaveAttribute('aria-invalid', 'true');

  // The password is never sent back: it is typed again, and the account is created.
  await page.getByLabel('Email').fill(newUser.email);
  await page.getByLabel('Password').fill(newUser.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('cohort forms post without JavaScript: new cohort keeps its values next to the error, then creates it', async ({
  page,
  auth,
}) => {
  const cohortName = `No-script guild ${Date.now()}`;
  await auth.signIn(e2eAccount('instructor'));
  await expect(page).toHaveURL(/\/cohorts$/);

  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(cohortName);
  await page.getByLabel('Start date (optional)').fill('2026-12-10');
  await page.getByLabel('End date (optional)').fill('2026-12-01');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  const end = page.getByLabel('End date (optional)');
  await expectFieldError(page, end, 'endsOn', 'The end date must not be before the start date.');
  await expect(page.getByLabel('Cohort name')).toHaveValue(cohortName);
  await expect(page.getByLabel('Start date (optional)')).toHaveValue('2026-12-10');
  await expect(end).toHaveValue('2026-12-01');

  await end.fill('2026-12-20');
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(cohortName);
  const code = (await page.getByTestId('invite-code').innerText()).trim();

  // Joining: a wrong code is kept and explained on the field; the right one joins.
  await page.goto('/cohorts/join');
  const codeField = page.getByLabel('Invite code');
  await codeField.fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Join cohort' }).click();
  await expectFieldError(page, codeField, 'inviteCode', /does not work/);
  await expect(codeField).toHaveValue('ZZZZ-ZZZZ');
  await codeField.fill(code);
  await page.getByRole('button', { name: 'Join cohort' }).click();
  await expect(page.getByRole('status')).toContainText(`You joined ${cohortName}`);
});
