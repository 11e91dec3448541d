// The data export and the account deletion follow the schema: every foreign key to users.id found
// in db/schema must be in the export (lib/dal/account.ts userReferenceExports says where), and
// after deleteMyAccount no row may reference the user, each key acting as its ON DELETE says.
import { and, count, eq, getTableName, is, or, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import * as schema from '@/db/schema';
import {
  accounts,
  auditLog,
  bookmarks,
  cohortMembers,
  cohorts,
  labAttempts,
  labDrafts,
  labTaskProgress,
  lessonNotes,
  lessonProgress,
  notifications,
  passwordResetTokens,
  quizAttempts,
  reviewItems,
  sessions,
  users,
} from '@/db/schema';
import { listLessons } from '@/lib/content';
import { deleteMyAccount, exportMyData, userReferenceExports } from '@/lib/dal/account';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

interface UserReference {
  table: PgTable;
  tableName: string;
  column: PgColumn;
  columnName: string;
  onDelete: string;
  primaryKey: PgColumn[];
}

/** Every column in db/schema that references users.id, read from the drizzle table definitions. */
function findUserReferences(): UserReference[] {
  const found: UserReference[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const foreignKey of config.foreignKeys) {
      const { columns, foreignTable, foreignColumns } = foreignKey.reference();
      if (getTableName(foreignTable) !== getTableName(users)) continue;
      expect(
        foreignColumns.map((column) => column.name),
        `${config.name}: a reference to users must be to users.id`,
      ).toEqual(['id']);
      const [column] = columns;
      const primaryKey =
        config.primaryKeys[0]?.columns ?? config.columns.filter((candidate) => candidate.primary);
      expect(primaryKey.length, `${config.name} needs a primary key`).toBeGreaterThan(0);
      found.push({
        table: value,
        tableName: config.name,
        column: column!,
        columnName: column!.name,
        onDelete: foreignKey.onDelete ?? 'no action',
        primaryKey,
      });
    }
  }
  return found;
}

const label = (reference: UserReference) => `${reference.tableName}.${reference.columnName}`;

async function countRows(table: PgTable, where: SQL | undefined): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ rows: count() }).from(table).where(where);
  return row?.rows ?? 0;
}

/**
 * One row (at least) for `user` in every table that references users, by direct inserts. A new
 * table with a user reference needs a row here: the test says so.
 */
async function seedUserRows(
  user: { id: string },
  other: { id: string },
  recipient: { id: string },
) {
  const db = await getDb();
  const [lesson] = listLessons();
  const lessonId = lesson!.id;
  const unique = `${user.id}`;
  await db.insert(accounts).values({
    userId: user.id,
    type: 'oauth',
    provider: 'github',
    providerAccountId: `gh-${unique}`,
  });
  await db.insert(sessions).values({
    sessionToken: `session-${unique}`,
    userId: user.id,
    expires: new Date(Date.now() + 86_400_000),
  });
  await db.insert(passwordResetTokens).values({
    tokenHash: `reset-${unique}`,
    userId: user.id,
    expiresAt: new Date(Date.now() + 1_800_000),
  });
  await db.insert(lessonProgress).values({ userId: user.id, lessonId });
  await db
    .insert(quizAttempts)
    .values({ userId: user.id, lessonId, answers: ['choice-a', 'choice-b'], correct: 1, total: 2 });
  await db.insert(reviewItems).values({
    userId: user.id,
    lessonId,
    questionIndex: 1,
    question: 'A question the user got wrong',
    dueAt: new Date(Date.now() + 86_400_000),
  });
  await db.insert(lessonNotes).values({ userId: user.id, lessonId, body: 'My own note' });
  await db.insert(bookmarks).values({ userId: user.id, lessonId });
  await db.insert(labAttempts).values({
    userId: user.id,
    submissionId: `submission-${unique}`,
    labId: 'coverage-lab',
    taskId: 'first-task',
    passed: false,
    failedChecks: [{ index: 0, kind: 'result', message: '1 row missing' }],
    sql: 'SELECT 1',
  });
  await db
    .insert(labTaskProgress)
    .values({ userId: user.id, labId: 'coverage-lab', taskId: 'first-task', attempts: 1 });
  await db.insert(labDrafts).values({
    userId: user.id,
    labId: 'coverage-lab',
    taskId: 'first-task',
    body: 'SELECT 1',
  });
  // A cohort the user owns (with a member), and another person's cohort the user belongs to.
  const [owned] = await db
    .insert(cohorts)
    .values({ name: 'Owned by the user', ownerId: user.id, inviteCode: `own-${unique}` })
    .returning({ id: cohorts.id });
  await db.insert(cohortMembers).values({ cohortId: owned!.id, userId: recipient.id });
  const [joined] = await db
    .insert(cohorts)
    .values({ name: "Someone else's cohort", ownerId: other.id, inviteCode: `join-${unique}` })
    .returning({ id: cohorts.id });
  await db.insert(cohortMembers).values([
    { cohortId: joined!.id, userId: user.id, role: 'lead' },
    { cohortId: joined!.id, userId: recipient.id },
  ]);
  // A nudge to the user, and one the user sent as a lead.
  await db.insert(notifications).values([
    {
      userId: user.id,
      cohortId: joined!.id,
      senderId: other.id,
      kind: 'nudge',
      message: 'Keep going',
      dedupeKey: `to-${unique}`,
    },
    {
      userId: recipient.id,
      cohortId: joined!.id,
      senderId: user.id,
      kind: 'nudge',
      message: 'Written by the user',
      dedupeKey: `from-${unique}`,
    },
  ]);
  // Something the user did (as an admin), and something done to them.
  await db.insert(auditLog).values([
    {
      actorId: user.id,
      action: 'role.changed',
      targetId: other.id,
      ip: '203.0.113.5',
      details: { from: 'learner', to: 'instructor' },
    },
    {
      actorId: other.id,
      action: 'role.changed',
      targetId: user.id,
      ip: '198.51.100.5',
      details: { from: 'learner', to: 'admin' },
    },
  ]);
}

