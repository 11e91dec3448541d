// `npm run build` runs this after `next build`:
// 1. the standalone server serves public/ and .next/static/ only from its own folder, and Next.js
//    leaves copying them to us (see the Next.js docs on output: 'standalone');
// 2. every page prerendered whole at build time (lessons, the outline, home) is compressed once,
//    here, with brotli and gzip at their best settings, and listed with the headers to send, so
//    the server answers it with bytes instead of compressing the same HTML on every request; before
//    that, its scripts and React payload are set to load after the first paint
//    (scripts/lib/first-paint.ts), which also leaves no inline script that the
//    Content-Security-Policy does not allow by its hash (the 404 and error pages are rewritten
//    too, though not precompressed); the output of static route handlers (the search dialog's
//    index and lesson texts) is compressed the same way;
// 3. the server's worker threads (workers/, such as the SQL lab grader) are bundled into
//    workers/*.mjs (scripts/lib/build-workers.ts), and the labs' grading data (.labs/, which
//    `npm run labs:build` wrote; never served) is copied for them;
// 4. the front server (scripts/front-server: startup checks, the client's address from the
//    socket, those copies, graceful shutdown, then Next.js's request handler) is bundled with the
//    parts of lib/ it uses into start.mjs, one file that needs only the standalone node_modules;
// 5. every served file (static, prerendered, public, and their standalone copies) is scanned for
//    the labs' secrets (scripts/lib/scan-build.ts): a hidden dataset's marker or a solution's or
//    wrong answer's text in one of them fails the build.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { signedInOnlyPaths } from '@/lib/auth/config';
import { buildContentSecurityPolicy, buildSecurityHeaders } from '@/lib/security-headers';
import { buildServerWorkers } from './lib/build-workers';
import { deferHydration } from './lib/first-paint';
import type { PrecompressedManifest } from './front-server/precompressed';
import { scanBuildForLeaks } from './lib/scan-build';

const target = '.next/standalone';
if (!fs.existsSync(target)) {
  console.error('No .next/standalone folder: is output: "standalone" set in next.config.ts?');
  process.exit(1);
}
fs.cpSync('public', `${target}/public`, { recursive: true });
fs.cpSync('.next/static', `${target}/.next/static`, { recursive: true });
fs.rmSync(`${target}/.labs`, { recursive: true, force: true });
if (fs.existsSync('.labs')) fs.cpSync('.labs', `${target}/.labs`, { recursive: true });

const appDir = `${target}/.next/server/app`;
const pages: PrecompressedManifest['pages'] = {};

