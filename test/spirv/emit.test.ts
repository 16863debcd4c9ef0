import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Op } from '../../shim/spirv/opcodes.js';
import { translateSpirv } from '../../shim/spirv/translate.js';
import { SpirvTranslationError } from '../../shim/spirv/errors.js';
import { buildPipeline, createDevice, GLSL_DIR, run, SpirvCompiler } from './harness.js';
import { readFileSync } from 'node:fs';

const BOOL_GLSL = `#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) buffer B { int o[]; };
void main() {
  uint i = gl_GlobalInvocationID.x;
  bool a = i > 3u, b = i < 40u, c = (i & 1u) == 0u;
  o[i] = ((a && b) || c) ? 1 : 0;
}
`;

const INT64_GLSL = `#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer B { uint o[]; };
void main() { uint64_t x = uint64_t(o[0]) * 3ul; o[1] = uint(x >> 1); }
`;

describe('emit', () => {
  const compiler = new SpirvCompiler();
  let device: GPUDevice;
  beforeAll(async () => { device = await createDevice(); });
  afterAll(() => { device?.destroy(); compiler.dispose(); });

  it('keeps SPIR-V set and binding numbers and reports the workgroup size', () => {
    const r = translateSpirv(compiler.glsl(`#version 450
layout(local_size_x = 4, local_size_y = 2) in;
layout(std430, set = 2, binding = 5) buffer B { int o[]; };
void main() { o[gl_LocalInvocationIndex] = 1; }`));
    expect(r.wgsl).toContain('@group(2) @binding(5) var<storage, read_write>');
    expect(r.wgsl).toContain('@workgroup_size(4, 2, 1)');
    expect(r.workgroupSize).toEqual([4, 2, 1]);
    expect(r.bindings).toEqual([expect.objectContaining({ set: 2, binding: 5, kind: 'storage', access: 'read_write', minSize: 4 })]);
  });

  it('reads uniform blocks as words at their std140 offsets', () => {
    const r = translateSpirv(compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(std140, binding = 0) uniform U { vec3 a; float b; float arr[2]; } u;
layout(std430, binding = 1) buffer B { float o[]; };
void main() { o[0] = u.b; o[1] = u.arr[1]; o[2] = u.a.y; }`));
    expect(r.wgsl).toContain('var<uniform> g_');
    expect(r.wgsl).toMatch(/array<vec4<u32>, 3>/);
    expect(r.wgsl).toMatch(/\[0\]\.w/); // b at byte 12
    expect(r.wgsl).toMatch(/\[2\]\.x/); // arr[1] at byte 32
  });

  it('inlines single-use pure expressions instead of naming them', () => {
    const r = translateSpirv(compiler.glsl(`#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer B { float o[]; };
void main() { float x = o[0]; o[1] = x * 2.0 + 1.0; }`, { optimize: true }));
    expect(r.wgsl).toMatch(/m0\[1i\] = [^;]*m0\[0i\][^;]*;/);
    expect(r.wgsl).not.toMatch(/\blet\b/);
  });

  it('accepts BitwiseAnd/Or on bools as logical operations (as Taichi emits them)', async () => {
    const words = compiler.glsl(BOOL_GLSL).slice();
    let patched = 0;
    for (let p = 5; p < words.length; p += words[p] >>> 16) {
      const op = words[p] & 0xffff;
      if (op === Op.LogicalAnd || op === Op.LogicalOr) {
        words[p] = (words[p] & 0xffff0000) | (op === Op.LogicalAnd ? Op.BitwiseAnd : Op.BitwiseOr);
        patched++;
      }
    }
    expect(patched).toBe(2);
    const r = translateSpirv(words);
    const out = await run(device, r, { resources: { 0: { buffer: 256 } }, groups: [1, 1, 1] });
    expect(Array.from(new Int32Array(out[0]))).toEqual(Array.from({ length: 64 }, (_, i) => ((i > 3 && i < 40) || i % 2 === 0 ? 1 : 0)));
  });

  it('accepts declared-but-unused 64-bit and 16-bit capabilities', async () => {
    const words = compiler.glsl(`#version 450
#extension GL_EXT_shader_explicit_arithmetic_types : require
layout(local_size_x = 1) in;
layout(std430, binding = 0) buffer B { uint o[]; };
uint64_t unused64(uint64_t v) { return v; }
float16_t unused16(float16_t v) { return v; }
void main() { o[0] = 7u; }`);
    const r = translateSpirv(words);
    expect((await buildPipeline(device, r)).errors).toEqual([]);
  });

  it('names the opcode, type and result id when a module computes with 64-bit integers', () => {
    const words = compiler.glsl(INT64_GLSL);
    let err: unknown;
    try { translateSpirv(words); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(SpirvTranslationError);
    const e = err as SpirvTranslationError;
    expect(e.reason).toMatch(/^Op\w+ %\d+: type %\d+ \(uint64\) has no WGSL equivalent/);
    expect(e.opcode).toBeDefined();
    expect(words[e.wordOffset] & 0xffff).toBe(e.opcode);
  });

  it('translates the entry point the caller names among several', () => {
    const dis = compiler.glslFile('int_arith.comp');
    const r1 = translateSpirv(dis);
    expect(r1.entryPoint).toBe('main');
    // A second entry point sharing the function, added by editing the binary: OpEntryPoint
    // GLCompute %fn "second" ... goes right after the first one.
    const words = Array.from(dis);
    let p = 5;
    while ((words[p] & 0xffff) !== Op.EntryPoint) p += words[p] >>> 16;
    const first = words.slice(p, p + (words[p] >>> 16));
    const name = new TextEncoder().encode('second\0\0');
    const nameWords = Array.from(new Uint32Array(name.buffer));
    const second = [((3 + nameWords.length) << 16) | Op.EntryPoint, 5, first[2], ...nameWords];
    words.splice(p + first.length, 0, ...second);
    const r2 = translateSpirv(Uint32Array.from(words), { entryPoint: 'second' });
    expect(r2.entryPoint).toBe('second');
    expect(r2.wgsl).toContain('fn second(');
    expect(() => translateSpirv(Uint32Array.from(words), { entryPoint: 'third' })).toThrow(/no GLCompute entry point named "third"/);
  });

  it('builds a spirv-opt optimized shader with barriers in a loop', async () => {
    const src = readFileSync(`${GLSL_DIR}/barrier_loop.comp`, 'utf8');
    const r = translateSpirv(compiler.glsl(src, { optimize: true }));
    expect((await buildPipeline(device, r)).errors).toEqual([]);
  });
});
