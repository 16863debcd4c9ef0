// Float atomic adds combined per subgroup (shim/spirv/wgsl/atomics.ts): on a device with WebGPU's
// subgroups feature, an add whose result nothing reads to the one cell every invocation adds to
// (OpAtomicFAddEXT, and Taichi's compare-exchange loops after passes/cas-loop.ts) sums the values
// of a subgroup's invocations before one of them updates the cell. The sums must be what each
// invocation adding alone gives (exact here: small integers); adds to cells that differ per
// invocation, and an add whose result is read, stay per invocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateSpirv } from '../../shim/spirv/translate.js';
import { createDevice, rng, run, SpirvCompiler } from './harness.js';

const N = 256;
const INPUT = (() => {
  const r = rng(15);
  return Float32Array.from({ length: N }, () => -20 + Math.floor(r() * 41));
})();

/** Per-cell sums of 1024 invocations: o[0] += i % 16, o[1 + i % 4] += a[i % 256]. */
function expected(): number[] {
  const sums = [0, 0, 0, 0];
  for (let i = 0; i < 1024; i++) sums[i % 4] += INPUT[i % N];
  return [120 * 64, ...sums];
}

describe('float atomic adds combined per subgroup', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(['subgroups']); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  it('the device offers subgroups (lavapipe and the GPU machine do)', () => {
    expect(device.features.has('subgroups')).toBe(true);
  });

  for (const [file, optimize, env] of [['cas_loop.comp', true, undefined], ['atomic_float.comp', false, 'vulkan1.2']] as const) {
    it(`${file}: the same sums as one add per invocation`, async () => {
      const r = translateSpirv(compiler.glslFile(file, { env, optimize }), { subgroups: true });
      // Only o[0] is one cell for every invocation.
      expect(r.wgsl.match(/subgroupAdd\(/g)).toHaveLength(1);
      const out = await run(device, r, { resources: { 0: { buffer: INPUT }, 1: { buffer: 8 * 4 } }, groups: [16, 1, 1] });
      const o = new Float32Array(out[1]);
      expect(Array.from(o.subarray(0, 5))).toEqual(expected());
      // atomic_float reads the old value of its third add: 1024 adds of 1, and o[6] set once.
      if (file === 'atomic_float.comp') expect([o[5], o[6]]).toEqual([1024, 42]);
    });
  }

  it('without the feature, the adds stay one per invocation', () => {
    const r = translateSpirv(compiler.glslFile('cas_loop.comp', { optimize: true }));
    expect(r.wgsl).not.toContain('subgroup');
  });
});
