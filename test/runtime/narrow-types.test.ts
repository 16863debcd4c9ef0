// Taichi 1.7.4 can write Int8 and 64-bit types into a module's SPIR-V without naming the
// capability in required_caps (a kernel compiled for a live Vulkan device that has them, then
// exported: a u8 field's game of life did so). An 8-bit one runs, as it does with the capability
// named (the translator holds 8-bit integers in 32-bit words). A 64-bit one is sound SPIR-V that
// WGSL cannot express: it is refused at load as INCOMPATIBLE_MODULE naming the type, not
// CORRUPTED_DATA ("not valid SPIR-V"). Made here from the corpus's modules without their capability.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';
import { cases, HERE } from '../helpers/corpus-manifest.js';
import { ModuleCache, readFromDisk, runCase } from '../helpers/corpus-run.js';

const CORPUS = fileURLToPath(new URL('../taichi/taichi/', import.meta.url));
const runtime = useRuntime();

function withoutCaps(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const meta = JSON.parse(strFromU8(files['metadata.json']));
  meta.required_caps = meta.required_caps.filter((c: { key: string }) => c.key === 'spirv_version');
  files['metadata.json'] = strToU8(JSON.stringify(meta));
  return zipSync(files);
}

describe('a shader using a narrow or wide type, its capability unnamed', () => {
  it('refuses a 64-bit type at load, naming the type', async () => {
    const bytes = withoutCaps(new Uint8Array(readFileSync(`${CORPUS}caps_refused-int64.tcm`)));
    await expectTaichiError(() => runtime().loadModule(bytes), 'INCOMPATIBLE_MODULE', 'uses what WGSL cannot express', '(int64) has no WGSL equivalent');
  });

  it('runs 8-bit integers and matches ti.cpu', async () => {
    const eight = cases('taichi', HERE).filter((c) => c.group === 'eight');
    expect(eight.length).toBeGreaterThan(0);
    const stripped = async (path: string) => (path.endsWith('eight.tcm') ? withoutCaps(await readFromDisk(path)) : readFromDisk(path));
    const modules = new ModuleCache(runtime(), stripped);
    try {
      for (const c of eight) {
        const r = await runCase(runtime(), modules, c, HERE, stripped);
        expect(r.mismatches, c.name).toEqual([]);
        expect(r.compared, c.name).toBeGreaterThan(0);
      }
    } finally {
      await modules.destroy();
    }
  });
});
