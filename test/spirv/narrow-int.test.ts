// The narrow integer pass (shim/spirv/passes/narrow-int.ts): 8- and 16-bit values held in 32-bit
// words must compute what 8- and 16-bit hardware computes, for every operation, at the edges of
// both ranges, and neighbouring invocations writing the lanes of one word must not lose each
// other's writes. Checked against a CPU model of narrow arithmetic on a WebGPU device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpirvTranslationError, translateSpirv } from '../../shim/spirv/translate.js';
import { widenNarrowInts } from '../../shim/spirv/passes/narrow-int.js';
import { createDevice, rng, run, SpirvCompiler } from './harness.js';

const HEADER = `#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int16 : require
#extension GL_EXT_shader_16bit_storage : require
`;

const OPS = `${HEADER}
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { int16_t a[]; };
layout(std430, binding = 1) readonly buffer B { uint16_t b[]; };
layout(std430, binding = 2) buffer O { int o[]; };
layout(std430, binding = 3) buffer S { int16_t s[]; };
layout(std430, binding = 4) buffer T { uint16_t t[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int16_t x = a[2 * i], y = a[2 * i + 1];
  uint16_t u = b[2 * i], v = b[2 * i + 1];
  int16_t yd = y == int16_t(0) ? int16_t(1) : y;
  uint16_t vd = v == uint16_t(0) ? uint16_t(1) : v;
  uint k = 20 * i;
  o[k + 0] = int(int16_t(x + y));
  o[k + 1] = int(int16_t(x * y));
  o[k + 2] = int(int16_t(x - y));
  o[k + 3] = int(int16_t(x / yd));
  o[k + 4] = int(int16_t(x >> int16_t(3)));
  o[k + 5] = int(int16_t(-x));
  o[k + 6] = int(int16_t(~x));
  o[k + 7] = int(int16_t(x ^ y));
  o[k + 8] = int(uint16_t(u + v));
  o[k + 9] = int(uint16_t(u * v));
  o[k + 10] = int(uint16_t(u / vd));
  o[k + 11] = int(uint16_t(u % vd));
  o[k + 12] = int(uint16_t(u >> uint16_t(3)));
  o[k + 13] = int(uint16_t(u << uint16_t(5)));
  o[k + 14] = int(int16_t(u));
  o[k + 15] = int(uint16_t(x));
  o[k + 16] = int(x < y) + 2 * int(u < v) + 4 * int(x == int16_t(u));
  o[k + 17] = int(uint(x));
  o[k + 18] = int(max(x, y)) ^ int(min(u, v));
  o[k + 19] = int(abs(x));
  s[i] = int16_t(x * y + int16_t(3));
  t[i] = uint16_t(u * v + uint16_t(7));
}`;

const s16 = (x: number) => (x << 16) >> 16;
const u16 = (x: number) => x & 0xffff;

function model(x: number, y: number, u: number, v: number): number[] {
  const yd = y === 0 ? 1 : y;
  const vd = v === 0 ? 1 : v;
  return [
    s16(x + y), s16(Math.imul(x, y)), s16(x - y), s16(Math.trunc(x / yd)), x >> 3, s16(-x), s16(~x), s16(x ^ y),
    u16(u + v), u16(Math.imul(u, v)), u16(Math.floor(u / vd)), u16(u % vd), u >> 3, u16(u << 5), s16(u), u16(x),
    Number(x < y) + 2 * Number(u < v) + 4 * Number(u16(x) === u),
    x | 0, Math.max(x, y) ^ Math.min(u, v), s16(Math.abs(x)),
  ];
}

let device: GPUDevice;
const compiler = new SpirvCompiler();
beforeAll(async () => {
  device = await createDevice();
});
afterAll(() => {
  device?.destroy();
  compiler.dispose();
});

