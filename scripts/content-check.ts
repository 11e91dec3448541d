// npm run content:check [-- [--stats] [--no-cache] file ...]: validates lessons (frontmatter schema, quiz consistency,
// MDX compilation, links and anchors, empty sections, word count, required parts) and SQL labs
// (lab.yaml schema, datasets that load, solutions that pass, starters and wrong answers that fail),
// and prints every problem as file:line: message. Exits 1 if there is any.
import path from 'node:path';
import { checkLesson, getLessonStats } from '@/lib/content/check';
import { checkLabContent, checkLabEmbeds, readLabs } from '@/lib/content/check-labs';
import { ContentError, formatProblem, type ContentProblem } from '@/lib/content/errors';
import { loadCourse } from '@/lib/content/load';

async function main(): Promise<number> {
  const started = performance.now();
  const args = process.argv.slice(2);
  const stats = args.includes('--stats');
  // Labs that passed and have not changed since are not graded again, unless --no-cache.
  const cache = !args.includes('--no-cache');
  const only = args
    .filter((arg) => !arg.startsWith('--'))
    .map((file) => path.relative(process.cwd(), path.resolve(file)));
  const contentDir = process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : undefined;
  let course;
  try {
    course = loadCourse({ contentDir, includeDrafts: true });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const problems = error.problems.filter(
      (problem) => only.length === 0 || only.includes(problem.file),
    );
    for (const problem of problems) console.error(formatProblem(problem));
    console.error(
      `content: ${problems.length} problem(s) in the frontmatter or file layout; fix them first.`,
    );
    return 1;
  }
  const lessons = course.lessons.filter(
    (lesson) => only.length === 0 || only.includes(lesson.file),
  );
  const problems: ContentProblem[] = [];
  for (const lesson of lessons) problems.push(...(await checkLesson(lesson, course)));

  const labsReading = readLabs(contentDir);
  // With file arguments, a lab is checked when one of them is its folder or a file in it.
  const labFolderOf = (file: string) => /^(.*?[\\/]labs[\\/][^\\/]+)/.exec(file)?.[1] ?? file;
  const inScope = (file: string) =>
    only.length === 0 ||
    only.some(
      (name) => labFolderOf(name) === labFolderOf(file) || file.startsWith(`${name}${path.sep}`),
    );
  problems.push(
    ...checkLabEmbeds(course.lessons, labsReading, {
      lessons,
      labInScope: (folder) =>
        inScope(path.relative(process.cwd(), path.join(folder.dir, 'lab.yaml'))),
    }),
  );
  problems.push(...labsReading.problems.filter((problem) => inScope(problem.file)));
  const labs = labsReading.labs.filter((lab) => inScope(lab.file));
  const labCheck = await checkLabContent(labs, { cache });
  problems.push(...labCheck.problems);
  for (const problem of problems) console.error(formatProblem(problem));
  if (stats) {
    let total = 0;
    for (const lesson of lessons) {
      const { words, codeTabs } = getLessonStats(lesson);
      total += words;
      console.log(
        `${lesson.id.padEnd(60)} ${String(words).padStart(5)} words  ${lesson.quiz.length} questions  ${codeTabs.join(', ')}`,
      );
    }
    console.log(`${'total'.padEnd(60)} ${String(total).padStart(5)} words`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const tasks = labs.reduce((sum, lab) => sum + lab.lab.tasks.length, 0);
  if (problems.length > 0) {
    console.error(
      `content: ${problems.length} problem(s) in ${lessons.length} lesson(s) and ${labs.length} lab(s) (${seconds} s).`,
    );
    return 1;
  }
  console.log(
    `content: ${course.modules.length} modules, ${lessons.length} lessons, ${labs.length} labs (${tasks} tasks) checked in ${seconds} s` +
      `${labCheck.unchanged > 0 ? ` (${labCheck.unchanged} unchanged labs not graded again)` : ''}, no problems.`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
