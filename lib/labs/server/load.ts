// Reads SQL labs from content/<module>/labs/<lab-id>/: lab.yaml, schema.sql, seed.sql and the hidden
// datasets in hidden/*.sql (never shipped to the browser). Problems come back as file:line.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { labIdPattern, parseLab, type Lab, type LabLines } from '@/lib/labs/format';
import type { SqlFile } from './sandbox';

export interface LabDataset extends SqlFile {
  /** `seed`, or `hidden/<name>` for hidden/<name>.sql. */
  name: string;
  hidden: boolean;
}

export interface LabSource {
  id: string;
  moduleSlug: string;
  /** The lab's folder (absolute). */
  dir: string;
  /** lab.yaml, relative to the working directory (for messages). */
  file: string;
  lab: Lab;
  lines: LabLines;
  schema: SqlFile;
  /** The visible dataset first, then the hidden ones by name. */
  datasets: LabDataset[];
}

export interface LabProblemAt {
  file: string;
  line: number;
  message: string;
}

export interface LabFolder {
  id: string;
  moduleSlug: string;
  dir: string;
}

const defaultContentDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), 'content');
const relative = (file: string) =>
  path.relative(/*turbopackIgnore: true*/ process.cwd(), file) || file;

/** Every content/<module>/labs/<lab-id>/ folder, by module then id. */
export function listLabFolders(contentDir = defaultContentDir()): LabFolder[] {
  const folders: LabFolder[] = [];
  const entries = (dir: string) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .sort()
      : [];
  for (const moduleSlug of entries(contentDir)) {
    const labsDir = path.join(/*turbopackIgnore: true*/ contentDir, moduleSlug, 'labs');
    for (const id of entries(labsDir)) {
      folders.push({ id, moduleSlug, dir: path.join(/*turbopackIgnore: true*/ labsDir, id) });
    }
  }
  return folders;
}

function readSql(file: string, problems: LabProblemAt[], required = true): SqlFile | undefined {
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    if (required) problems.push({ file: relative(file), line: 1, message: 'missing' });
    return undefined;
  }
  return { file: relative(file), sql: fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8') };
}

/** Reads and validates one lab folder; `problems` receives what is wrong with it. */
export function readLab(folder: LabFolder, problems: LabProblemAt[]): LabSource | undefined {
  const yamlFile = path.join(/*turbopackIgnore: true*/ folder.dir, 'lab.yaml');
  const before = problems.length;
  if (!labIdPattern.test(folder.id)) {
    problems.push({
      file: relative(folder.dir),
      line: 1,
      message: 'a lab folder is named by its id: lowercase words joined by hyphens',
    });
  }
  if (!fs.existsSync(/*turbopackIgnore: true*/ yamlFile)) {
    problems.push({ file: relative(yamlFile), line: 1, message: 'missing (title, intro, tasks)' });
    return undefined;
  }
  const parsed = parseLab(fs.readFileSync(/*turbopackIgnore: true*/ yamlFile, 'utf8'));
  if (!parsed.ok) {
    for (const problem of parsed.problems) problems.push({ file: relative(yamlFile), ...problem });
  }
  const schema = readSql(path.join(/*turbopackIgnore: true*/ folder.dir, 'schema.sql'), problems);
  const seed = readSql(path.join(/*turbopackIgnore: true*/ folder.dir, 'seed.sql'), problems);
  const hiddenDir = path.join(/*turbopackIgnore: true*/ folder.dir, 'hidden');
  const hidden: LabDataset[] = [];
  if (fs.existsSync(/*turbopackIgnore: true*/ hiddenDir)) {
    for (const name of fs.readdirSync(/*turbopackIgnore: true*/ hiddenDir).sort()) {
      const file = path.join(/*turbopackIgnore: true*/ hiddenDir, name);
      if (!name.endsWith('.sql')) {
        problems.push({
          file: relative(file),
          line: 1,
          message: 'hidden/ holds only datasets named <name>.sql',
        });
        continue;
      }
      const sql = readSql(file, problems);
      if (sql)
        hidden.push({ ...sql, name: `hidden/${name.slice(0, -'.sql'.length)}`, hidden: true });
    }
  }
  if (hidden.length === 0) {
    problems.push({
      file: relative(yamlFile),
      line: 1,
      message:
        'needs at least one hidden dataset (hidden/<name>.sql: different ids, NULLs, ties, empty groups)',
    });
  }
  if (!parsed.ok || !schema || !seed || problems.length > before) return undefined;
  return {
    id: folder.id,
    moduleSlug: folder.moduleSlug,
    dir: folder.dir,
    file: relative(yamlFile),
    lab: parsed.lab,
    lines: parsed.lines,
    schema,
    datasets: [{ ...seed, name: 'seed', hidden: false }, ...hidden],
  };
}
