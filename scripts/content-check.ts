// npm run content:check [-- [--stats] file ...]: validates lessons (frontmatter schema, quiz consistency,
// MDX compilation, links and anchors, empty sections, word count, required parts) and prints
// every problem as file:line: message. Exits 1 if there is any.
import path from 'node:path';
import { checkLesson, getLessonStats } from '@/lib/content/check';
import { ContentError, formatProblem, type ContentProblem } from '@/lib/content/errors';
import { loadCourse } from '@/lib/content/load';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const stats = args.includes('--stats');
  const only = args
    .filter((arg) => arg !== '--stats')
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
  if (problems.length > 0) {
    console.error(`content: ${problems.length} problem(s) in ${lessons.length} lesson(s).`);
    return 1;
  }
  console.log(
    `content: ${course.modules.length} modules, ${lessons.length} lessons checked, no problems.`,
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
