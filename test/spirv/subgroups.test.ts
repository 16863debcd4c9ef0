// Subgroup operations (shim/spirv/wgsl/subgroups.ts): SPIR-V's non-uniform group instructions, as
// Taichi's ti.simt.subgroup writes them, on a device with WebGPU's subgroups feature. What a
// subgroup computes depends on its size (lavapipe's differs from a GPU's), so each check is one
// that holds at any size: sums of per-subgroup reductions, scans against reductions, ballots
// against counts, shuffles undone by themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndexOrderRefusal, SpirvUnsupportedError, translateSpirv } from '../../shim/spirv/translate.js';
import { createDevice, rng, run, SpirvCompiler } from './harness.js';

const HEADER = `#version 450
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#extension GL_KHR_shader_subgroup_ballot : require
#extension GL_KHR_shader_subgroup_vote : require
#extension GL_KHR_shader_subgroup_shuffle : require
#extension GL_KHR_shader_subgroup_shuffle_relative : require
`;

const N = 1024;
const OUT = 12;

// o[0..5]: sums over the dispatch, each added once per subgroup by its elected invocation;
// p[i * OUT + k]: per-invocation facts that hold at any subgroup size (1 where they do).
const OPS = `${HEADER}
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { int a[]; };
layout(std430, binding = 1) buffer O { int o[]; };
layout(std430, binding = 2) buffer P { int p[]; };
layout(std430, binding = 3) readonly buffer F { float f[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int x = a[i];
  int total = subgroupAdd(x);
  int inclusive = subgroupInclusiveAdd(x);
  int exclusive = subgroupExclusiveAdd(x);
  uvec4 ballot = subgroupBallot(x > 0);
  int positives = int(bitCount(ballot.x) + bitCount(ballot.y) + bitCount(ballot.z) + bitCount(ballot.w));
  int hi = subgroupMax(x);
  int lo = subgroupMin(x);
  float fsum = subgroupAdd(f[i]);
  if (subgroupElect()) {
    atomicAdd(o[0], total);
    atomicAdd(o[1], positives);
    atomicAdd(o[2], 1);
    atomicAdd(o[3], int(fsum));
    atomicOr(o[4], subgroupOr(x & 0xff));
    atomicAdd(o[5], int(gl_SubgroupSize));
  }
  uint k = OUT_STRIDE * i;
  p[k + 0] = int(inclusive - exclusive == x);
  p[k + 1] = int(lo <= x && x <= hi);
  p[k + 2] = int(subgroupAll(lo <= x));
  p[k + 3] = int(subgroupAny(x == hi));
  p[k + 4] = int(subgroupAllEqual(total));
  p[k + 5] = int(subgroupBroadcastFirst(total) == total);
  p[k + 6] = int(gl_SubgroupSize < 2u || subgroupShuffleXor(subgroupShuffleXor(x, 1u), 1u) == x);
  p[k + 7] = int(subgroupShuffle(x, gl_SubgroupInvocationID) == x);
  p[k + 8] = int(gl_SubgroupInvocationID < gl_SubgroupSize);
  p[k + 9] = int(gl_SubgroupInvocationID == 0u || subgroupShuffleUp(x, 1u) == subgroupShuffle(x, gl_SubgroupInvocationID - 1u));
  p[k + 10] = int(subgroupInclusiveMul(1) == 1 && subgroupXor(0) == 0);
  p[k + 11] = int(subgroupBroadcast(x, 0u) == subgroupBroadcastFirst(x) || !subgroupElect() || gl_SubgroupInvocationID != 0u);
}`.replace('OUT_STRIDE', String(OUT));

describe('subgroup operations on a device with subgroups', () => {
  let device: GPUDevice;
  const compiler = new SpirvCompiler();
  beforeAll(async () => { device = await createDevice(['subgroups']); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  it('compute what holds at any subgroup size', async () => {
    const r = rng(33);
    const a = Int32Array.from({ length: N }, () => Math.floor(r() * 2001) - 1000);
    const f = Float32Array.from({ length: N }, () => Math.floor(r() * 64));
    for (const optimize of [false, true]) {
      const shader = translateSpirv(compiler.glsl(OPS, { optimize }), { subgroups: true });
      expect(shader.wgsl).toContain('enable subgroups;');
      const out = await run(device, shader, { resources: { 0: { buffer: a }, 1: { buffer: 8 * 4 }, 2: { buffer: OUT * 4 * N }, 3: { buffer: f } }, groups: [N / 64, 1, 1] });
      const o = new Int32Array(out[1]);
      const subgroups = o[2];
      expect(subgroups, 'subgroups').toBeGreaterThanOrEqual(N / 128);
      expect(o[0], 'sum of the per-subgroup sums').toBe(a.reduce((s, v) => s + v, 0));
      expect(o[1], 'ballot bits of x > 0').toBe(a.filter((v) => v > 0).length);
      expect(o[3], 'sum of float sums').toBe(f.reduce((s, v) => s + v, 0));
      expect(o[4], 'or of every low byte').toBe(a.reduce((s, v) => s | (v & 0xff), 0));
      expect(o[5] / subgroups, 'mean subgroup size').toBe(N / subgroups);
      const p = new Int32Array(out[2]);
      for (let i = 0; i < N; i++) expect(Array.from(p.subarray(OUT * i, OUT * i + OUT)), `invocation ${i} (optimize ${optimize})`).toEqual(new Array(OUT).fill(1));
    }
  });

  it('refuses them by name on a device without subgroups, and scans WGSL lacks', () => {
    const words = compiler.glsl(`${HEADER}
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer O { int o[]; };
void main() { o[gl_GlobalInvocationID.x] = subgroupAdd(1); }`);
    expect(() => translateSpirv(words)).toThrowError(SpirvUnsupportedError);
    expect(() => translateSpirv(words)).toThrowError(/subgroups feature/);
    const scan = compiler.glsl(`${HEADER}
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer O { int o[]; };
void main() { o[gl_GlobalInvocationID.x] = subgroupInclusiveMax(int(gl_GlobalInvocationID.x)); }`);
    expect(() => translateSpirv(scan, { subgroups: true })).toThrowError(/WGSL scans only add and multiply/);
  });

  it('are refused in deterministic mode, whose one invocation has no subgroup to share with', () => {
    const words = compiler.glsl(OPS);
    expect(() => translateSpirv(words, { subgroups: true, indexOrder: true })).toThrowError(IndexOrderRefusal);
    expect(() => translateSpirv(words, { subgroups: true, indexOrder: true })).toThrowError(/subgroup operations/);
  });
});
