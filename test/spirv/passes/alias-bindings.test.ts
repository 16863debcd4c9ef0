// The aliased-bindings pass (shim/spirv/passes/alias-bindings.ts): shaders whose storage
// bindings are filled with one buffer, translated with the bindings merged, run on Dawn with that
// one buffer, and compared with the same computation done here on one array.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateSpirv } from '../../../shim/spirv/translate.js';
import { SpirvCompiler, createDevice, run, rng } from '../harness.js';

describe('alias-bindings pass', () => {
  const compiler = new SpirvCompiler();
  let device: GPUDevice;
  beforeAll(async () => {
    device = await createDevice();
  });
  afterAll(() => {
    device?.destroy();
    compiler.dispose();
  });

  it('merges two bindings of one type: x += y with y the same buffer doubles x', async () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 1) buffer X { float x[]; };
layout(std430, binding = 2) readonly buffer Y { float y[]; };
void main() { uint i = gl_GlobalInvocationID.x; if (i < 256u) x[i] = x[i] + y[i]; }`);
    const r = translateSpirv(words, { aliases: [{ set: 0, bindings: [1, 2], offsets: [0, 0] }] });
    expect(r.bindings.map((b) => [b.binding, b.kind, b.access])).toEqual([[1, 'storage', 'read_write']]);
    const next = rng(7);
    const x = Float32Array.from({ length: 256 }, () => Math.fround(next() * 100 - 50));
    const out = await run(device, r, { resources: { 1: { buffer: x } }, groups: [4, 1, 1] });
    expect(Array.from(new Float32Array(out[1]))).toEqual(Array.from(x, (v) => Math.fround(v + v)));
  });

  it('merges views of other element types at other offsets: loads and stores are bitcast, indices shifted', async () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer Src { float src[]; };
layout(std430, binding = 3) buffer Dst { uint dst[]; };
layout(std430, binding = 5) buffer Neg { int neg[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i < 128u) { dst[i] = floatBitsToUint(src[i] * 2.0); neg[i] = -int(src[i]); }
}`);
    // One buffer: src at elements [0, 128), dst at [128, 256), neg at [256, 384).
    const r = translateSpirv(words, { aliases: [{ set: 0, bindings: [0, 3, 5], offsets: [0, 512, 1024] }] });
    expect(r.bindings.map((b) => [b.binding, b.access])).toEqual([[0, 'read_write']]);
    const words32 = new Uint32Array(384);
    const f = new Float32Array(words32.buffer);
    for (let i = 0; i < 128; i++) f[i] = i * 1.5 - 40;
    const out = new Uint32Array((await run(device, r, { resources: { 0: { buffer: words32 } }, groups: [2, 1, 1] }))[0]);
    const want = new Uint32Array(words32);
    const wf = new Float32Array(want.buffer);
    const wi = new Int32Array(want.buffer);
    for (let i = 0; i < 128; i++) {
      wf[128 + i] = Math.fround(f[i] * 2);
      wi[256 + i] = -Math.trunc(f[i]);
    }
    expect(Array.from(out)).toEqual(Array.from(want));
  });

  it('routes atomics through the merged variable, converting to its cell type', async () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer Data { uint data[]; };
layout(std430, binding = 1) buffer Counter { int counter[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  if (i < 200u) atomicAdd(counter[int(data[i + 4u] % 4u)], int(data[i + 4u]));
}`);
    // counter[k] and data[k] are the same word: data[4..203] hold small values, counter[0..3] their sums by residue.
    const r = translateSpirv(words, { aliases: [{ set: 0, bindings: [0, 1], offsets: [0, 0] }] });
    expect(r.bindings.map((b) => b.binding)).toEqual([0]);
    const input = new Uint32Array(256);
    for (let i = 4; i < 204; i++) input[i] = (i * 7) % 13;
    const out = new Int32Array((await run(device, r, { resources: { 0: { buffer: input } }, groups: [4, 1, 1] }))[0]);
    const sums = [0, 0, 0, 0];
    for (let i = 4; i < 204; i++) sums[input[i] % 4] += input[i];
    expect(Array.from(out.subarray(0, 4))).toEqual(sums);
  });

  it('refuses what it cannot merge, naming the bindings', () => {
    const twoMembers = compiler.glsl(`#version 450
layout(std430, binding = 0) buffer A { uint n; float a[]; };
layout(std430, binding = 1) buffer B { float b[]; };
void main() { b[gl_GlobalInvocationID.x] = a[n]; }`);
    expect(() => translateSpirv(twoMembers, { aliases: [{ set: 0, bindings: [0, 1], offsets: [0, 0] }] })).toThrow(/bindings 0 and 1 lay it out differently/);
    const length = compiler.glsl(`#version 450
layout(std430, binding = 0) buffer A { float a[]; };
layout(std430, binding = 1) buffer B { uint b[]; };
void main() { b[0] = uint(a.length()); }`);
    expect(() => translateSpirv(length, { aliases: [{ set: 0, bindings: [0, 1], offsets: [0, 0] }] })).toThrow(/OpArrayLength of one of them would measure the merged range/);
    const offset = compiler.glsl(`#version 450
layout(std430, binding = 0) buffer A { uint a[]; };
layout(std430, binding = 1) buffer B { int b[]; };
void main() { a[1] = 2u; atomicMin(b[0], -1); }`);
    expect(() => translateSpirv(offset, { aliases: [{ set: 0, bindings: [0, 1], offsets: [0, 6] }] })).toThrow(/elements divide its offset/);
  });

  it('compares a min or max of the other signedness than the merged cell as its opcode says', async () => {
    // Taichi's root buffer has i32 and u32 views in one task (the corpus's field_atomics): a
    // signed min through the int view of a uint cell must not compare unsigned.
    const words = compiler.glsl(`#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer A { uint a[]; };
layout(std430, binding = 1) buffer B { int b[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  atomicMin(b[0], int(i) - 100);
  atomicMax(a[1], i * 0x01000000u);
  atomicMax(b[2], int(i) - 100);
}`);
    const r = translateSpirv(words, { aliases: [{ set: 0, bindings: [0, 1], offsets: [0, 0] }] });
    expect(r.bindings.map((b) => b.binding)).toEqual([0]);
    const out = new Int32Array((await run(device, r, { resources: { 0: { buffer: new Uint32Array(4) } }, groups: [4, 1, 1] }))[0]);
    // Unsigned, the negative values would win the max and lose the min.
    expect(Array.from(out.subarray(0, 3))).toEqual([-100, 0xff000000 | 0, 155]);
  });
});
