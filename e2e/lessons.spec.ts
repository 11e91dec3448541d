import { loadCourse } from '../lib/content/load';
import { expect, test } from './fixtures';

const lessons = loadCourse({ includeDrafts: false }).lessons;

test('the course outline lists every module and lesson in order', async ({ page }) => {
  await page.goto('/learn');
  // The outline's links (the page also invites visitors to sign in).
  const links = page.getByRole('main').getByRole('list').first().getByRole('link');
  await expect(links).toHaveCount(lessons.length);
  for (const [index, lesson] of lessons.entries()) {
    await expect(links.nth(index)).toHaveAttribute('href', lesson.href);
  }
});

test('every lesson page renders its title, quiz questions and further reading', async ({
  page,
}) => {
  test.setTimeout(30_000 + lessons.length * 3_000);
  for (const lesson of lessons) {
    const response = await page.goto(lesson.href);
    expect(response?.status(), lesson.href).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), lesson.href).toHaveText(lesson.title);
    const quiz = page.getByRole('region', { name: 'Check your understanding' });
    await expect(quiz.getByRole('group'), lesson.href).toHaveCount(lesson.quiz.length);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Further reading' }),
      lesson.href,
    ).toBeVisible();
  }
});

test('quiz answers and explanations never reach the browser', async ({ page }) => {
  const escapeHtml = (text: string) =>
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#x27;');
  for (const lesson of lessons.slice(0, 5)) {
    const response = await page.goto(lesson.href);
    const html = (await response?.text()) ?? '';
    // Neither the rendered HTML nor the inline RSC payload carries the quiz's answer fields.
    expect(html).not.toMatch(/\\?"(answer|explanation)\\?":/);
    for (const question of lesson.quiz) {
      expect(html, lesson.href).toContain(
        escapeHtml(question.question.split('`')[0]!.slice(0, 30)),
      );
      expect(html, lesson.href).not.toContain(escapeHtml(question.explanation));
      expect(html, lesson.href).not.toContain(JSON.stringify(question.explanation).slice(1, -1));
    }
  }
});

test('code tabs switch with the keyboard and remember the chosen language', async ({ page }) => {
  const lesson = lessons.find((candidate) => candidate.body.includes('<CodeTabs>'));
  test.skip(!lesson, 'no lesson uses CodeTabs');
  await page.goto(lesson!.href);
  // The tabs answer keys once the page is hydrated (its scripts load after the first paint); the
  // header's sign-in link appears only then.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const tablist = page.getByRole('tablist').first();
  const tabs = tablist.getByRole('tab');
  const first = tabs.first();
  const second = tabs.nth(1);
  const secondLabel = (await second.innerText()).trim();

  await first.focus();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(first).toHaveAttribute('aria-selected', 'false');
  const panel = page.locator(`#${await second.getAttribute('aria-controls')}`);
  await expect(panel).toBeVisible();

  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true');

  // Choose the second language again, reload: the choice is remembered.
  await second.click();
  await page.reload();
  await expect(
    page.getByRole('tablist').first().getByRole('tab', { name: secondLabel }),
  ).toHaveAttribute('aria-selected', 'true');
});

test('the authoring guide renders every component live', async ({ page }) => {
  await page.goto('/authoring');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Authoring guide');
  for (const name of ['Callout', 'CodeTabs', 'Tabs', 'Steps', 'Figure', 'Term']) {
    await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('tab', { name: 'Laravel' })).toBeVisible();
  await expect(page.getByRole('img', { name: /load balancer/ })).toBeVisible();
});

test('the table of contents marks the section being read', async ({ page }) => {
  const lesson = lessons.find((candidate) => candidate.headings.length >= 4)!;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(lesson.href);
  const target = lesson.headings[3]!;
  await page.locator(`#${target.id}`).scrollIntoViewIfNeeded();
  await page.evaluate(
    (id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }),
    target.id,
  );
  const toc = page.getByRole('navigation', { name: 'On this page' }).last();
  await expect(toc.getByRole('link', { name: target.text, exact: true })).toHaveAttribute(
    'aria-current',
    'location',
  );
});
