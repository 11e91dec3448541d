import type { Page } from '@playwright/test';
import { loadCourse } from '../lib/content/load';
import type { Role } from './accounts';
import { browserAs, expect, test } from './fixtures';

const lesson = loadCourse({ includeDrafts: false }).lessons[0]!;
const unknownCohort = '/cohorts/00000000-0000-4000-8000-000000000000';

// Every page that only some roles may open: who may, its heading for them, and the 403 page's
// heading for everyone else.
const rolePages: { path: string; roles: Role[]; heading: string; refused: string }[] = [
  { path: '/admin/users', roles: ['admin'], heading: 'Users', refused: 'Admins only' },
  { path: '/admin/audit', roles: ['admin'], heading: 'Audit log', refused: 'Admins only' },
  { path: '/admin/cohorts', roles: ['admin'], heading: 'Cohorts', refused: 'Admins only' },
  {
    path: '/preview',
    roles: ['instructor', 'admin'],
    heading: 'Draft lessons',
    refused: 'Instructors and admins only',
  },
  {
    path: `/preview/${lesson.moduleSlug}/${lesson.slug}`,
    roles: ['instructor', 'admin'],
    heading: lesson.title,
    refused: 'Instructors and admins only',
  },
  {
    path: '/cohorts/new',
    roles: ['instructor', 'admin'],
    heading: 'New cohort',
    refused: 'Instructors and admins only',
  },
];

/** Creates a cohort through the form (as an instructor or admin); returns its address and code. */
async function createCohort(page: Page, name: string) {
  await page.goto('/cohorts/new');
  await page.getByLabel('Cohort name').fill(name);
  await page.getByRole('button', { name: 'Create cohort' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return {
    url: new URL(page.url()).pathname,
    code: (await page.getByTestId('invite-code').innerText()).trim(),
  };
}

test('signed out, every role-protected page and export sends the visitor to sign in and back', async ({
  page,
  request,
}) => {
  const paths = [
    ...rolePages.map((rolePage) => rolePage.path),
    unknownCohort,
    `${unknownCohort}/export`,
  ];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(400);
    const location = new URL(response.headers()['location']!, 'http://localhost');
    expect(location.pathname, path).toBe('/sign-in');
    expect(location.searchParams.get('callbackUrl'), path).toBe(path);
  }
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Sign in');
  // Route handlers outside the signed-in paths answer 401 instead.
  const progress = await request.put('/api/progress', {
    data: { lessonId: lesson.id, completed: true },
  });
  expect(progress.status()).toBe(401);
});

for (const role of ['learner', 'instructor', 'admin'] as const) {
  test(`as ${role}, role-protected pages answer 200 when allowed and 403 with a forbidden page otherwise`, async ({
    browser,
    newUser,
  }) => {
    const { context, page } = await browserAs(browser, role, newUser);
    for (const rolePage of rolePages) {
      const response = await page.goto(rolePage.path);
      if (rolePage.roles.includes(role)) {
        expect(response?.status(), rolePage.path).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(rolePage.heading);
      } else {
        expect(response?.status(), rolePage.path).toBe(403);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(rolePage.refused);
        // The site header stays, and the page offers a way on.
        await expect(page.getByRole('banner').getByRole('link', { name: 'Course' })).toBeVisible();
        const main = page.getByRole('main');
        await expect(main.getByRole('link', { name: 'Your dashboard' })).toHaveAttribute(
          'href',
          '/dashboard',
        );
        await expect(main.getByRole('link', { name: 'Browse the course' })).toHaveAttribute(
          'href',
          '/learn',
        );
      }
    }
    // Unknown addresses are 404, whoever asks.
    for (const path of [
      unknownCohort,
      '/cohorts/not-a-cohort',
      '/preview/no-such-module/no-such-lesson',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(
        role === 'learner' && path.startsWith('/preview') ? 403 : 404,
      );
    }
    await context.close();
  });
}

test('a cohort is 404 to a learner outside it, and /cohorts names only a cohort they joined, by its real name', async ({
  browser,
  newUser,
}) => {
  const instructor = await browserAs(browser, 'instructor', newUser);
  const name = `Night & Day <i>${Date.now()}</i>`;
  const cohort = await createCohort(instructor.page, name);
  const cohortId = cohort.url.split('/').pop()!;

  const learner = await browserAs(browser, 'learner', newUser);
  const { page } = learner;
  const outside = await page.goto(cohort.url);
  expect(outside?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  expect((await page.request.get(`${cohort.url}/export`)).status()).toBe(404);

  // The address cannot put text on the page, and names no cohort the learner is not in.
  const main = page.getByRole('main');
  for (const joined of ['<script>alert(1)</script>', 'You own everything', cohortId]) {
    const response = await page.goto(`/cohorts?joined=${encodeURIComponent(joined)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cohorts');
    await expect(page.getByRole('status')).toHaveCount(0);
    await expect(main).not.toContainText(joined, { useInnerText: true });
    await expect(main).not.toContainText('You joined', { useInnerText: true });
  }

  // Joining through the form names the cohort as it is called, from the database.
  await page.goto('/cohorts/join');
  await page.getByLabel('Invite code').fill(cohort.code);
  await page.getByRole('button', { name: 'Join cohort' }).click();
  await expect(page).toHaveURL(new RegExp(`/cohorts\\?joined=${cohortId}$`));
  await expect(page.getByRole('status')).toHaveText(`You joined ${name}.`);
  const member = await page.goto(cohort.url);
  expect(member?.status()).toBe(200);

  // The admin sees any cohort's dashboard.
  const admin = await browserAs(browser, 'admin', newUser);
  const asAdmin = await admin.page.goto(cohort.url);
  expect(asAdmin?.status()).toBe(200);
  await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText(name);
  for (const opened of [instructor, learner, admin]) await opened.context.close();
});

test('the admin user search explains a query it cannot run instead of failing', async ({
  browser,
  newUser,
}) => {
  const { context, page } = await browserAs(browser, 'admin', newUser);
  const search = page.getByRole('searchbox', { name: 'Search users' });
  const long = 'a'.repeat(300);
  const cases = [
    { q: encodeURIComponent(long), message: 'Search for at most 100 characters', kept: long },
    { q: 'ada%00lovelace', message: 'control characters', kept: /^ada.lovelace$/ },
  ];
  for (const { q, message, kept } of cases) {
    const response = await page.goto(`/admin/users?q=${q}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('user-search-error')).toContainText(message);
    await expect(search).toHaveValue(kept);
    await expect(search).toHaveAttribute('aria-describedby', 'user-search-error');
    await expect(page.getByRole('table')).toHaveCount(0);
  }
  // A valid search still lists.
  await page.goto('/admin/users?q=admin%40example.com');
  await expect(page.getByRole('row', { name: /admin@example\.com/ })).toHaveCount(1);
  await context.close();
});
