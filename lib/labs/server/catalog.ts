// The server's labs by id, read once per process from content/ (content:check has validated them
// before the build). Each lab carries a version: a hash of its files, so the grading workers'
// caches (snapshots, the solution's results) never serve an edited lab's old data.
import 'server-only';
import crypto from 'node:crypto';
import { listLessons, type Lesson } from '@/lib/content';
import { listLabFolders, readLab, type LabProblemAt, type LabSource } from './load';

export interface CatalogLab extends LabSource {
  /** Changes whenever lab.yaml, schema.sql or a dataset changes. */
  version: string;
}

export type LabCatalog = ReadonlyMap<string, CatalogLab>;

/** Reads every valid lab under `contentDir` (default: content/); invalid ones are left out. */
export function loadLabCatalog(contentDir?: string): LabCatalog {
  const labs = new Map<string, CatalogLab>();
  for (const folder of listLabFolders(contentDir)) {
    const problems: LabProblemAt[] = [];
    const source = readLab(folder, problems);
    if (!source || labs.has(source.id)) continue;
    const version = crypto
      .createHash('sha256')
      .update(JSON.stringify([source.lab, source.schema.sql, source.datasets]))
      .digest('base64url')
      .slice(0, 16);
    labs.set(source.id, { ...source, version });
  }
  return labs;
}

// One catalog per process, shared by every bundle Next.js makes of this module.
const catalogKey = Symbol.for('backend-path.lab-catalog');
type GlobalWithCatalog = typeof globalThis & { [catalogKey]?: LabCatalog };

function catalog(): LabCatalog {
  const store = globalThis as GlobalWithCatalog;
  store[catalogKey] ??= loadLabCatalog();
  return store[catalogKey];
}

/** The lab with this id, or undefined. */
export function findLab(labId: string): CatalogLab | undefined {
  return catalog().get(labId);
}

/**
 * For tests: serve the labs of another content folder (such as tests/fixtures/labs/content), and
 * optionally find them in these lessons instead of the course's.
 */
export function setLabCatalog(labs: LabCatalog, lessons?: Lesson[]): void {
  (globalThis as GlobalWithCatalog)[catalogKey] = labs;
  (globalThis as GlobalWithLessons)[lessonsKey] = lessons ? indexLessons(lessons) : undefined;
}

/** `<SqlLab id="…"` in a lesson's text, outside code fences (which may show the syntax). */
const sqlLabElement = /<SqlLab\s[^>]*?\bid=["']([a-z0-9-]+)["']/g;
const codeFence = /^(```|~~~)[\s\S]*?^\1/gm;

interface LessonIndex {
  lessonOfLab: Map<string, Lesson>;
  labsOfLesson: Map<string, CatalogLab[]>;
}

const lessonsKey = Symbol.for('backend-path.lab-lessons');
type GlobalWithLessons = typeof globalThis & { [lessonsKey]?: LessonIndex };

/** Which lesson embeds which lab (a lab embedded twice counts for its first lesson). */
function indexLessons(lessons: Lesson[]): LessonIndex {
  const index: LessonIndex = { lessonOfLab: new Map(), labsOfLesson: new Map() };
  for (const lesson of lessons) {
    for (const [, id] of lesson.body.replace(codeFence, '').matchAll(sqlLabElement)) {
      const lab = id ? findLab(id) : undefined;
      if (!lab || index.lessonOfLab.has(lab.id)) continue;
      index.lessonOfLab.set(lab.id, lesson);
      index.labsOfLesson.set(lesson.id, [...(index.labsOfLesson.get(lesson.id) ?? []), lab]);
    }
  }
  return index;
}

/** The index for the published course, made once per process. */
function lessonIndex(): LessonIndex {
  const store = globalThis as GlobalWithLessons;
  store[lessonsKey] ??= indexLessons(listLessons());
  return store[lessonsKey];
}

/** The published lesson that embeds the lab, or undefined. */
export function findLabLesson(labId: string): Lesson | undefined {
  return lessonIndex().lessonOfLab.get(labId);
}

/** The labs a lesson embeds, in the order it shows them. */
export function listLessonLabs(lessonId: string): CatalogLab[] {
  return lessonIndex().labsOfLesson.get(lessonId) ?? [];
}

/** Every lab that some published lesson embeds (the labs learners can reach). */
export function listCourseLabs(): CatalogLab[] {
  return [...lessonIndex().labsOfLesson.values()].flat();
}

/** Where a lab is in its lesson: the panel's anchor is `lab-<id>`. */
export const labHref = (lesson: Lesson, labId: string) => `${lesson.href}#lab-${labId}` as const;

/** Every valid lab in content/, embedded or not (their browser files are built for all). */
export function listAllLabs(): CatalogLab[] {
  return [...catalog().values()];
}
