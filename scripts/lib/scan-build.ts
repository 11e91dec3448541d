// The leak scan of `npm run build` (issue 14): what a lab keeps secret (its hidden datasets, its
// reference solutions, its wrong answers) must never reach a file the portal serves. The markers
// are read from content/ (each hidden dataset holds a `Hidden-Marker-…` value, each solution a
// `-- solution-marker: <lab-id>` comment, and the solutions' and wrong answers' own lines that no
// public text contains) and looked for in every served file of the build: .next/static, the
// prerendered pages and payloads, public/ (labs/ holds the browser's snapshots), and the
// standalone server's copies of them, compressed copies decompressed. The server's own code and
// .next/standalone/content hold the hidden data for grading on purpose, and are not scanned.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseLab } from '../../lib/labs/format';

export interface LeakMarker {
  /** Lowercase: files are compared lowercased, so `HIDDEN-MARKER-X1Y` is found too. */
  text: string;
  kind: 'hidden-data' | 'solution-marker' | 'solution' | 'wrong-answer';
  /** The content file it comes from, and where in it. */
  source: string;
}

export interface ScanRoot {
  dir: string;
  /** Which files under `dir` to scan, by their path relative to it (default: every file). */
  include?: (relativePath: string) => boolean;
}

export interface LeakFinding {
  file: string;
  marker: LeakMarker;
}

export interface LeakScanReport {
  markers: LeakMarker[];
  /** Every file scanned, relative to the working directory. */
  files: string[];
  findings: LeakFinding[];
}

const hiddenMarkerPattern = /hidden-marker-[a-z0-9]+/gi;
const solutionMarkerPattern = /solution-marker:\s*[a-z0-9-]+/gi;
/** A solution's or wrong answer's line shorter than this is too common to be evidence. */
const minimumLineLength = 30;

/** The text a build could carry a secret in, with the escapes of HTML, JSON and RSC undone. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\\u003c/g, '<')
    .replace(/\\u003e/g, '>')
    .replace(/\\u0026/g, '&')
    .replace(/\\u0027/g, "'")
    .replace(/\\"/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const readIfExists = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Lab folders: content/<module>/labs/<lab-id>/ with a lab.yaml. (lib/labs/server/load.ts lists
 * them too, but it is server-only, and the e2e suite imports this file outside Next's server.)
 */
function listLabDirs(contentDir: string): string[] {
  if (!fs.existsSync(contentDir)) return [];
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((module) => {
      const labsDir = path.join(contentDir, module.name, 'labs');
      if (!fs.existsSync(labsDir)) return [];
      return fs
        .readdirSync(labsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(labsDir, entry.name))
        .filter((dir) => fs.existsSync(path.join(dir, 'lab.yaml')));
    })
    .sort();
}

/**
 * The markers of every lab under `contentDir`: the hidden datasets' `Hidden-Marker-…` values,
 * the solutions' `solution-marker: <id>` comments, and each solution's and wrong answer's lines
 * (30 characters or more) that appear in no public text: no lesson, no lab's title, intro,
 * prompts, hints, starters or checks, no visible schema or seed.
 */
export function collectLeakMarkers(contentDir = 'content'): LeakMarker[] {
  const markers = new Map<string, LeakMarker>();
  const add = (text: string, kind: LeakMarker['kind'], source: string) => {
    const key = text.toLowerCase();
    if (!markers.has(key)) markers.set(key, { text: key, kind, source });
  };
  const publicTexts: string[] = listFiles(contentDir)
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => fs.readFileSync(file, 'utf8'));
  const secretLines: { line: string; kind: 'solution' | 'wrong-answer'; source: string }[] = [];

  for (const dir of listLabDirs(contentDir)) {
    for (const file of listFiles(path.join(dir, 'hidden')).filter((name) =>
      name.endsWith('.sql'),
    )) {
      for (const [found] of fs.readFileSync(file, 'utf8').matchAll(hiddenMarkerPattern))
        add(found, 'hidden-data', file);
    }
    const labFile = path.join(dir, 'lab.yaml');
    const source = fs.readFileSync(labFile, 'utf8');
    for (const [found] of source.matchAll(solutionMarkerPattern))
      add(found.replace(/:\s*/, ': '), 'solution-marker', labFile);
    publicTexts.push(
      readIfExists(path.join(dir, 'schema.sql')),
      readIfExists(path.join(dir, 'seed.sql')),
    );
    // content:check reports a lab.yaml that does not parse; its markers above are still scanned.
    const parsed = parseLab(source);
    if (!parsed.ok) continue;
    const lab = parsed.lab;
    publicTexts.push(lab.title, lab.intro);
    for (const task of lab.tasks) {
      publicTexts.push(task.title, task.prompt, task.hint ?? '', task.starter);
      publicTexts.push(JSON.stringify(task.checks));
      const where = `${labFile} (task ${task.id})`;
      for (const line of task.solution.split('\n'))
        secretLines.push({ line, kind: 'solution', source: where });
      task.wrong.forEach((answer, index) => {
        for (const line of answer.split('\n'))
          secretLines.push({
            line,
            kind: 'wrong-answer',
            source: `${labFile} (task ${task.id}, wrong answer ${index + 1})`,
          });
      });
    }
  }

  const publicCorpus = normalize(publicTexts.join('\n'));
  for (const { line, kind, source } of secretLines) {
    const text = line.trim();
    if (text.length < minimumLineLength) continue;
    if (publicCorpus.includes(text.toLowerCase())) continue;
    add(text, kind, source);
  }
  return [...markers.values()];
}

