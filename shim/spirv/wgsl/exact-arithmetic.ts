// WGSL helpers of deterministic mode's float arithmetic (passes/exact-arithmetic.ts). WGSL rounds
// f32 +, - and * correctly, but lets each implementation fuse a product into an add (one
// rounding instead of two), flush subnormals or not, and choose NaN bits. Every helper here
// takes its operands' bits through det_bits, which flushes a subnormal to the zero of its sign,
// gives every NaN one set of bits and XORs det_z, a value that is 0 at run time (the workgroup
// id of deterministic mode's one workgroup, wgsl/module.ts) but unknown to the compiler: so no
// product reaches an add without passing through integer operations the compiler cannot see
// through, no adapter meets a subnormal operand, and every adapter gives the same bits.

/** A float literal as its exact bits, so no compiler rounds a decimal its own way. */
export function f32Bits(x: number): string {
  const bits = new Uint32Array(Float32Array.of(x).buffer)[0];
  return `bitcast<f32>(0x${bits.toString(16)}u)`;
}

// The helpers that Taichi's kernels call most (add, multiply, fma, comparisons ...) are written
// flat: each computes det_bits of its operands and result in its own lines, with no call of
// another helper and no branch (bool & and | where && and || would branch). SwiftShader inlines
// every call and compiles each branch as a block; nested calls and branches of the earlier
// helpers made a kernel like linalg's SVD (650 float operations in two loops) take more than
// 15 minutes to compile there, flat ones 4 s (docs/deterministic.md).

/** WGSL lines binding `name` to det_bits of the u32 expression `u` (one name per helper line). */
function bits(name: string, u: string): string {
  return `  let ${name}_u = ${u};
  let ${name} = select(select(${name}_u, ${name}_u & 0x80000000u, (${name}_u & 0x7f800000u) == 0u), 0x7fc00000u, (${name}_u & 0x7fffffffu) > 0x7f800000u) ^ det_z;
`;
}

/** WGSL lines binding `name` to det_in of the f32 expression `x`. */
function canon(name: string, x: string): string {
  return `${bits(`${name}_b`, `bitcast<u32>(${x})`)}  let ${name} = bitcast<f32>(${name}_b);
`;
}

/** A flat helper of two f32 operands: `body` is WGSL lines using x and y (the operands through det_in). */
function binary(name: string, result: string, body: string): string {
  return `fn ${name}(a: f32, b: f32) -> ${result} {
${canon('x', 'a')}${canon('y', 'b')}${body}}`;
}

const UNORD = `  let nan = ((bitcast<u32>(a) & 0x7fffffffu) > 0x7f800000u) | ((bitcast<u32>(b) & 0x7fffffffu) > 0x7f800000u);
`;

