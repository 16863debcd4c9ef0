// WGSL helpers of deterministic mode's integer-to-float conversions (passes/exact-conversion.ts).
// An integer of magnitude up to 2^24 is a float exactly; above, WGSL lets an implementation pick
// either neighbour. These round to nearest, ties to even, from the bits with integer operations.

export const EXACT_CONVERSION: Record<string, string> = {
  // Without branches (exact-arithmetic.ts says why); the rounding is computed for small values too and not used.
  det_u2f_abs: `fn det_u2f_abs(v: u32, sign: u32) -> f32 {
  let n = countLeadingZeros(v);
  let m = v << n;
  let mant0 = m >> 8u;
  let rest = m & 0xffu;
  let mant1 = mant0 + select(0u, 1u, (rest > 0x80u) | ((rest == 0x80u) & ((mant0 & 1u) != 0u)));
  let carry = mant1 == 0x1000000u;
  let mant = select(mant1, mant1 >> 1u, carry);
  let e = 158u - n + select(0u, 1u, carry);
  let rounded = sign | (e << 23u) | (mant & 0x7fffffu);
  return bitcast<f32>(select(rounded, bitcast<u32>(f32(v)) | sign, v <= 0x1000000u));
}`,
  det_u2f: `fn det_u2f(v: u32) -> f32 { return det_u2f_abs(v, 0u); }`,
  det_i2f: `fn det_i2f(v: i32) -> f32 {
  let sign = bitcast<u32>(v) & 0x80000000u;
  let magnitude = select(bitcast<u32>(v), 0u - bitcast<u32>(v), v < 0i);
  return det_u2f_abs(magnitude, sign);
}`,
};
