// Loads the search engine and the course's packed index on first use (when the dialog first
// opens), so no page pays for them up front; then each lesson's text when a result from it is
// shown, for its snippet. One download of each per page load; a failed one is retried next time.
import type { SearchEngine, SearchResults } from '@/lib/content/search-engine';
import type { SearchIndexFile } from '@/lib/content/search-results';

export interface CourseSearch {
  engine: SearchEngine;
  /** The lessons among these results whose text is not loaded yet (their snippets are empty). */
  lessonsWithoutText(results: SearchResults): string[];
  /** Loads those lessons' text: search again afterwards for their snippets. */
  loadText(lessonIds: string[]): Promise<void>;
}

let loading: Promise<CourseSearch> | undefined;

/** Our own build output, served from this origin. */
async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function createCourseSearch(): Promise<CourseSearch> {
  const [{ loadSearchEngine }, { catalog, index }] = await Promise.all([
    import('@/lib/content/search-engine'),
    fetchJson<SearchIndexFile>('/search/index.json'),
  ]);
  // Each lesson's sections are consecutive: a section's text is its lesson's text at
  // (position - the lesson's first position).
  const firstSection = new Map<number, number>();
  catalog.sections.forEach((section, position) => {
    if (!firstSection.has(section.lesson)) firstSection.set(section.lesson, position);
  });
  const lessonPosition = new Map(catalog.lessons.map((lesson, position) => [lesson.id, position]));
  const texts = new Map<number, string[]>();
  const pending = new Map<string, Promise<void>>();

  const engine = await loadSearchEngine(catalog, index, (position) => {
    const lesson = catalog.sections[position]?.lesson;
    if (lesson === undefined) return undefined;
    return texts.get(lesson)?.[position - (firstSection.get(lesson) ?? 0)];
  });

  function loadLesson(lessonId: string): Promise<void> {
    const position = lessonPosition.get(lessonId);
    if (position === undefined || texts.has(position)) return Promise.resolve();
    let request = pending.get(lessonId);
    if (!request) {
      request = fetchJson<string[]>(`/search/text/${lessonId}`)
        .then((text) => void texts.set(position, text))
        .finally(() => pending.delete(lessonId));
      pending.set(lessonId, request);
    }
    return request;
  }

  return {
    engine,
    lessonsWithoutText: (results) =>
      results.groups
        .map((group) => group.lessonId)
        .filter((lessonId) => {
          const position = lessonPosition.get(lessonId);
          return position !== undefined && !texts.has(position);
        }),
    loadText: async (lessonIds) => {
      await Promise.all(lessonIds.map(loadLesson));
    },
  };
}

export function loadCourseSearch(): Promise<CourseSearch> {
  loading ??= createCourseSearch();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
