// Remembers which labs passed content:check, by a hash of everything their verdict depends on:
// the lab's files, the grading code and the installed packages. An unchanged lab is not graded
// again before the next build; any change to it, to lib/labs or to package-lock.json grades it
// again. Only passing labs are remembered.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = () => /*turbopackIgnore: true*/ process.cwd();
const cacheFile = () =>
  path.join(root(), 'node_modules', '.cache', 'backend-path', 'lab-check.json');

/** Files under `dir` (recursively), sorted, as paths relative to `base`. */
function listFiles(dir: string, base = dir): string[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(/*turbopackIgnore: true*/ dir, entry.name);
      return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
    })
    .sort();
}

function hashFiles(hash: crypto.Hash, dir: string) {
  for (const file of listFiles(dir)) {
    hash.update(`\0${file}\0`);
    hash.update(fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, file)));
  }
}

let codeHash: string | undefined;

/** The grading code and the packages it runs on. */
function hashCode(): string {
  if (codeHash) return codeHash;
  const hash = crypto.createHash('sha256');
  hashFiles(hash, path.join(root(), 'lib', 'labs'));
  for (const file of ['lib/format.ts', 'lib/content/check-labs.ts', 'package-lock.json']) {
    const full = path.join(root(), file);
    if (fs.existsSync(/*turbopackIgnore: true*/ full)) hash.update(fs.readFileSync(/*turbopackIgnore: true*/ full));
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** A lab folder's key: changes whenever the lab or the code that grades it does. */
export function labCheckKey(labDir: string): string {
  const hash = crypto.createHash('sha256');
  hash.update(hashCode());
  hashFiles(hash, labDir);
  return hash.digest('hex');
}

type CacheEntries = Record<string, string>;

export function readLabCheckCache(): CacheEntries {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ cacheFile(), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as CacheEntries) : {};
  } catch {
    return {};
  }
}

/** Saves the entries of labs that still exist (written to a new file, then renamed into place). */
export function writeLabCheckCache(entries: CacheEntries) {
  const kept = Object.fromEntries(
    Object.entries(entries).filter(([dir]) => fs.existsSync(/*turbopackIgnore: true*/ dir)),
  );
  const file = cacheFile();
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(/*turbopackIgnore: true*/ temporary, JSON.stringify(kept, null, 2));
  fs.renameSync(/*turbopackIgnore: true*/ temporary, file);
}
