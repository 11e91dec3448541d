import { getSearchDocuments } from '@/lib/content/search';

// GET /search/sections.json: the course's search documents, which the Ctrl/⌘+K dialog downloads
// (only when it opens) to search as the user types. Generated at build time like the lessons.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(getSearchDocuments());
}
