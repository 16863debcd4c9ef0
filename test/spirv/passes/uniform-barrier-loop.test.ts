// The uniform-barrier-loop pass (shim/spirv/passes/uniform-barrier-loop.ts) on the block
// reductions Taichi 1.7.4 exported (test/taichi/parity/shared_arrays.py): their barriers sit in
// the grid-stride loop, which the pass makes uniform so that WebGPU accepts the pipeline; the
// dispatch sizing still sees the loop as written; loops without barriers are left alone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { translateSpirv } from '../../../shim/spirv/translate.js';
import { buildPipeline, createDevice } from '../harness.js';

function spirvOf(module: string): Map<string, Uint32Array> {
  const files = unzipSync(readFileSync(new URL(`../../taichi/parity/modules/${module}.tcm`, import.meta.url)));
  const out = new Map<string, Uint32Array>();
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('.spv')) out.set(name, new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  }
  return out;
}

let device: GPUDevice;
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => device?.destroy());

describe('uniform barrier loops', () => {
  const reductions = spirvOf('shared_arrays');

  it('finds both reductions', () => {
    expect(reductions.size).toBe(2);
  });

  for (const [name, words] of reductions) {
    it(`${name}: the loop counts the workgroup's first index, and WebGPU takes the barriers`, async () => {
      const r = translateSpirv(words);
      expect(r.wgsl).toContain('workgroupBarrier()');
      expect(r.wgsl).toContain('@builtin(workgroup_id)');
      expect(r.wgsl).toContain('@builtin(local_invocation_id)');
      // Writes of invocations past the end are guarded.
      expect(r.wgsl).toMatch(/if \(v_\d+\) \{/);
      // The dispatch sizing reads the loop as Taichi wrote it: begin 0, end the ndarray's length.
      expect(r.gridStride?.groupSize).toBe(64);
      expect(r.gridStride?.begin).toEqual({ op: 'const', value: 0 });
      const { errors } = await buildPipeline(device, r);
      expect(errors).toEqual([]);
    });
  }

  it('leaves grid-stride loops without barriers as they were', () => {
    for (const [, words] of spirvOf('vector_args')) {
      const r = translateSpirv(words);
      expect(r.gridStride).toBeDefined();
      expect(r.wgsl).not.toContain('workgroup_id');
      expect(r.wgsl).not.toContain('local_invocation_id');
    }
  });
});
