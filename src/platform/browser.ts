// Browsers: navigator.gpu, the web build of the glue, and the wasm fetched from where the
// bundler put it.
import createTaichiWasm from '../../wasm/build/taichi.web.mjs';
import type { Platform, TaichiWasmFactory } from './types.js';
import { fetchWasm } from './fetch-wasm.js';

/**
 * Where taichi.wasm may be, in the order tried. Bundlers rewrite the first, a path through the
 * package's exports (vite, also in its dev server, which moves this code into
 * node_modules/.vite/deps; webpack); the second holds where the package's files keep their
 * layout (no bundler).
 */
function wasmUrls(): URL[] {
  return [
    new URL('taichi-wasm/taichi.wasm', import.meta.url),
    new URL(/* @vite-ignore */ '../../wasm/build/taichi.wasm', import.meta.url),
  ];
}

export const browserPlatform: Platform = {
  async gpu() {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    if (!gpu) throw new Error('WebGPU is not available in this browser (navigator.gpu is undefined)');
    return gpu;
  },
  wasmBytes: (url) => fetchWasm(url ? [new URL(url, globalThis.location?.href)] : wasmUrls()),
  factory: async () => createTaichiWasm as TaichiWasmFactory,
  // Not measured in a browser yet, where the GPU process compiles either form apart from the
  // page's thread: the pipelines stay one after another there, as before batches.
  parallelPipelines: false,
};
