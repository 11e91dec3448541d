import { expect, test } from './fixtures';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search finds lessons, highlights the match and links to the heading', async ({ page }) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search lessons' }).fill('write skew');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=write\+skew/);
    await expect(page.getByTestId('search-summary')).toContainText('for “write skew”');
    const first = page.getByRole('main').getByRole('listitem').first();
    await expect(first.locator('mark').first()).toHaveText(/write|skew/i);
    await expect(first.getByRole('link')).toHaveAttribute(
      'href',
      '/learn/databases/transactions-isolation-and-constraints#write-skew',
    );
  });
});

test('Ctrl+K opens the search dialog from any page', async ({ page }) => {
  await page.goto('/learn');
  // The shortcut listens once the page is hydrated; the header's sign-in link appears only then.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('circuit breaker');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=circuit\+breaker/);
  await expect(page.getByTestId('search-summary')).toContainText('circuit breaker');
});
