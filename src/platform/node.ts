// Node: Dawn's binding (npm `webgpu`, an optional peer dependency), the Node build of the glue,
// and the wasm read from the package's files.
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import createTaichiWasm from '../../wasm/build/taichi.node.mjs';
import type { Platform, TaichiWasmFactory } from './types.js';
import { unzipModule } from '../archive.js';

let dawn: GPU | undefined;

/** Dawn's binding, or an error that says how to install it. */
async function importWebgpu(): Promise<typeof import('webgpu')> {
  try {
    return await import('webgpu');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error("taichi-wasm: WebGPU in Node comes from the package 'webgpu' (Dawn), which is not installed: run `npm install webgpu`, or pass Runtime.create({ device }) a GPUDevice of your own", { cause: error });
  }
}

export const nodePlatform: Platform = {
  async gpu() {
    if (!dawn) {
      const webgpu = await importWebgpu();
      // Dawn's enums (GPUBufferUsage, ...) become globals, as in a browser, for user code.
      Object.assign(globalThis, webgpu.globals);
      dawn = webgpu.create([]) as GPU;
    }
    return dawn;
  },
  async wasmBytes(url) {
    return new Uint8Array(await readFile(url ?? new URL('../../wasm/build/taichi.wasm', import.meta.url)));
  },
  readModuleFiles(path: string) {
    if (!existsSync(path)) throw new Error(`no module at path '${path}'`);
    if (statSync(path).isDirectory()) {
      const files = new Map<string, Uint8Array>();
      for (const name of readdirSync(path)) {
        const full = join(path, name);
        if (statSync(full).isFile()) files.set(name, new Uint8Array(readFileSync(full)));
      }
      return files;
    }
    return unzipModule(new Uint8Array(readFileSync(path)));
  },
  factory: async () => createTaichiWasm as TaichiWasmFactory,
  // Dawn compiles async pipelines on worker threads while its binding polls for them on the main
  // thread, a core's worth: on two cores that polling took the workers' time, and mpm3D's
  // pipelines cost twice the CPU and more time than compiled one after another.
  parallelPipelines: availableParallelism() >= 4,
};
