import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { SearchDialog } from './pages/search-dialog';

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

  test('a typo still finds the lesson, grouped under it, with the real count', async ({ page }) => {
    await page.goto('/search?q=indexs');
    await expect(page.getByRole('searchbox', { name: 'Search lessons' })).toHaveValue('indexs');
    // More sections match than one page shows: the summary says how many in all.
    await expect(page.getByTestId('search-summary')).toHaveText(
      /^Showing 20 of \d+ results \(\d+ lessons\) for “indexs”\.$/,
    );
    const group = page.getByRole('region', { name: /Indexes and query plans/ });
    await expect(group.getByRole('listitem').first().getByRole('link')).toHaveAttribute(
      'href',
      /^\/learn\/databases\/indexes-and-query-plans#/,
    );
    await expect(group.locator('mark').first()).toHaveText(/^index/i);
    // The next page, also without JavaScript.
    await page.getByRole('navigation', { name: 'Result pages' }).getByRole('link').click();
    await expect(page).toHaveURL(/\/search\?q=indexs&page=2$/);
    await expect(page.getByTestId('search-summary')).toHaveText(/^Showing 21–\d+ of \d+ results/);
  });

  test('N+1 is searched as written', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('N+1')}`);
    await expect(page.getByTestId('search-summary')).toHaveText(/in 3 lessons for “N\+1”\.$/);
    await expect(page.getByRole('region', { name: /GraphQL and gRPC/ })).toBeVisible();
  });
});

test('the dialog shows results as you type, grouped by lesson', async ({ page }) => {
  const search = new SearchDialog(page);
  await page.goto('/learn');
  await search.openWithShortcut();
  await page.keyboard.type('idempotancy');
  // No Enter: the results appear as the words are typed.
  await expect(search.summary()).toHaveText(
    /^Showing 20 of \d+ results \(\d+ lessons\) for “idempotancy”\.$/,
  );
  await expect(search.input()).toHaveAttribute('aria-expanded', 'true');
  const group = search.results().getByRole('group', { name: /Integrating third-party APIs/i });
  await expect(group.getByRole('option').first()).toContainText(/idempotency/i);
  // The snippet, from the lesson's text fetched for it, marks the word the typo stands for.
  await expect(group.getByRole('option').first().locator('mark').first()).toHaveText(/^idempoten/i);
  expect(await search.options().count()).toBeLessThanOrEqual(20);

  // Typing more narrows them down, still without Enter.
  await search.input().fill('N+1');
  await expect(search.summary()).toHaveText(/^\d+ results in 3 lessons for “N\+1”\.$/);
  await expect(search.results().getByRole('group')).toHaveCount(3);
});

test('arrow keys choose a result and Enter opens it; Escape closes', async ({ page }) => {
  const search = new SearchDialog(page);
  await page.goto('/learn');
  await search.openWithShortcut();
  await page.keyboard.type('write skew');
  await expect(search.options().first()).toBeVisible();
  const first = search.options().nth(0);
  const second = search.options().nth(1);

  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(search.input()).toHaveAttribute(
    'aria-activedescendant',
    (await first.getAttribute('id'))!,
  );
  await page.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(first).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(search.input()).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    /\/learn\/databases\/transactions-isolation-and-constraints#write-skew$/,
  );
  await expect(search.dialog()).toBeHidden();

  await search.openWithShortcut();
  await page.keyboard.press('Escape');
  await expect(search.dialog()).toBeHidden();
});

test('Enter without a chosen result shows every result on /search', async ({ page }) => {
  const search = new SearchDialog(page);
  await page.goto('/learn');
  await search.openWithShortcut();
  await page.keyboard.type('circuit breaker');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=circuit\+breaker/);
  await expect(page.getByTestId('search-summary')).toContainText('circuit breaker');
});

test('the shortcut is labelled Ctrl K off Apple devices', async ({ page }) => {
  await page.goto('/learn');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Search' })).toContainText(
    'Ctrl K',
  );
});

test.describe('on a Mac', () => {
  test.use({
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  });

  test('the shortcut is labelled ⌘K', async ({ page }) => {
    await page.goto('/learn');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Search' })).toContainText(
      '⌘ K',
    );
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the dialog with a chosen result, and /search, have no serious or critical axe violations (${colorScheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    const search = new SearchDialog(page);
    await page.goto('/learn');
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    await search.openWithShortcut();
    await page.keyboard.type('indexs');
    await expect(search.options().first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expectNoSeriousAxeViolations(page, `search dialog (${colorScheme})`);

    await page.goto('/search?q=indexs');
    await expectNoSeriousAxeViolations(page, `/search (${colorScheme})`);
  });
}
