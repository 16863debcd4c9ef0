// Deno: navigator.gpu (wgpu) and the wasm fetched beside this module, as in a browser, plus the
// file system through the Deno namespace, so that a module loads by path as in Node. Only the
// global Deno object is used: this file imports no Deno or Node module, and bundles stay clean.
import type { Platform } from './types.js';
import { browserPlatform } from './browser.js';
import { unzipModule } from '../archive.js';

/** The parts of Deno's namespace used here (the package is not type-checked against Deno's types). */
interface DenoFs {
  readFileSync(path: string): Uint8Array;
  statSync(path: string): { isFile: boolean; isDirectory: boolean };
  readDirSync(path: string): Iterable<{ name: string; isFile: boolean }>;
  errors: { NotFound: new (...args: never[]) => Error };
}

function denoNamespace(): DenoFs | undefined {
  const deno = (globalThis as { Deno?: DenoFs }).Deno;
  return typeof deno?.readFileSync === 'function' ? deno : undefined;
}

export function isDeno(): boolean {
  return denoNamespace() !== undefined;
}

export const denoPlatform: Platform = {
  ...browserPlatform,
  async gpu() {
    const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
    if (!gpu) throw new Error('WebGPU is not available in this Deno (navigator.gpu is undefined): run it with --unstable-webgpu');
    return gpu;
  },
  readModuleFiles(path: string) {
    const deno = denoNamespace()!;
    let stat: { isFile: boolean; isDirectory: boolean };
    try {
      stat = deno.statSync(path);
    } catch (e) {
      if (e instanceof deno.errors.NotFound) throw new Error(`no module at path '${path}'`);
      throw e;
    }
    if (stat.isDirectory) {
      const files = new Map<string, Uint8Array>();
      for (const entry of deno.readDirSync(path)) if (entry.isFile) files.set(entry.name, deno.readFileSync(`${path}/${entry.name}`));
      return files;
    }
    return unzipModule(deno.readFileSync(path));
  },
};
