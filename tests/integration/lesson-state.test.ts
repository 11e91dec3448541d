// "Completed · quiz not passed": one derivation (lib/dal/lesson-state.ts) behind the learner's
// dashboard, the outline marks, the cohort matrix and the CSV export, from the stored progress and
// quiz attempts.
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listLessons } from '@/lib/content';
import { cohortCsvColumns, cohortCsvFileName, openCohortCsv } from '@/lib/dal/cohort-export';
import {
  createCohort,
  getCohortDashboard,
  joinCohort,
  setCohortSchedule,
  updateCohortThresholds,
} from '@/lib/dal/cohorts';
import { deriveLessonState, isPassingScore, lessonStateLabels } from '@/lib/dal/lesson-state';
import { getDashboard, getMyLessonStates, setLessonCompletion } from '@/lib/dal/progress';
import { setUserRoleByEmail } from '@/lib/dal/users';
import { createTestUser } from '../support/factories';
import { signInAs } from '../support/fake-auth';

vi.mock(
  '@/lib/auth/current-session',
  async () => (await import('../support/fake-auth')).fakeAuthModule,
);

const [first, second, third] = listLessons();

/** A graded attempt as gradeQuiz stores it (the answers themselves do not matter here). */
async function recordAttempt(userId: string, lessonId: string, correct: number, total: number) {
  const db = await getDb();
  await db.execute(sql`
    insert into quiz_attempts (user_id, lesson_id, answers, correct, total)
    values (${userId}, ${lessonId}, '[]'::jsonb, ${correct}, ${total})`);
}

async function readCsv(cohortId: string) {
  const { rows, fileName } = await openCohortCsv(cohortId);
  let text = '';
  for await (const chunk of rows) text += chunk;
  return { text, fileName };
}

/** One CSV line's fields (RFC 4180 quoting; no field here spans lines). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  for (const match of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
    const field = match[1] ?? '';
    fields.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
  }
  return fields;
}

/** The CSV as records keyed by column name. */
function parseCsv(text: string) {
  const [header = '', ...lines] = text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  const columns = splitCsvLine(header);
  return lines.map((line) => {
    const values = splitCsvLine(line);
    expect(values).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((column, index) => [column, values[index] ?? '']));
  });
}