/** A file that is not text (WebAssembly, a database snapshot): only the markers are looked for. */
const isBinary = (bytes: Buffer) => bytes.includes(0);

function decompress(file: string, bytes: Buffer): Buffer {
  if (file.endsWith('.gz')) return zlib.gunzipSync(bytes);
  if (file.endsWith('.br')) return zlib.brotliDecompressSync(bytes);
  return bytes;
}

/** The words every marker of the kinds searched in binary files begins with, as they are written. */
const binaryPrefixes = ['hidden-marker-', 'solution-marker'].flatMap((prefix) => [
  prefix,
  prefix.toUpperCase(),
  prefix.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
]);

function findMarkers(bytes: Buffer, markers: LeakMarker[], everywhere: LeakMarker[]): LeakMarker[] {
  if (isBinary(bytes)) {
    // Megabytes of snapshot and WebAssembly: lowercased only if a marker's first word is there.
    if (!binaryPrefixes.some((prefix) => bytes.includes(prefix))) return [];
    const text = bytes.toString('latin1').toLowerCase();
    return everywhere.filter((marker) => text.includes(marker.text));
  }
  const text = normalize(bytes.toString('utf8'));
  return markers.filter((marker) => text.includes(marker.text));
}

/** Scans every file of `roots` for `markers`; a missing root is skipped (the caller counts files). */
export function scanForLeaks(roots: ScanRoot[], markers: LeakMarker[]): LeakScanReport {
  const files: string[] = [];
  const findings: LeakFinding[] = [];
  // Single lines of SQL are searched for in text only; the markers everywhere.
  const everywhere = markers.filter(
    (marker) => marker.kind === 'hidden-data' || marker.kind === 'solution-marker',
  );
  // The standalone server's copies are the same bytes as the build's: each content is searched once.
  const found = new Map<string, LeakMarker[]>();
  for (const root of roots) {
    for (const file of listFiles(root.dir)) {
      if (root.include && !root.include(path.relative(root.dir, file))) continue;
      files.push(file);
      const bytes = fs.readFileSync(file);
      const key = `${path.extname(file)}:${crypto.createHash('sha256').update(bytes).digest('base64')}`;
      let matches = found.get(key);
      if (!matches) {
        matches = findMarkers(decompress(file, bytes), markers, everywhere);
        found.set(key, matches);
      }
      for (const marker of matches) findings.push({ file, marker });
    }
  }
  return { markers, files, findings };
}

/** Prerendered output: pages, RSC payloads and segments, route handlers' bodies, their metadata. */
const prerenderedOutput = (relativePath: string) =>
  /\.(html|rsc|body|meta|segment|prefetch)(\.(gz|br))?$/.test(relativePath) ||
  relativePath.split(path.sep).some((part) => part.endsWith('.segments'));

/** The served files of the build in `projectDir`, and their copies in the standalone server. */
export function buildScanRoots(projectDir = '.'): ScanRoot[] {
  const at = (...parts: string[]) => path.join(projectDir, ...parts);
  return ['', path.join('.next', 'standalone')].flatMap((base) => [
    { dir: at(base, '.next', 'static') },
    { dir: at(base, '.next', 'server', 'app'), include: prerenderedOutput },
    { dir: at(base, '.next', 'server', 'pages'), include: prerenderedOutput },
    { dir: at(base, 'public') },
  ]);
}

/** The scan of `npm run build`'s output in `projectDir` for the labs of its content/. */
export function scanBuildForLeaks(projectDir = '.'): LeakScanReport {
  return scanForLeaks(
    buildScanRoots(projectDir),
    collectLeakMarkers(path.join(projectDir, 'content')),
  );
}
