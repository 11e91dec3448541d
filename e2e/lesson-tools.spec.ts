// Below 1024 px the lesson's tools (progress, bookmark, note, contents) are a bar at the bottom of
// the screen, in reach anywhere in a long lesson; the note and the contents open above it.
import type { Locator } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import { expectNoSeriousAxeViolations } from './axe';
import { expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons.find(
  (candidate) => candidate.headings.length >= 6,
)!;
const viewport = { width: 390, height: 844 };

/** A 44 px target, fully on screen. */
async function expectReachable(control: Locator) {
  await expect(control).toBeInViewport({ ratio: 1 });
  const box = (await control.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

test.use({ viewport });

test('on a phone, progress, bookmark, note and contents are in reach in the middle of a lesson', async ({
  page,
  auth,
  lesson: lessonPage,
  newUser,
}) => {
  await auth.signUp(newUser);
  await lessonPage.open(lesson.href);
  const middle = lesson.headings[Math.floor(lesson.headings.length / 2)]!;
  const heading = page.locator(`[id="${middle.id}"]`);
  await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const scrolled = await page.evaluate(() => window.scrollY);

  const tools = page.getByRole('complementary', { name: 'Lesson tools' });
  const markComplete = lessonPage.progress().getByRole('button', { name: 'Mark as complete' });
  const bookmark = tools.getByRole('button', { name: 'Bookmark' });
  // The disclosures' summaries (no role of their own).
  const note = tools.locator('summary', { hasText: 'Note' });
  const contents = tools.getByRole('navigation', { name: 'On this page' });
  const contentsToggle = contents.locator('summary');
  for (const control of [markComplete, bookmark, note, contentsToggle])
    await expectReachable(control);
  // The bar sits below the text being read, not over it.
  await expect(heading).toBeInViewport();
  const bar = (await tools.boundingBox())!;
  expect(bar.y + bar.height).toBeLessThanOrEqual(viewport.height + 1);
  expect(bar.height).toBeLessThan(100);

  await markComplete.click();
  await lessonPage.expectCompleted();
  await bookmark.click();
  await expect(bookmark).toHaveAttribute('aria-pressed', 'true');

  // The note opens above the bar and saves as the learner types.
  await note.click();
  const editor = page.getByLabel('Your notes (private)');
  await expect(editor).toBeInViewport({ ratio: 1 });
  await editor.fill('Read in the middle of the lesson.');
  await expect(page.getByTestId('note-status')).toContainText('Saved at');
  await expectNoSeriousAxeViolations(page, `${lesson.href} at 390 px, note open`);

  // One panel at a time: the contents replace the note.
  await contentsToggle.click();
  await expect(editor).toBeHidden();
  const later = lesson.headings.at(-1)!;
  const laterLink = contents.getByRole('link', { name: later.text, exact: true });
  await expect(laterLink).toBeInViewport();
  await expectNoSeriousAxeViolations(page, `${lesson.href} at 390 px, contents open`);
  // Following a link goes there and closes the list.
  await laterLink.click();
  await expect(page).toHaveURL(new RegExp(`#${later.id}$`));
  await expect(laterLink).toBeHidden();
  await expect(page.locator(`[id="${later.id}"]`)).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);
});

test('on a phone, the bar comes to rest after the lesson and covers none of it', async ({
  page,
  lesson: lessonPage,
}) => {
  await lessonPage.open(lesson.href);
  const tools = page.getByRole('complementary', { name: 'Lesson tools' });
  // Signed out: the bar offers signing in, and the contents.
  await expect(
    lessonPage.progress().getByRole('link', { name: 'Sign in to track your progress' }),
  ).toBeInViewport();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const pager = page.getByRole('navigation', { name: 'Lessons' });
  await expect(pager).toBeInViewport();
  const pagerBox = (await pager.boundingBox())!;
  const bar = (await tools.boundingBox())!;
  expect(pagerBox.y + pagerBox.height).toBeLessThanOrEqual(bar.y);
});
