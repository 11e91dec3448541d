import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bookmarks, lessonNotes } from '@/db/schema';
import { getLessonById, type Lesson } from '@/lib/content';
import { saveNoteSchema, setBookmarkSchema } from '@/lib/validations/notes';
import { requireLesson } from './progress';
import { requireUser } from './session';

/** Saves the signed-in learner's note on a lesson (an upsert; an empty note is deleted). */
export async function saveNote(input: unknown): Promise<{ savedAt: string }> {
  const user = await requireUser();
  const { lessonId, body } = saveNoteSchema.parse(input);
  requireLesson(lessonId);
  const db = await getDb();
  if (body.trim() === '') {
    await db
      .delete(lessonNotes)
      .where(and(eq(lessonNotes.userId, user.id), eq(lessonNotes.lessonId, lessonId)));
    return { savedAt: new Date().toISOString() };
  }
  const [row] = await db
    .insert(lessonNotes)
    .values({ userId: user.id, lessonId, body })
    .onConflictDoUpdate({
      target: [lessonNotes.userId, lessonNotes.lessonId],
      set: { body, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: lessonNotes.updatedAt });
  return { savedAt: (row?.updatedAt ?? new Date()).toISOString() };
}

/** Bookmarks or un-bookmarks a lesson for the signed-in learner (idempotent both ways). */
export async function setBookmark(input: unknown): Promise<{ bookmarked: boolean }> {
  const user = await requireUser();
  const { lessonId, bookmarked } = setBookmarkSchema.parse(input);
  requireLesson(lessonId);
  const db = await getDb();
  if (bookmarked) {
    await db.insert(bookmarks).values({ userId: user.id, lessonId }).onConflictDoNothing();
  } else {
    await db
      .delete(bookmarks)
      .where(and(eq(bookmarks.userId, user.id), eq(bookmarks.lessonId, lessonId)));
  }
  return { bookmarked };
}

/** The signed-in learner's note and bookmark on one lesson. */
export async function getMyLessonNotes(
  lessonId: string,
): Promise<{ note: string; bookmarked: boolean }> {
  const user = await requireUser();
  const db = await getDb();
  const [note] = await db
    .select({ body: lessonNotes.body })
    .from(lessonNotes)
    .where(and(eq(lessonNotes.userId, user.id), eq(lessonNotes.lessonId, lessonId)));
  const [bookmark] = await db
    .select({ lessonId: bookmarks.lessonId })
    .from(bookmarks)
    .where(and(eq(bookmarks.userId, user.id), eq(bookmarks.lessonId, lessonId)));
  return { note: note?.body ?? '', bookmarked: Boolean(bookmark) };
}

export interface MyNotes {
  notes: {
    lessonId: string;
    title: string;
    href: Lesson['href'];
    body: string;
    updatedAt: string;
  }[];
  bookmarks: { lessonId: string; title: string; href: Lesson['href']; createdAt: string }[];
}

/** Every note and bookmark of the signed-in learner, newest first (lessons since removed are skipped). */
export async function listMyNotes(): Promise<MyNotes> {
  const user = await requireUser();
  const db = await getDb();
  const notes = await db
    .select({
      lessonId: lessonNotes.lessonId,
      body: lessonNotes.body,
      updatedAt: lessonNotes.updatedAt,
    })
    .from(lessonNotes)
    .where(eq(lessonNotes.userId, user.id))
    .orderBy(desc(lessonNotes.updatedAt));
  const marks = await db
    .select({ lessonId: bookmarks.lessonId, createdAt: bookmarks.createdAt })
    .from(bookmarks)
    .where(eq(bookmarks.userId, user.id))
    .orderBy(desc(bookmarks.createdAt));
  const withLesson = <T extends { lessonId: string }>(rows: T[]) =>
    rows.flatMap((row) => {
      const lesson = getLessonById(row.lessonId);
      return lesson ? [{ ...row, title: lesson.title, href: lesson.href }] : [];
    });
  return {
    notes: withLesson(notes).map((note) => ({ ...note, updatedAt: note.updatedAt.toISOString() })),
    bookmarks: withLesson(marks).map((mark) => ({
      ...mark,
      createdAt: mark.createdAt.toISOString(),
    })),
  };
}