export const EXACT_ARITHMETIC: Record<string, string> = {
  det_bits: `fn det_bits(u: u32) -> u32 {
  let flushed = select(u, u & 0x80000000u, (u & 0x7f800000u) == 0u);
  return select(flushed, 0x7fc00000u, (u & 0x7fffffffu) > 0x7f800000u) ^ det_z;
}`,
  det_in: `fn det_in(x: f32) -> f32 { return bitcast<f32>(det_bits(bitcast<u32>(x))); }`,
  det_add: binary('det_add', 'f32', `${canon('r', 'x + y')}  return r;\n`),
  det_sub: binary('det_sub', 'f32', `${canon('r', 'x - y')}  return r;\n`),
  det_mul: binary('det_mul', 'f32', `${canon('r', 'x * y')}  return r;\n`),
  // Taichi's CPU backend rounds the product and the sum apart; so does this (det_add(det_mul(a,
  // b), c): the product's det_in is already det_bits' fixed point, so it is not taken twice).
  det_fma: `fn det_fma(a: f32, b: f32, c: f32) -> f32 {
${canon('x', 'a')}${canon('y', 'b')}${canon('p', 'x * y')}${canon('z', 'c')}${canon('r', 'p + z')}  return r;
}`,
  det_neg: `fn det_neg(a: f32) -> f32 {
${bits('r', 'bitcast<u32>(a) ^ 0x80000000u')}  return bitcast<f32>(r);
}`,
  det_abs: `fn det_abs(a: f32) -> f32 {
${bits('r', 'bitcast<u32>(a) & 0x7fffffffu')}  return bitcast<f32>(r);
}`,
  det_sign: `fn det_sign(a: f32) -> f32 { let x = det_in(a); return select(select(0.0f, -1.0f, x < 0.0f), 1.0f, x > 0.0f); }`,
  det_min: binary('det_min', 'f32', '  return select(x, y, y < x);\n'),
  det_max: binary('det_max', 'f32', '  return select(x, y, y > x);\n'),
  det_clamp: `fn det_clamp(x: f32, lo: f32, hi: f32) -> f32 { return det_min(det_max(x, lo), hi); }`,
  det_floor: `fn det_floor(x: f32) -> f32 { return det_in(floor(det_in(x))); }`,
  det_ceil: `fn det_ceil(x: f32) -> f32 { return det_in(ceil(det_in(x))); }`,
  det_trunc: `fn det_trunc(x: f32) -> f32 { return det_in(trunc(det_in(x))); }`,
  // WGSL's round() takes halves to even; GLSL.std.450 Round lets them go either way.
  det_round: `fn det_round(x: f32) -> f32 { return det_in(round(det_in(x))); }`,
  det_fract: `fn det_fract(x: f32) -> f32 { return det_sub(x, det_floor(x)); }`,
  det_step: `fn det_step(edge: f32, x: f32) -> f32 { return select(1.0f, 0.0f, det_in(x) < det_in(edge)); }`,
  det_mix: `fn det_mix(x: f32, y: f32, a: f32) -> f32 { return det_add(det_mul(x, det_sub(1.0f, a)), det_mul(y, a)); }`,
  det_ldexp: `fn det_ldexp(x: f32, e: i32) -> f32 { return det_in(ldexp(det_in(x), clamp(e, -300i, 300i))); }`,
  det_fmod: `fn det_fmod(x: f32, y: f32) -> f32 { return det_sub(x, det_mul(y, det_floor(det_div(x, y)))); }`,
  det_frem: `fn det_frem(x: f32, y: f32) -> f32 { return det_sub(x, det_mul(y, det_trunc(det_div(x, y)))); }`,
  det_smoothstep: `fn det_smoothstep(e0: f32, e1: f32, x: f32) -> f32 {
  let t = det_clamp(det_div(det_sub(x, e0), det_sub(e1, e0)), 0.0f, 1.0f);
  return det_mul(det_mul(t, t), det_sub(3.0f, det_mul(2.0f, t)));
}`,
  det_radians: `fn det_radians(x: f32) -> f32 { return det_mul(x, ${f32Bits(Math.PI / 180)}); }`,
  det_degrees: `fn det_degrees(x: f32) -> f32 { return det_mul(x, ${f32Bits(180 / Math.PI)}); }`,
  // Comparisons by SPIR-V's rules for NaN (ordered: false, unordered: true), told apart with
  // integer operations since WGSL lets an implementation assume there is no NaN.
  det_unord: `fn det_unord(a: f32, b: f32) -> bool {
${UNORD}  return nan;
}`,
  ...Object.fromEntries(
    (['lt <', 'gt >', 'le <=', 'ge >=', 'eq ==', 'ne !='] as const).flatMap((pair) => {
      const [name, op] = pair.split(' ');
      return [
        [`det_o${name}`, binary(`det_o${name}`, 'bool', `${UNORD}  return !nan & (x ${op} y);\n`)],
        [`det_u${name}`, binary(`det_u${name}`, 'bool', `${UNORD}  return nan | (x ${op} y);\n`)],
      ];
    }),
  ),
};
