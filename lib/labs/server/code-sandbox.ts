// The code labs' QuickJS sandbox in Node (grading on Submit, tests): reads the WebAssembly file
// from node_modules and runs submissions with the shared, isomorphic harness in lib/labs/code/.
import 'server-only';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { QuickJSWASMModule } from 'quickjs-emscripten-core';
import { loadQuickJs } from '@/lib/labs/code/quickjs';
import { runInSandbox, type SandboxRequest, type SandboxResult } from '@/lib/labs/code/sandbox';

const require = createRequire(import.meta.url);

/** The same file the browser is served: the variant's `./wasm` package export. */
export const quickJsWasmPath = require.resolve('@jitl/quickjs-wasmfile-release-sync/wasm');

/** Loaded once per process or worker thread. */
export function loadNodeQuickJs(): Promise<QuickJSWASMModule> {
  return loadQuickJs({
    wasmBinary: async () => {
      const bytes = await fs.readFile(quickJsWasmPath);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  });
}

export async function runCodeSubmission(request: SandboxRequest): Promise<SandboxResult> {
  return runInSandbox(await loadNodeQuickJs(), request);
}
