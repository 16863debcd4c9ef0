// Specialization constants folded before translation (shim/spirv/passes/spec-constants.ts): the
// values of a VkSpecializationInfo, or the shader's defaults, reach scalar constants, booleans,
// composites, OpSpecConstantOp results, the workgroup size (local_size_*_id and gl_WorkGroupSize)
// and shared-array lengths; every case runs on the GPU and is checked against a CPU computation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldSpecConstants } from '../../../shim/spirv/passes/spec-constants.js';
import { translateSpirv, type SpecializationValues } from '../../../shim/spirv/translate.js';
import { SpirvTranslationError } from '../../../shim/spirv/errors.js';
import { createDevice, run, SpirvCompiler } from '../harness.js';

const u32 = (v: number): Uint8Array => new Uint8Array(new Uint32Array([v]).buffer);
const i32 = (v: number): Uint8Array => new Uint8Array(new Int32Array([v]).buffer);
const f32 = (v: number): Uint8Array => new Uint8Array(new Float32Array([v]).buffer);

// Every kind of specialization constant, written to o[] by one invocation per workgroup lane.
const ALL_KINDS = `#version 450
layout(local_size_x_id = 0, local_size_y = 1) in;
layout(constant_id = 1) const int SCALE = 3;
layout(constant_id = 2) const bool FLIP = false;
layout(constant_id = 3) const float BIAS = 0.5;
layout(constant_id = 4) const uint SHIFT = 1u;
const int SCALED = SCALE * 4 - 1;            // OpSpecConstantOp IMul, ISub
const uint SHIFTED = (7u << SHIFT) | 1u;     // OpSpecConstantOp ShiftLeftLogical, BitwiseOr
const bool BOTH = FLIP && (SCALE > 2);       // OpSpecConstantOp SGreaterThan, LogicalAnd
const int PICK = FLIP ? SCALE : -SCALE;      // OpSpecConstantOp Select, SNegate
shared int lanes[gl_WorkGroupSize.x];        // a shared array sized by a spec constant
layout(std430, binding = 0) buffer B { float o[]; };
void main() {
  uint i = gl_LocalInvocationID.x;
  lanes[i] = int(i) * SCALE;
  barrier();
  if (i == 0u) {
    int sum = 0;
    for (uint k = 0u; k < gl_WorkGroupSize.x; ++k) sum += lanes[k];
    o[0] = float(gl_WorkGroupSize.x);
    o[1] = float(SCALED);
    o[2] = float(SHIFTED);
    o[3] = BOTH ? 1.0 : 0.0;
    o[4] = float(PICK);
    o[5] = BIAS;
    o[6] = float(sum);
  }
}`;

/** What ALL_KINDS writes, computed on the CPU. */
function expected(x: number, scale: number, flip: boolean, bias: number, shift: number): number[] {
  let sum = 0;
  for (let k = 0; k < x; k++) sum += k * scale;
  return [x, scale * 4 - 1, ((7 << shift) | 1) >>> 0, flip && scale > 2 ? 1 : 0, flip ? scale : -scale, bias, sum];
}

describe('specialization constants', () => {
  const compiler = new SpirvCompiler();
  let device: GPUDevice;
  let allKinds: Uint32Array;
  beforeAll(async () => {
    device = await createDevice();
    allKinds = compiler.glsl(ALL_KINDS);
  });
  afterAll(() => {
    device?.destroy();
    compiler.dispose();
  });

  async function outputs(words: Uint32Array, spec: SpecializationValues): Promise<number[]> {
    const r = translateSpirv(words, { specialization: spec });
    const out = await run(device, r, { resources: { 0: { buffer: 7 * 4 } }, groups: [1, 1, 1] });
    return Array.from(new Float32Array(out[0]));
  }

  it.each([
    ['the defaults', new Map<number, Uint8Array>(), [1, 3, false, 0.5, 1] as const],
    ['every value given', new Map([[0, u32(32)], [1, i32(5)], [2, u32(1)], [3, f32(-2.25)], [4, u32(3)]]), [32, 5, true, -2.25, 3] as const],
    ['some values given', new Map([[0, u32(8)], [2, u32(1)]]), [8, 3, true, 0.5, 1] as const],
    ['a negative scale', new Map([[0, u32(64)], [1, i32(-7)], [2, u32(1)]]), [64, -7, true, 0.5, 1] as const],
  ])('with %s', async (_name, spec, [x, scale, flip, bias, shift]) => {
    const r = translateSpirv(allKinds, { specialization: spec });
    expect(r.workgroupSize).toEqual([x, 1, 1]);
    expect(await outputs(allKinds, spec)).toEqual(expected(x, scale, flip, bias, shift));
  });

  it('folds integer operations the way the GPU wraps them', async () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(constant_id = 0) const uint A = 5u;
layout(constant_id = 1) const int B = -3;
const uint WRAP = A - 9u;          // wraps around 2^32
const int QUO = B / 2;             // truncates toward zero
const int REM = B % 2;             // OpSMod: the sign of the divisor
const uint USR = A >> 1u;
const int ASR = B >> 1;            // arithmetic shift
const uint NOTA = ~A;
layout(std430, binding = 0) buffer B2 { uint o[]; };
void main() { o[0] = WRAP; o[1] = uint(QUO); o[2] = uint(REM); o[3] = USR; o[4] = uint(ASR); o[5] = NOTA; }`);
    for (const [a, b] of [[5, -3], [0xffff_fff0, 7], [1, -2147483648]]) {
      const r = translateSpirv(words, { specialization: new Map([[0, u32(a)], [1, i32(b)]]) });
      const out = new Uint32Array((await run(device, r, { resources: { 0: { buffer: 6 * 4 } }, groups: [1, 1, 1] }))[0]);
      const cpu = [(a - 9) >>> 0, Math.trunc(b / 2) >>> 0, (((b % 2) + 2) % 2) >>> 0, a >>> 1, (b >> 1) >>> 0, ~a >>> 0];
      expect(Array.from(out)).toEqual(cpu);
    }
  });

  it('leaves a module without specialization constants as it is', () => {
    const words = compiler.glsl('#version 450\nlayout(local_size_x = 2) in;\nlayout(std430, binding = 0) buffer B { uint o[]; };\nvoid main() { o[0] = 1u; }');
    expect(foldSpecConstants(words)).toBe(words);
  });

  it('refuses a value too small for its constant and a division by zero, with the place', () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(constant_id = 0) const uint D = 1u;
const uint Q = 12u / D;
layout(std430, binding = 0) buffer B { uint o[]; };
void main() { o[0] = Q; }`);
    expect(() => foldSpecConstants(words, new Map([[0, new Uint8Array([2])]]))).toThrow(/gives 1 bytes for a 32-bit constant/);
    expect(() => foldSpecConstants(words, new Map([[0, u32(0)]]))).toThrow(SpirvTranslationError);
    expect(() => foldSpecConstants(words, new Map([[0, u32(0)]]))).toThrow(/divides by zero/);
  });
});
