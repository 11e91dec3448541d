import { listLessons } from '@/lib/content';
import { getLessonSearchText } from '@/lib/content/search';

// GET /search/text/<module>/<lesson>: the text of one lesson's sections, which the search dialog
// fetches for the snippets of the results it shows (../../index.json holds no text). One file per
// lesson, generated at build time; any other address is a 404.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return listLessons().map((lesson) => ({ module: lesson.moduleSlug, lesson: lesson.slug }));
}

export async function GET(
  _request: Request,
  context: RouteContext<'/search/text/[module]/[lesson]'>,
) {
  const { module: moduleSlug, lesson: lessonSlug } = await context.params;
  const text = getLessonSearchText(`${moduleSlug}/${lessonSlug}`);
  if (!text) return new Response('Not found', { status: 404 });
  return Response.json(text);
}
