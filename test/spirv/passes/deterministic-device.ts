// Runs a GLSL expression over arrays in deterministic mode (translateSpirv with indexOrder: the
// float passes of shim/spirv/passes/deterministic-floats.ts) on the test device (lavapipe), and
// the references the float passes' tests compare with: f32 values under the mode's rules
// (subnormals are zeros, one NaN) and ulp distances.
import { translateSpirv, type TranslationResult } from '../../../shim/spirv/translate.js';
import { run, type SpirvCompiler } from '../harness.js';

export type GlslScalar = 'float' | 'int' | 'uint';

/** A compute shader whose one invocation sets o[i] = expr for every i, reading a = x0[i], b = x1[i], c = x2[i]. */
export function expressionShader(expr: string, params: GlslScalar[], result: GlslScalar = 'float'): string {
  const names = ['a', 'b', 'c'];
  const buffers = params.map((t, i) => `layout(std430, binding = ${i}) readonly buffer B${i} { ${t} x${i}[]; };`);
  const reads = params.map((t, i) => `${t} ${names[i]} = x${i}[i];`).join(' ');
  return `#version 450
layout(local_size_x = 1) in;
${buffers.join('\n')}
layout(std430, binding = ${params.length}) buffer O { ${result} o[]; };
void main() {
  for (int i = 0; i < o.length(); i++) { ${reads} o[i] = ${expr}; }
}
`;
}

export function translateDeterministic(compiler: SpirvCompiler, expr: string, params: GlslScalar[], result: GlslScalar = 'float'): TranslationResult {
  return translateSpirv(compiler.glsl(expressionShader(expr, params, result)), { indexOrder: true });
}

/** The bits of o[i] for every i, computed in deterministic mode on `device`. */
export async function evaluate(device: GPUDevice, compiler: SpirvCompiler, expr: string, inputs: Uint32Array[], params: GlslScalar[], result: GlslScalar = 'float'): Promise<Uint32Array> {
  const shader = translateDeterministic(compiler, expr, params, result);
  const n = inputs[0].length;
  const resources = Object.fromEntries([...inputs.map((data, i) => [i, { buffer: data }]), [inputs.length, { buffer: n * 4 }]]);
  const out = await run(device, shader, { resources, groups: [1, 1, 1] });
  return new Uint32Array(out[inputs.length]);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

export function bitsOf(x: number): number {
  f32[0] = x;
  return u32[0];
}

export function floatOf(bits: number): number {
  u32[0] = bits;
  return f32[0];
}

/** `x` rounded to f32 under deterministic mode's rules: a subnormal is the zero of its sign, NaN is 0x7fc00000. */
export function modeBits(x: number): number {
  if (Number.isNaN(x)) return 0x7fc00000;
  const b = bitsOf(x);
  return ((b & 0x7f800000) === 0 ? b & 0x80000000 : b) >>> 0;
}

/** An input as the mode reads it (a subnormal is a zero). */
export function modeValue(bits: number): number {
  return floatOf(modeBits(floatOf(bits)));
}

/** Distance of the f32 `got` from the exact value `want`, in ulps of f32 at `want` (Infinity if one is not finite and they differ). */
export function ulpError(got: number, want: number): number {
  if (Number.isNaN(want) || Number.isNaN(got)) return Number.isNaN(want) && Number.isNaN(got) ? 0 : Infinity;
  if (!Number.isFinite(want) || !Number.isFinite(got)) return got === want ? 0 : Infinity;
  const magnitude = Math.max(Math.abs(want), 2 ** -126);
  const ulp = 2 ** (Math.floor(Math.log2(magnitude)) - 23);
  return Math.abs(got - want) / ulp;
}

/** `count` f32 bit patterns: the edge values given, then `pick()` rounded to f32. */
export function floats(count: number, pick: () => number, edges: number[] = []): Uint32Array {
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = bitsOf(i < edges.length ? edges[i] : pick());
  return out;
}
