// Names and literals: what the printer calls builtins, which identifiers WGSL reserves, and the
// exact WGSL spelling of 32- and 16-bit float constants.
import { BuiltIn } from '../opcodes.js';
import type { IrEntry } from '../ir/module.js';

/** Compute builtins: WGSL's name and type of each. */
export const BUILTIN_NAMES: Record<number, [string, string]> = {
  [BuiltIn.NumWorkgroups]: ['num_workgroups', 'vec3<u32>'],
  [BuiltIn.WorkgroupId]: ['workgroup_id', 'vec3<u32>'],
  [BuiltIn.LocalInvocationId]: ['local_invocation_id', 'vec3<u32>'],
  [BuiltIn.GlobalInvocationId]: ['global_invocation_id', 'vec3<u32>'],
  [BuiltIn.LocalInvocationIndex]: ['local_invocation_index', 'u32'],
  [BuiltIn.SubgroupSize]: ['subgroup_size', 'u32'],
  [BuiltIn.SubgroupLocalInvocationId]: ['subgroup_invocation_id', 'u32'],
};

/** The builtins WGSL has only with its subgroups extension. */
export const SUBGROUP_BUILTINS = new Set<number>([BuiltIn.SubgroupSize, BuiltIn.SubgroupLocalInvocationId]);

// Identifiers WGSL reserves: an entry point named one of them is renamed.
const WGSL_RESERVED = new Set([
  'alias', 'break', 'case', 'const', 'const_assert', 'continue', 'continuing', 'default', 'diagnostic', 'discard',
  'else', 'enable', 'false', 'fn', 'for', 'if', 'let', 'loop', 'override', 'requires', 'return', 'struct',
  'switch', 'true', 'var', 'while', 'array', 'atomic', 'bool', 'f16', 'f32', 'i32', 'u32', 'mat2x2', 'ptr',
  'sampler', 'vec2', 'vec3', 'vec4', 'texture_2d', 'NULL', 'Self', 'abstract', 'active', 'as', 'async',
  'auto', 'do', 'enum', 'export', 'extern', 'final', 'goto', 'handle', 'import', 'in', 'inline', 'macro',
  'match', 'module', 'mut', 'new', 'null', 'of', 'out', 'private', 'pub', 'ref', 'self', 'static', 'super',
  'this', 'type', 'unsafe', 'use', 'where', 'yield', 'workgroup', 'uniform', 'storage', 'function',
]);

// A combined image sampler at binding b becomes a texture at b plus a sampler at b + this offset
// (WebGPU binding numbers go up to 999 in practice; Vulkan bindings in real modules are small).
export const COMBINED_SAMPLER_BINDING_OFFSET = 500;

export const SWIZZLE = ['x', 'y', 'z', 'w'];

/** Longer expressions become a `let` even when used once. */
export const MAX_INLINE_TEXT = 400;

export function floatLiteral(bits: number): string | null {
  const f = new Float32Array(new Uint32Array([bits]).buffer)[0];
  if (!Number.isFinite(f)) return null;
  if (Object.is(f, -0)) return '(-0.0f)';
  let s = String(f);
  if (s.indexOf('.') < 0 && s.indexOf('e') < 0) s += '.0';
  return f < 0 ? `(${s}f)` : `${s}f`;
}

/** An f16 constant from its bits: finite ones as exact literals, the others built from f32. */
export function halfLiteral(bits: number): string {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0x1f) return frac ? 'f16(bitcast<f32>(0x7fc00000u))' : `f16(${sign < 0 ? '-' : ''}bitcast<f32>(0x7f800000u))`;
  const v = sign * (exp === 0 ? frac * 2 ** -24 : (1 + frac / 1024) * 2 ** (exp - 15));
  if (Object.is(v, -0)) return '(-0.0h)';
  let s = String(Math.abs(v));
  if (s.indexOf('.') < 0 && s.indexOf('e') < 0) s += '.0';
  return v < 0 ? `(-${s}h)` : `${s}h`;
}

/** The entry point's own name where WGSL accepts it and it cannot clash with a generated name. */
export function entryName(entry: IrEntry): string {
  const n = entry.name;
  const ok = /^[A-Za-z][A-Za-z0-9_]*$/.test(n) && !WGSL_RESERVED.has(n) && !/_\d+$/.test(n) && !n.startsWith('bi_') && !n.startsWith('idiom_');
  return ok ? n : 'main';
}
