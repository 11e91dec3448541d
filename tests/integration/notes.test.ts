import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { bookmarks, lessonNotes } from '@/db/schema';
import { listLessons } from '@/lib/content';
import { exportMyData } from '@/lib/dal/account';
import { getMyLessonNotes, listMyNotes, saveNote, setBookmark } from '@/lib/dal/notes';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const [first, second] = listLessons();

describe('notes and bookmarks', () => {
  it('keep one note per lesson (saves are upserts), and an empty note deletes it', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await saveNote({ lessonId: first!.id, body: 'first draft' });
    await Promise.all([
      saveNote({ lessonId: first!.id, body: 'racing a' }),
      saveNote({ lessonId: first!.id, body: 'racing b' }),
    ]);
    await saveNote({ lessonId: first!.id, body: 'Idempotency keys: one per checkout attempt.' });
    const db = await getDb();
    const rows = await db
      .select()
      .from(lessonNotes)
      .where(and(eq(lessonNotes.userId, user.id), eq(lessonNotes.lessonId, first!.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.body).toBe('Idempotency keys: one per checkout attempt.');
    await saveNote({ lessonId: first!.id, body: '   ' });
    expect(await db.select().from(lessonNotes).where(eq(lessonNotes.userId, user.id))).toHaveLength(
      0,
    );
  });

  it('bookmark idempotently, list newest first, and appear in the data export', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await setBookmark({ lessonId: first!.id, bookmarked: true });
    await setBookmark({ lessonId: first!.id, bookmarked: true });
    await setBookmark({ lessonId: second!.id, bookmarked: true });
    await setBookmark({ lessonId: second!.id, bookmarked: false });
    await saveNote({ lessonId: second!.id, body: 'Remember the lag window.' });
    const db = await getDb();
    expect(await db.select().from(bookmarks).where(eq(bookmarks.userId, user.id))).toHaveLength(1);
    expect(await getMyLessonNotes(second!.id)).toEqual({
      note: 'Remember the lag window.',
      bookmarked: false,
    });
    const mine = await listMyNotes();
    expect(mine.bookmarks.map((bookmark) => bookmark.lessonId)).toEqual([first!.id]);
    expect(mine.notes).toEqual([
      expect.objectContaining({
        lessonId: second!.id,
        body: 'Remember the lag window.',
        href: second!.href,
      }),
    ]);
    const exported = await exportMyData();
    expect(exported.notes).toEqual([expect.objectContaining({ body: 'Remember the lag window.' })]);
    expect(exported.bookmarks).toEqual([expect.objectContaining({ lessonId: first!.id })]);
  });

  it('are private: another learner sees none of them, and nothing is written without a session', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    signInAs(alice.id);
    await saveNote({ lessonId: first!.id, body: "Alice's secret note" });
    await setBookmark({ lessonId: first!.id, bookmarked: true });
    signInAs(bob.id);
    expect(await getMyLessonNotes(first!.id)).toEqual({ note: '', bookmarked: false });
    expect(await listMyNotes()).toEqual({ notes: [], bookmarks: [] });
    expect(JSON.stringify(await exportMyData())).not.toContain("Alice's secret note");
    signInAs(null);
    await expect(saveNote({ lessonId: first!.id, body: 'anonymous' })).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuse notes over the limit and unknown lessons, keeping the saved note', async () => {
    const user = await createTestUser();
    signInAs(user.id);
    await saveNote({ lessonId: first!.id, body: 'keep me' });
    await expect(saveNote({ lessonId: first!.id, body: 'x'.repeat(20_001) })).rejects.toThrow(
      /at most 20,000 characters/,
    );
    await expect(saveNote({ lessonId: 'the-role/nope', body: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await getMyLessonNotes(first!.id)).note).toBe('keep me');
  });
});