/** Writes brotli and gzip copies of `file` (whose content is `bytes`) beside it; returns its ETag. */
function precompress(file: string, bytes: Buffer): string {
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  fs.writeFileSync(
    `${file}.br`,
    zlib.brotliCompressSync(bytes, {
      params: {
        // Quality 11 on PGlite's 9 MB WebAssembly takes a minute for 3% less; 9 takes seconds.
        [zlib.constants.BROTLI_PARAM_QUALITY]: bytes.length > 1_000_000 ? 9 : 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
  return `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}

/** The address of a file under appDir, without its extension (`index` is the root). */
const routeOf = (file: string, extension: RegExp) =>
  `/${path.relative(appDir, file).replace(extension, '')}`.replace(/^\/index$/, '/');

// Static route handlers' JSON (a .body and its .meta): the search dialog's index and lesson
// texts. Metadata routes (the icon) keep Next.js's own caching headers.
const compressibleType = /^application\/json/;

function addRouteHandlerOutput(file: string) {
  const meta = JSON.parse(fs.readFileSync(file.replace(/\.body$/, '.meta'), 'utf8')) as {
    status?: number;
    headers?: Record<string, string>;
  };
  const contentType = meta.headers?.['content-type'];
  if ((meta.status && meta.status !== 200) || !contentType || !compressibleType.test(contentType))
    return;
  const route = routeOf(file, /\.body$/);
  if (signedInOnlyPaths.some((prefix) => route === prefix || route.startsWith(`${prefix}/`)))
    return;
  const etag = precompress(file, fs.readFileSync(file));
  pages[route] = { file: path.relative(target, file), etag, contentType };
}

function visit(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      visit(file);
      continue;
    }
    if (entry.name.endsWith('.body') && fs.existsSync(file.replace(/\.body$/, '.meta'))) {
      addRouteHandlerOutput(file);
      continue;
    }
    if (!entry.name.endsWith('.html')) continue;
    const metaFile = file.replace(/\.html$/, '.meta');
    if (!fs.existsSync(metaFile)) continue;
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as {
      status?: number;
      headers?: Record<string, string>;
    };
    if (meta.headers?.['x-nextjs-prerender'] !== '1') continue;
    // Every prerendered page is rewritten in place (Next.js serves these bytes too), the 404 and
    // error pages included: none may keep an inline script the Content-Security-Policy refuses.
    const deferred = deferHydration(fs.readFileSync(file, 'utf8'));
    if (deferred.payload) {
      const payloadFile = path.join(
        target,
        '.next',
        deferred.payload.url.replace(/^\/_next\//, ''),
      );
      fs.mkdirSync(path.dirname(payloadFile), { recursive: true });
      fs.writeFileSync(payloadFile, deferred.payload.source);
    }
    fs.writeFileSync(file, deferred.html);
    if (entry.name.startsWith('_') || (meta.status && meta.status !== 200)) continue;
    const route = routeOf(file, /\.html$/);
    // Pages behind sign-in keep going through proxy.ts.
    if (signedInOnlyPaths.some((prefix) => route === prefix || route.startsWith(`${prefix}/`)))
      continue;
    pages[route] = {
      file: path.relative(target, file),
      etag: precompress(file, Buffer.from(deferred.html)),
    };
  }
}
visit(appDir);

// The SQL labs' downloads (npm run labs:build): PGlite's 9 MB of WebAssembly and 6 MB of files,
// the worker and each lab's snapshot. Their paths carry a content hash, so they are cached for a
// year; compressed once here instead of on every request.
const labTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.json': 'application/json',
};
function visitLabFiles(dir: string) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      visitLabFiles(file);
      continue;
    }
    const contentType = labTypes[path.extname(entry.name)];
    // manifest.json is read by the server at build time; .gz snapshots are already compressed.
    if (!contentType || entry.name === 'manifest.json') continue;
    const route = `/${path.relative(path.join(target, 'public'), file).split(path.sep).join('/')}`;
    pages[route] = {
      file: path.relative(target, file),
      etag: precompress(file, fs.readFileSync(file)),
      contentType,
      cacheControl: 'public, max-age=31536000, immutable',
    };
  }
}
visitLabFiles(path.join(target, 'public', 'labs'));

const headers: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 's-maxage=31536000',
  Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
  'x-nextjs-prerender': '1',
};
for (const { key, value } of buildSecurityHeaders(false)) headers[key] = value;
// The same bytes go to everyone, so no nonce: the policy allows the pages' scripts by hash.
headers['Content-Security-Policy'] = buildContentSecurityPolicy({ isDevelopment: false });
fs.writeFileSync(
  `${target}/.next/precompressed-manifest.json`,
  JSON.stringify({ headers, pages }, null, 1),
);
const workers = await buildServerWorkers(`${target}/workers`);
await build({
  entryPoints: ['scripts/front-server/entry.ts'],
  outfile: `${target}/start.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // 'server-only' is an empty module under this condition, as it is inside Next.js's server.
  conditions: ['react-server'],
  // Packages the standalone build already ships in its node_modules (native, WebAssembly, or
  // Next.js itself) stay outside the bundle.
  external: [
    'next',
    'next/*',
    'pg',
    '@electric-sql/pglite',
    '@node-rs/argon2',
    'pino',
    '@vercel/postgres',
    '@neondatabase/serverless',
  ],
  banner: {
    js: [
      "import { createRequire as __bpCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bpFileURLToPath } from 'node:url';",
      'const require = __bpCreateRequire(import.meta.url);',
      "process.env.NODE_ENV = 'production';",
      "process.chdir(__bpFileURLToPath(new URL('.', import.meta.url)));",
    ].join('\n'),
  },
  logLevel: 'warning',
});

console.log(
  `Prepared ${target}: public/ and static files copied, ${Object.keys(pages).length} prerendered pages and route outputs precompressed, ${workers.length} worker bundle(s) built.`,
);

const scan = scanBuildForLeaks();
if (scan.findings.length > 0) {
  console.error(
    `Lab secrets in the build's served files (hidden data, solutions or wrong answers must stay on the server):`,
  );
  for (const { file, marker } of scan.findings)
    console.error(`  ${file}: ${marker.kind} "${marker.text}" (from ${marker.source})`);
  process.exit(1);
}
console.log(
  `Leak scan: ${scan.markers.length} lab secrets looked for in ${scan.files.length} served files, none found.`,
);