describe('the export and the deletion cover every table that references a user', () => {
  const references = findUserReferences();

  it('finds the references in the schema', () => {
    expect(references.map(label)).toEqual(
      expect.arrayContaining([
        'lesson_progress.user_id',
        'review_items.user_id',
        'cohorts.owner_id',
        'notifications.sender_id',
        'audit_log.actor_id',
      ]),
    );
  });

  it('exports, then deletes or detaches, every row that references the user', async () => {
    const user = await createTestUser({ name: 'Coverage User' });
    const other = await createTestUser({ name: 'Coverage Other' });
    const recipient = await createTestUser({ name: 'Coverage Recipient' });
    await setUserRoleByEmail({ email: other.email, role: 'instructor' });
    await seedUserRows(user, other, recipient);

    // (0) The seed has a row for every reference, so each one below is really exercised.
    for (const reference of references) {
      expect(
        await countRows(reference.table, eq(reference.column, user.id)),
        `${label(reference)} references users.id: add a row of ${reference.tableName} whose ${reference.columnName} is the user to seedUserRows() in this test`,
      ).toBeGreaterThan(0);
    }

    // (a) The export: every reference is mapped to an export key, and that key holds exactly
    // the rows that reference the user through the columns mapped to it.
    const exportKeys: Partial<Record<string, Partial<Record<string, string>>>> =
      userReferenceExports;
    for (const reference of references) {
      expect(
        exportKeys[reference.tableName]?.[reference.columnName],
        `${label(reference)} references users.id but is not in the export: select the user's rows of ${reference.tableName} in exportMyData (lib/dal/account.ts) and add { ${reference.columnName}: '<their export key>' } under ${reference.tableName} in userReferenceExports`,
      ).toBeDefined();
    }
    for (const [tableName, columns] of Object.entries(exportKeys)) {
      for (const columnName of Object.keys(columns ?? {})) {
        expect(
          references.some((ref) => ref.tableName === tableName && ref.columnName === columnName),
          `userReferenceExports lists ${tableName}.${columnName}, which does not reference users.id in db/schema`,
        ).toBe(true);
      }
    }
    signInAs(user.id);
    const exported: Record<string, unknown> = await exportMyData();
    const byKey = new Map<string, UserReference[]>();
    for (const reference of references) {
      const key = exportKeys[reference.tableName]![reference.columnName]!;
      byKey.set(key, [...(byKey.get(key) ?? []), reference]);
    }
    for (const [key, mapped] of byKey) {
      const rows = await countRows(
        mapped[0]!.table,
        or(...mapped.map((reference) => eq(reference.column, user.id))),
      );
      expect(exported[key], `export key ${key}`).toBeInstanceOf(Array);
      expect(
        exported[key],
        `the export's ${key} must hold the user's ${rows} row(s) of ${mapped.map(label).join(', ')}`,
      ).toHaveLength(rows);
    }
    expect(JSON.stringify(exported)).not.toContain(recipient.email);

    // (b) The deletion. Remember which rows referenced the user, by primary key.
    const db = await getDb();
    const seeded = new Map<UserReference, Record<string, unknown>[]>();
    for (const reference of references) {
      const keyColumns = Object.fromEntries(
        reference.primaryKey.map((column) => [column.name, column]),
      );
      seeded.set(
        reference,
        await db.select(keyColumns).from(reference.table).where(eq(reference.column, user.id)),
      );
    }
    await deleteMyAccount({ password: user.password });

    for (const reference of references) {
      expect(
        await countRows(reference.table, eq(reference.column, user.id)),
        `${label(reference)} still references the deleted user`,
      ).toBe(0);
      const rows = seeded.get(reference)!;
      const stillThere = await db
        .select({ reference: reference.column })
        .from(reference.table)
        .where(
          or(
            ...rows.map((row) =>
              and(...reference.primaryKey.map((column) => eq(column, row[column.name]))),
            ),
          ),
        );
      if (reference.onDelete === 'cascade') {
        expect(
          stillThere,
          `${label(reference)} is ON DELETE CASCADE: its rows must be gone`,
        ).toEqual([]);
      } else if (reference.onDelete === 'set null') {
        expect(
          stillThere,
          `${label(reference)} is ON DELETE SET NULL: its rows must stay, without the user`,
        ).toEqual(rows.map(() => ({ reference: null })));
      }
      // Any other rule ('no action', 'restrict'): deleteMyAccount must remove or detach those
      // rows itself before deleting the user; the count above checks that it did.
    }
    expect(await db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
  });
});
