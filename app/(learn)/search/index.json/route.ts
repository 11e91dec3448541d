import { getSearchIndexFile } from '@/lib/content/search';

// GET /search/index.json: the course's search index, packed, which the Ctrl/⌘+K dialog downloads
// (only when it opens) to search as the user types; no text (see ../text). Generated at build
// time like the lessons, and served precompressed by the standalone server.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(getSearchIndexFile());
}
