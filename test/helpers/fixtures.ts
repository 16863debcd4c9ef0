// The real Taichi modules the fuzzers mutate, found in shared/fixtures/taichi-aot beside or
// inside the checkout (from test/fuzz/ or from dist/test/fuzz/).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

let dir: string | undefined;

export function fixturesDir(): string {
  if (dir) return dir;
  let at = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    for (const candidate of [join(at, 'shared', 'fixtures', 'taichi-aot'), join(at, '..', 'shared', 'fixtures', 'taichi-aot')]) {
      if (existsSync(join(candidate, 'android_fill_matmul.tcm'))) return (dir = candidate);
    }
    at = dirname(at);
  }
  throw new Error('shared/fixtures/taichi-aot not found above the fuzzers');
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesDir(), name)));
}

/** The loadable modules (implicit_fem is the old format, refused by design; it stays a seed too). */
export const MODULES = [
  'android_fill_matmul.tcm',
  'fractal.kernel.tcm',
  'fractal.cgraph.tcm',
  'mpm88.cgraph.tcm',
  'mpm3D.kernel.tcm',
  'mpm3D.cgraph.tcm',
  'lava_flow.tcm',
  'implicit_fem.kernel.tcm',
] as const;

/** The small modules: cheap to load, for the quick run in `npm test`. */
export const SMALL_MODULES = ['android_fill_matmul.tcm', 'fractal.kernel.tcm', 'fractal.cgraph.tcm'] as const;

export interface ModuleFiles {
  name: string;
  /** Entries in archive order. */
  entries: { name: string; data: Uint8Array }[];
}

const cache = new Map<string, ModuleFiles>();

export function moduleFiles(name: string): ModuleFiles {
  let m = cache.get(name);
  if (!m) {
    const files = unzipSync(fixtureBytes(name));
    m = { name, entries: Object.entries(files).map(([n, data]) => ({ name: n, data })) };
    cache.set(name, m);
  }
  return m;
}

/** Every SPIR-V task of every fixture, as words. */
export function allSpirvTasks(): { module: string; task: string; words: Uint32Array }[] {
  const out: { module: string; task: string; words: Uint32Array }[] = [];
  for (const name of MODULES) {
    for (const e of moduleFiles(name).entries) {
      if (!e.name.endsWith('.spv') || e.data.length % 4 !== 0 || e.data.length === 0) continue;
      const words = new Uint32Array(e.data.length / 4);
      new Uint8Array(words.buffer).set(e.data);
      out.push({ module: name, task: e.name.slice(e.name.lastIndexOf('/') + 1), words });
    }
  }
  return out;
}
