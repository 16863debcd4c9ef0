// Taichi 1.7.4 can write Int8 and 64-bit types into a module's SPIR-V without naming the
// capability in required_caps (a kernel compiled for a live Vulkan device that has them, then
// exported: a u8 field's game of life did so). Such a shader is sound SPIR-V that WGSL cannot
// express: it is refused at load as INCOMPATIBLE_MODULE naming the type, not CORRUPTED_DATA
// ("not valid SPIR-V"). Made here from the corpus's int8 and int64 modules without their capability.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { expectTaichiError, useRuntime } from '../helpers/aot.js';

const CORPUS = fileURLToPath(new URL('../taichi/taichi/', import.meta.url));
const runtime = useRuntime();

function withoutCaps(name: string): Uint8Array {
  const files = unzipSync(new Uint8Array(readFileSync(`${CORPUS}${name}`)));
  const meta = JSON.parse(strFromU8(files['metadata.json']));
  meta.required_caps = meta.required_caps.filter((c: { key: string }) => c.key === 'spirv_version');
  files['metadata.json'] = strToU8(JSON.stringify(meta));
  return zipSync(files);
}

describe('a shader using a type WGSL lacks, its capability unnamed', () => {
  it.each([
    ['caps_refused-int8.tcm', '(int8) has no WGSL equivalent'],
    ['caps_refused-int64.tcm', '(int64) has no WGSL equivalent'],
  ])('%s is refused at load naming the type', async (module, type) => {
    await expectTaichiError(() => runtime().loadModule(withoutCaps(module)), 'INCOMPATIBLE_MODULE', 'uses what WGSL cannot express', type);
  });
});