describe('16-bit integers in 32-bit words', () => {
  it('leaves a module without 16-bit integers as it is', () => {
    const words = compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer O { int o[]; };
void main() { o[0] = 1; }`);
    expect(widenNarrowInts(words)).toBe(words);
  });

  it('computes every operation as 16-bit hardware does, at the edges and at random', async () => {
    const edges = [-32768, -32767, -1, 0, 1, 2, 3, 7, 255, 256, 32767, -256];
    const r = rng(16);
    const n = 64;
    const a = new Int16Array(2 * n);
    const b = new Uint16Array(2 * n);
    for (let i = 0; i < 2 * n; i++) {
      a[i] = i < edges.length * 2 ? edges[(i * 5) % edges.length] : s16(Math.floor(r() * 65536));
      b[i] = i < edges.length * 2 ? u16(edges[(i * 7) % edges.length]) : Math.floor(r() * 65536);
    }
    for (const optimize of [false, true]) {
      const out = await run(device, translateSpirv(compiler.glsl(OPS, { optimize })), {
        resources: { 0: { buffer: a }, 1: { buffer: b }, 2: { buffer: 20 * 4 * n }, 3: { buffer: 2 * n }, 4: { buffer: 2 * n } },
        groups: [1, 1, 1],
      });
      const o = new Int32Array(out[2]);
      const s = new Int16Array(out[3]);
      const t = new Uint16Array(out[4]);
      for (let i = 0; i < n; i++) {
        const [x, y, u, v] = [a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]];
        expect(Array.from(o.subarray(20 * i, 20 * i + 20)), `x=${x} y=${y} u=${u} v=${v} (optimize ${optimize})`).toEqual(model(x, y, u, v));
        expect(s[i], `s[${i}]`).toBe(s16(Math.imul(x, y) + 3));
        expect(t[i], `t[${i}]`).toBe(u16(Math.imul(u, v) + 7));
      }
    }
  });

  it('refuses vectors of 16-bit integers by name', () => {
    const words = compiler.glsl(`${HEADER}
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer A { i16vec2 a[]; };
void main() { a[0] = a[1] + a[2]; }`);
    expect(() => translateSpirv(words)).toThrowError(SpirvTranslationError);
    expect(() => translateSpirv(words)).toThrowError(/vectors of 16-bit integers/);
  });
});

const HEADER8 = `#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int8 : require
#extension GL_EXT_shader_8bit_storage : require
`;

// Each invocation writes its own byte of s and t: four invocations share a word.
const OPS8 = `${HEADER8}
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { int8_t a[]; };
layout(std430, binding = 1) readonly buffer B { uint8_t b[]; };
layout(std430, binding = 2) buffer O { int o[]; };
layout(std430, binding = 3) buffer S { int8_t s[]; };
layout(std430, binding = 4) buffer T { uint8_t t[]; };
layout(std140, binding = 5) uniform U { int8_t k0; int8_t k1; uint8_t k2; uint8_t k3; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  int8_t x = a[2 * i], y = a[2 * i + 1];
  uint8_t u = b[2 * i], v = b[2 * i + 1];
  int8_t yd = y == int8_t(0) ? int8_t(1) : y;
  uint8_t vd = v == uint8_t(0) ? uint8_t(1) : v;
  uint k = 16 * i;
  o[k + 0] = int(int8_t(x + y));
  o[k + 1] = int(int8_t(x * y));
  o[k + 2] = int(int8_t(x - y));
  o[k + 3] = int(int8_t(x / yd));
  o[k + 4] = int(int8_t(x >> int8_t(3)));
  o[k + 5] = int(int8_t(-x));
  o[k + 6] = int(uint8_t(u + v));
  o[k + 7] = int(uint8_t(u * v));
  o[k + 8] = int(uint8_t(u / vd));
  o[k + 9] = int(uint8_t(u % vd));
  o[k + 10] = int(uint8_t(u << uint8_t(3)));
  o[k + 11] = int(int8_t(u));
  o[k + 12] = int(uint8_t(x));
  o[k + 13] = int(x < y) + 2 * int(u < v) + 4 * int(x == int8_t(u));
  o[k + 14] = int(max(x, y)) ^ int(min(u, v));
  o[k + 15] = int(k0) + 1000 * int(k1) + 100000 * int(k2) + 10000000 * int(k3);
  s[i] = int8_t(x * y + int8_t(3));
  t[i] = uint8_t(u * v + uint8_t(7));
}`;

const s8 = (x: number) => (x << 24) >> 24;
const u8 = (x: number) => x & 0xff;

function model8(x: number, y: number, u: number, v: number, k: number[]): number[] {
  const yd = y === 0 ? 1 : y;
  const vd = v === 0 ? 1 : v;
  return [
    s8(x + y), s8(Math.imul(x, y)), s8(x - y), s8(Math.trunc(x / yd)), x >> 3, s8(-x),
    u8(u + v), u8(Math.imul(u, v)), u8(Math.floor(u / vd)), u8(u % vd), u8(u << 3), s8(u), u8(x),
    Number(x < y) + 2 * Number(u < v) + 4 * Number(u8(x) === u),
    Math.max(x, y) ^ Math.min(u, v),
    k[0] + 1000 * k[1] + 100000 * k[2] + 10000000 * k[3],
  ];
}

describe('8-bit integers in 32-bit words', () => {
  it('computes every operation as 8-bit hardware does, at the edges and at random, with four lanes to a word', async () => {
    const edges = [-128, -127, -1, 0, 1, 2, 3, 7, 15, 16, 127, -16];
    const r = rng(8);
    const n = 64;
    const a = new Int8Array(2 * n);
    const b = new Uint8Array(2 * n);
    for (let i = 0; i < 2 * n; i++) {
      a[i] = i < edges.length * 2 ? edges[(i * 5) % edges.length] : s8(Math.floor(r() * 256));
      b[i] = i < edges.length * 2 ? u8(edges[(i * 7) % edges.length]) : Math.floor(r() * 256);
    }
    // The uniform's four 8-bit members share its first word: each is read from its own lane.
    const k = [-7, 100, 200, 3];
    const uniform = new Uint8Array(16);
    uniform.set([u8(k[0]), u8(k[1]), k[2], k[3]]);
    for (const optimize of [false, true]) {
      const out = await run(device, translateSpirv(compiler.glsl(OPS8, { optimize })), {
        resources: { 0: { buffer: a }, 1: { buffer: b }, 2: { buffer: 16 * 4 * n }, 3: { buffer: n }, 4: { buffer: n }, 5: { buffer: uniform } },
        groups: [1, 1, 1],
      });
      const o = new Int32Array(out[2]);
      const s = new Int8Array(out[3]);
      const t = new Uint8Array(out[4]);
      for (let i = 0; i < n; i++) {
        const [x, y, u, v] = [a[2 * i], a[2 * i + 1], b[2 * i], b[2 * i + 1]];
        expect(Array.from(o.subarray(16 * i, 16 * i + 16)), `x=${x} y=${y} u=${u} v=${v} (optimize ${optimize})`).toEqual(model8(x, y, u, v, k));
        expect(s[i], `s[${i}]`).toBe(s8(Math.imul(x, y) + 3));
        expect(t[i], `t[${i}]`).toBe(u8(Math.imul(u, v) + 7));
      }
    }
  });

  it('refuses vectors of 8-bit integers by name', () => {
    const words = compiler.glsl(`${HEADER8}
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer A { i8vec4 a[]; };
void main() { a[0] = a[1] + a[2]; }`);
    expect(() => translateSpirv(words)).toThrowError(/vectors of 8-bit integers/);
  });
});
