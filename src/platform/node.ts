// Node: Dawn's binding (npm `webgpu`) and the wasm read from the package's files.
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Platform, TaichiWasmFactory } from './types.js';
import { unzipModule } from '../host.js';

/** The folder holding wasm/build/, found upwards from this file (src/ in a checkout, dist/src/ when built). */
function wasmBuildDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'wasm', 'build');
    if (existsSync(join(candidate, 'taichi.cjs'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('taichi-wasm: wasm/build/taichi.cjs not found; run `npm run build:wasm`');
}

let dawn: GPU | undefined;

export const nodePlatform: Platform = {
  async gpu() {
    if (!dawn) {
      const webgpu = await import('webgpu');
      // Dawn's enums (GPUBufferUsage, ...) become globals, as in a browser, for user code.
      Object.assign(globalThis, webgpu.globals);
      dawn = webgpu.create([]) as GPU;
    }
    return dawn;
  },
  async wasmBytes() {
    return new Uint8Array(await readFile(join(wasmBuildDir(), 'taichi.wasm')));
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
  async factory() {
    const require = createRequire(import.meta.url);
    return require(join(wasmBuildDir(), 'taichi.cjs')) as TaichiWasmFactory;
  },
};
