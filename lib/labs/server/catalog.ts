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

/** For tests: serve the labs of another content folder (such as tests/fixtures/labs/content). */
export function setLabCatalog(labs: LabCatalog): void {
  (globalThis as GlobalWithCatalog)[catalogKey] = labs;
}

/** `<SqlLab id="…"` in a lesson's text, outside code fences (which may show the syntax). */
const sqlLabElement = /<SqlLab\s[^>]*?\bid=["']([a-z0-9-]+)["']/g;
const codeFence = /^(```|~~~)[\s\S]*?^\1/gm;

const lessonsKey = Symbol.for('backend-path.lab-lessons');
type GlobalWithLessons = typeof globalThis & { [lessonsKey]?: Map<string, Lesson> };

/** The published lesson that embeds the lab (the first, should several), or undefined. */
export function findLabLesson(labId: string): Lesson | undefined {
  const store = globalThis as GlobalWithLessons;
  if (!store[lessonsKey]) {
    const byLab = new Map<string, Lesson>();
    for (const lesson of listLessons()) {
      for (const [, id] of lesson.body.replace(codeFence, '').matchAll(sqlLabElement)) {
        if (id && !byLab.has(id)) byLab.set(id, lesson);
      }
    }
    store[lessonsKey] = byLab;
  }
  return store[lessonsKey].get(labId);
}

/** Where a lab is in its lesson: the panel's anchor is `lab-<id>`. */
export const labHref = (lesson: Lesson, labId: string) => `${lesson.href}#lab-${labId}` as const;
