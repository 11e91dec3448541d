import { expect, test } from './fixtures';

// Server actions are public POST endpoints. Replaying a real "Mark as complete" request from
// another origin, or with an oversized body, must be refused and change nothing.
test('a server action from a foreign Origin, or with a body over the limit, is refused and writes nothing', async ({
  page,
  auth,
  lesson,
  newUser,
}) => {
  await auth.signUp(newUser);
  await page.goto('/learn');
  const href = (await page.getByRole('main').getByRole('link').first().getAttribute('href'))!;
  await lesson.open(href);

  const [actionRequest] = await Promise.all([
    // The completion call itself (its arguments end with `true`), not the page's other server
    // actions (progress marks, notes) that may still be running after load.
    page.waitForRequest(
      (request) =>
        request.method() === 'POST' &&
        Boolean(request.headers()['next-action']) &&
        (request.postData() ?? '').includes(',true]'),
    ),
    lesson.progress().getByRole('button', { name: 'Mark as complete' }).click(),
  ]);
  await lesson.expectCompleted();
  await lesson.progress().getByRole('button', { name: 'Mark as incomplete' }).click();
  await expect(lesson.progress().getByRole('button', { name: 'Mark as complete' })).toBeVisible();

  const headers = { ...actionRequest.headers() };
  const body = actionRequest.postData() ?? '';
  expect(body).toContain(href.split('/').slice(2).join('/')); // the lesson id travels in the body

  // Refused means an error status, or the server closing the connection on an oversized body.
  const isRefused = (options: { headers: Record<string, string>; data: string }) =>
    page.request.post(actionRequest.url(), options).then(
      (response) => !response.ok(),
      () => true,
    );

  // The same request, replayed with the user's cookies but from another site: refused, no write.
  expect(
    await isRefused({ headers: { ...headers, origin: 'https://evil.example' }, data: body }),
  ).toBe(true);
  await page.reload();
  await expect(lesson.progress().getByRole('button', { name: 'Mark as complete' })).toBeVisible();

  // The genuine replay works, so the refusal above was about the origin, not a malformed request.
  const genuine = await page.request.post(actionRequest.url(), { headers, data: body });
  expect(genuine.ok()).toBe(true);
  await page.reload();
  await lesson.expectCompleted();
  await lesson.progress().getByRole('button', { name: 'Mark as incomplete' }).click();
  await expect(lesson.progress().getByRole('button', { name: 'Mark as complete' })).toBeVisible();

  // The same request with a body over the 1 MB server action limit: refused, no write.
  expect(
    await isRefused({ headers, data: body.replace(/\]$/, `,"${'x'.repeat(1_200_000)}"]`) }),
  ).toBe(true);
  await page.reload();
  await expect(lesson.progress().getByRole('button', { name: 'Mark as complete' })).toBeVisible();
});
