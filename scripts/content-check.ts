// npm run content:check: validates every lesson (frontmatter and module metadata against the schema,
// MDX compilation) and prints each problem as file:line: message.
import { compileMdx } from '@/lib/content/compile';
import { ContentError, formatProblem, type ContentProblem } from '@/lib/content/errors';
import { loadCourse } from '@/lib/content/load';

async function main(): Promise<number> {
  let course;
  try {
    course = loadCourse({ includeDrafts: true });
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    return 1;
  }
  const problems: ContentProblem[] = [];
  for (const lesson of course.lessons) {
    try {
      await compileMdx(lesson.body, lesson.file);
    } catch (error) {
      const place = error as {
        line?: number;
        place?: { line?: number; start?: { line?: number } };
        reason?: string;
        message: string;
      };
      const line = place.line ?? place.place?.start?.line ?? place.place?.line ?? 1;
      problems.push({ file: lesson.file, line, message: `MDX: ${place.reason ?? place.message}` });
    }
  }
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) return 1;
  console.log(
    `content: ${course.modules.length} modules, ${course.lessons.length} lessons, all valid.`,
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
