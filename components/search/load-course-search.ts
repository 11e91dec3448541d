// Loads the search engine and the course's documents on first use (when the dialog first opens),
// so no page pays for them up front. One download per page load; a failed one is retried next time.
import type { SearchEngine } from '@/lib/content/search-engine';
import type { SearchDocuments } from '@/lib/content/search-results';

let loading: Promise<SearchEngine> | undefined;

async function fetchDocuments(): Promise<SearchDocuments> {
  const response = await fetch('/search/sections.json');
  if (!response.ok) throw new Error(`search documents: HTTP ${response.status}`);
  // Our own build output, served from this origin.
  return (await response.json()) as SearchDocuments;
}

export function loadCourseSearch(): Promise<SearchEngine> {
  loading ??= Promise.all([import('@/lib/content/search-engine'), fetchDocuments()]).then(
    ([{ loadSearchEngine }, documents]) => loadSearchEngine(documents),
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
