// The server's worker threads run plain JavaScript files, which Next.js does not produce (it
// bundles only what routes import). `npm run build` bundles each entry of workers/ with the parts
// of lib/ it uses into one .mjs in the standalone folder (.next/standalone/workers/), where
// lib/labs/server/worker-pool.ts finds it in production; the tests build the same file.
import path from 'node:path';
import { build } from 'esbuild';

/** The server-side worker entries (workers/<name>.ts), built to <outDir>/<name>.mjs. */
export const serverWorkerEntries = ['sql-grader'] as const;

export async function buildServerWorkers(outDir: string): Promise<string[]> {
  await build({
    entryPoints: serverWorkerEntries.map((name) => ({
      in: `workers/${name}.ts`,
      out: name,
    })),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // 'server-only' is an empty module under this condition, as it is inside Next.js's server.
    conditions: ['react-server'],
    // PGlite loads its WebAssembly and data files from its own package folder, which the
    // standalone build ships in node_modules (the portal's embedded database uses it too).
    external: ['@electric-sql/pglite'],
    banner: {
      js: [
        "import { createRequire as __bpCreateRequire } from 'node:module';",
        'const require = __bpCreateRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
  });
  return serverWorkerEntries.map((name) => path.join(outDir, `${name}.mjs`));
}

/**
 * The browser's lab worker (workers/sql-lab.ts) as one module script, for public/labs/runtime/.
 * PGlite's Node-only branches import node: modules dynamically; they stay unresolved imports that
 * a browser never reaches.
 */
export async function buildBrowserLabWorker(): Promise<Uint8Array> {
  const result = await build({
    entryPoints: ['workers/sql-lab.ts'],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    minify: true,
    external: ['node:*'],
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no lab worker');
  return output.contents;
}