describe('lesson state derivation', () => {
  it('names every combination of progress and quiz result', () => {
    expect(deriveLessonState({ status: null, hasQuiz: true, quizPassed: false })).toBe(
      'not-started',
    );
    expect(deriveLessonState({ status: 'started', hasQuiz: true, quizPassed: true })).toBe(
      'started',
    );
    expect(deriveLessonState({ status: 'completed', hasQuiz: true, quizPassed: false })).toBe(
      'quiz-not-passed',
    );
    expect(deriveLessonState({ status: 'completed', hasQuiz: true, quizPassed: true })).toBe(
      'completed',
    );
    expect(deriveLessonState({ status: 'completed', hasQuiz: false, quizPassed: false })).toBe(
      'completed',
    );
    expect(lessonStateLabels['quiz-not-passed']).toBe('Completed · quiz not passed');
    expect(isPassingScore(2, 3)).toBe(true);
    expect(isPassingScore(1, 3)).toBe(false);
    expect(isPassingScore(0, 0)).toBe(false);
  });

  it('shows a lesson completed without a passing attempt as "quiz not passed" on the dashboard, the matrix and the CSV', async () => {
    const owner = await createTestUser({ name: 'Olga Owner' });
    await setUserRoleByEmail({ email: owner.email, role: 'instructor' });
    signInAs(owner.id);
    const { id } = await createCohort({ name: 'Équipe du soir: "B"/2' });
    const code = (await getCohortDashboard(id)).cohort.inviteCode!;
    // The first lesson was due long ago: the learner who has not completed it is behind.
    await setCohortSchedule(id, [{ unit: first!.id, dueOn: '2020-01-01' }]);
    await updateCohortThresholds(id, { inactiveDays: 30, failedQuizAttempts: 3, behindLessons: 1 });

    const learner = await createTestUser({ name: 'Lena Learner' });
    signInAs(learner.id);
    await joinCohort({ inviteCode: code });
    // Completed by hand, quiz never tried; completed after failing it; passed (which completes).
    await setLessonCompletion({ lessonId: first!.id, completed: true });
    await recordAttempt(learner.id, second!.id, 1, 3);
    await setLessonCompletion({ lessonId: second!.id, completed: true });
    await recordAttempt(learner.id, third!.id, 1, 3);
    await recordAttempt(learner.id, third!.id, 3, 3);
    await setLessonCompletion({ lessonId: third!.id, completed: true });

    const states = (await getDashboard()).modules
      .flatMap((module) => module.lessons)
      .map((lesson) => [lesson.id, lesson.state]);
    expect(states.slice(0, 3)).toEqual([
      [first!.id, 'quiz-not-passed'],
      [second!.id, 'quiz-not-passed'],
      [third!.id, 'completed'],
    ]);
    expect((await getDashboard()).completed).toBe(3);
    // The outline and the lesson sidebar get the same states, not a plain "completed" for both.
    expect(await getMyLessonStates()).toEqual({
      [first!.id]: 'quiz-not-passed',
      [second!.id]: 'quiz-not-passed',
      [third!.id]: 'completed',
    });

    const idler = await createTestUser({ name: 'Ivo Idle' });
    signInAs(idler.id);
    await joinCohort({ inviteCode: code });

    signInAs(owner.id);
    const dashboard = await getCohortDashboard(id);
    const row = dashboard.learners.find((entry) => entry.id === learner.id)!;
    expect(row.cells[first!.id]!.state).toBe('quiz-not-passed');
    expect(row.cells[second!.id]).toMatchObject({ state: 'quiz-not-passed', bestScore: 33 });
    expect(row.cells[third!.id]).toMatchObject({ state: 'completed', bestScore: 100 });
    expect(row.completed).toBe(3);

    const { text, fileName } = await readCsv(id);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(fileName).toEqual({
      ascii: 'Equipe-du-soir-B-2-progress.csv',
      utf8: 'Équipe du soir B 2 progress.csv',
    });
    const records = parseCsv(text);
    expect(Object.keys(records[0]!)).toEqual([...cohortCsvColumns]);
    const lena = records.filter((record) => record.Learner === 'Lena Learner');
    expect(lena).toHaveLength(listLessons().length);
    expect(lena.slice(0, 3).map((record) => [record['Lesson ID'], record.State])).toEqual([
      [first!.id, 'Completed · quiz not passed'],
      [second!.id, 'Completed · quiz not passed'],
      [third!.id, 'Completed'],
    ]);
    expect(lena[0]).toMatchObject({
      'E-mail': learner.email,
      Role: 'Learner',
      'Behind (lessons)': '0',
      'At risk': 'No',
    });
    expect(lena[0]!['Last active (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lena[0]!['Completed at (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lena[3]!.State).toBe('Not started');
    const ivo = records.find((record) => record.Learner === 'Ivo Idle')!;
    expect(ivo).toMatchObject({
      'E-mail': idler.email,
      'Last active (UTC)': 'Never',
      'Behind (lessons)': '1',
      'At risk': 'Behind the schedule by 1 lesson',
      State: 'Not started',
    });
  });

  it('keeps safe characters only in the file name, whatever the cohort is called', () => {
    expect(cohortCsvFileName('../../etc/passwd')).toEqual({
      ascii: 'etc-passwd-progress.csv',
      utf8: 'etc passwd progress.csv',
    });
    expect(cohortCsvFileName('"\r\n')).toEqual({
      ascii: 'cohort-progress.csv',
      utf8: 'cohort progress.csv',
    });
  });
});
