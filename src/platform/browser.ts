// Browsers: navigator.gpu and the wasm fetched next to this module (bundlers resolve the URL).
import type { Platform, TaichiWasmFactory } from './types.js';

export const browserPlatform: Platform = {
  async gpu() {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    if (!gpu) throw new Error('WebGPU is not available in this browser (navigator.gpu is undefined)');
    return gpu;
  },
  async wasmBytes() {
    const response = await fetch(new URL('../../wasm/build/taichi.wasm', import.meta.url));
    if (!response.ok) throw new Error(`taichi-wasm: fetching taichi.wasm failed (${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  },
  async factory() {
    const mod = (await import('../../wasm/build/taichi.cjs')) as { default: TaichiWasmFactory };
    return mod.default;
  },
};
