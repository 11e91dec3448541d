// Loads the QuickJS WebAssembly module once per thread (browser worker or Node process) from a
// source the caller chooses: the browser gives the URL it serves the .wasm file at, Node its bytes.
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type CustomizeVariantOptions,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import releaseVariant from '@jitl/quickjs-wasmfile-release-sync';

/**
 * Where the .wasm file comes from. The file is the package export
 * `@jitl/quickjs-wasmfile-release-sync/wasm` (dist/emscripten-module.wasm).
 */
export type QuickJsWasmSource =
  | { wasmLocation: string }
  | { wasmBinary: NonNullable<CustomizeVariantOptions['wasmBinary']> }
  | { wasmModule: NonNullable<CustomizeVariantOptions['wasmModule']> };

/**
 * The WebAssembly heap of the whole thread, which the sandbox's memory limit really rests on. In
 * this build QuickJS's own limit (runtime.setMemoryLimit) only refuses a single allocation bigger
 * than the limit: Emscripten's malloc reports no block sizes, so QuickJS's running total never
 * grows, and a loop of 8 MB arrays would take the heap to its 2 GB ceiling. A memory that cannot
 * grow past this size makes malloc fail, which QuickJS reports as "out of memory". Submissions run
 * one at a time in a thread and free everything, so each gets nearly all of it: the default 32 MB
 * for the learner plus room for the runtime itself.
 */
export const quickJsHeapBytes = 40 * 1024 * 1024;
const pageBytes = 64 * 1024;
const initialHeapBytes = 16 * 1024 * 1024;

let quickJs: Promise<QuickJSWASMModule> | undefined;

/**
 * The module is the compiled WebAssembly and costs tens of milliseconds to instantiate; every
 * submission then gets its own runtime from it, so sharing it shares no learner state. A failed
 * load is forgotten so that the next call tries again.
 */
export function loadQuickJs(source: QuickJsWasmSource): Promise<QuickJSWASMModule> {
  quickJs ??= newQuickJSWASMModuleFromVariant(
    newVariant(releaseVariant, {
      ...source,
      wasmMemory: new WebAssembly.Memory({
        initial: initialHeapBytes / pageBytes,
        maximum: quickJsHeapBytes / pageBytes,
      }),
    }),
  ).catch((error: unknown) => {
    quickJs = undefined;
    throw error;
  });
  return quickJs;
}
