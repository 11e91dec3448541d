import 'server-only';
// A cohort's progress as CSV for spreadsheets: the dashboard's own rows (states, last activity,
// behind, at risk, lab tasks passed) written out member by member, a block of members at a time.
import { getDb } from '@/db/client';
import { listLessons, listModules } from '@/lib/content';
import { listLearnerRowBlocks } from './cohort-dashboard';
import { requireDashboardAccess } from './cohorts';
import { lessonStateLabels } from './lesson-state';

/**
 * One CSV field: quoted when needed, and a value starting with =, +, -, @, tab or carriage return
 * is prefixed with ' so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const cohortCsvColumns = [
  'Learner',
  'E-mail',
  'Role',
  'Last active (UTC)',
  'Behind (lessons)',
  'At risk',
  'Module',
  'Lesson',
  'Lesson ID',
  'State',
  'Completed at (UTC)',
  'Best quiz score (%)',
  // Appended, so spreadsheets built on the columns above keep working. Counts in columns of their
  // own rather than "2/4", which a spreadsheet reads as a date.
  'Lab tasks passed (course)',
  'Lab tasks passed (lesson)',
  'Lab tasks (lesson)',
] as const;

/** "2026-12-02T05:40:12.000Z" → "2026-12-02 05:40", which spreadsheets read as a date and time. */
const csvDateTime = (iso: string | null) =>
  iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : null;

/**
 * The download's name, from the cohort's: `ascii` keeps letters, digits and dashes (for the plain
 * `filename` parameter), `utf8` keeps the name as written minus characters no file system accepts.
 */
export function cohortCsvFileName(cohortName: string): { ascii: string; utf8: string } {
  const ascii =
    cohortName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'cohort';
  const utf8 =
    cohortName
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+/, '')
      .trim()
      .slice(0, 80) || 'cohort';
  return { ascii: `${ascii}-progress.csv`, utf8: `${utf8} progress.csv` };
}

/**
 * Checks access first (so a refusal is an error, not a broken download), then streams the
 * cohort: a UTF-8 byte order mark so Excel reads the text as UTF-8, a header, and one line per
 * member and lesson. Memory stays flat for 10,000 members: one block of members at a time.
 */
export async function openCohortCsv(
  cohortId: unknown,
  now = new Date(),
): Promise<{ fileName: { ascii: string; utf8: string }; rows: AsyncGenerator<string> }> {
  const { cohort } = await requireDashboardAccess(cohortId);
  const db = await getDb();
  const lessons = listLessons();
  const moduleTitles = new Map(listModules().map((module) => [module.slug, module.title]));
  async function* rows(): AsyncGenerator<string> {
    yield `\uFEFF${cohortCsvColumns.join(',')}\r\n`;
    for await (const block of listLearnerRowBlocks(db, cohort, now)) {
      let chunk = '';
      for (const { learner, email } of block) {
        const perLearner = [
          csvField(learner.name),
          csvField(email),
          learner.role === 'lead' ? 'Lead' : 'Learner',
          csvField(csvDateTime(learner.lastActiveAt) ?? 'Never'),
          String(learner.behind),
          csvField(learner.risks.length ? learner.risks.map((risk) => risk.text).join('; ') : 'No'),
        ].join(',');
        const labTasksPassed = String(learner.labTasks.done);
        for (const lesson of lessons) {
          const cell = learner.cells[lesson.id]!;
          chunk +=
            [
              perLearner,
              csvField(moduleTitles.get(lesson.moduleSlug) ?? lesson.moduleSlug),
              csvField(lesson.title),
              csvField(lesson.id),
              csvField(lessonStateLabels[cell.state]),
              csvField(csvDateTime(cell.completedAt)),
              csvField(cell.bestScore),
              labTasksPassed,
              // Empty for a lesson without a lab, as the quiz score is for one without a quiz.
              csvField(cell.practice?.done ?? null),
              csvField(cell.practice?.total ?? null),
            ].join(',') + '\r\n';
        }
      }
      yield chunk;
    }
  }
  return { fileName: cohortCsvFileName(cohort.name), rows: rows() };
}
