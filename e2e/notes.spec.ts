import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons[1]!;

test('a note survives a failing server: the editor keeps the text, says so, retries, and saves', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const notes = page.getByRole('region', { name: 'Notes and bookmark' });
  const editor = notes.getByLabel('Your notes (private)');

  await editor.fill('Replicas lag: read your own writes from the primary.');
  await expect(notes.getByTestId('note-status')).toContainText('Saved at');

  // The server starts failing every server action (a POST to the page).
  await page.route(lesson.href, (route) =>
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue(),
  );
  await editor.fill('Replicas lag: read your own writes from the primary. Sticky window: 5 s.');
  await expect(notes.getByTestId('note-status')).toContainText('Not saved yet');
  await expect(editor).toHaveValue(
    'Replicas lag: read your own writes from the primary. Sticky window: 5 s.',
  );

  // The server comes back: the retry saves the latest text.
  await page.unroute(lesson.href);
  await expect(notes.getByTestId('note-status')).toContainText('Saved at', { timeout: 15_000 });
  await page.reload();
  await expect(
    page.getByRole('region', { name: 'Notes and bookmark' }).getByLabel('Your notes (private)'),
  ).toHaveValue('Replicas lag: read your own writes from the primary. Sticky window: 5 s.');

  await page.getByRole('button', { name: 'Bookmark' }).click();
  await expect(page.getByRole('button', { name: 'Bookmark' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.goto('/notes');
  await expect(
    page.getByRole('region', { name: 'Bookmarks' }).getByRole('link', { name: lesson.title }),
  ).toBeVisible();
  await expect(page.getByText('Sticky window: 5 s.')).toBeVisible();
});
