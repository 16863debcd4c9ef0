// WGSL helpers of deterministic mode's integer-to-float conversions (passes/exact-conversion.ts).
// An integer of magnitude up to 2^24 is a float exactly; above, WGSL lets an implementation pick
// either neighbour. These round to nearest, ties to even, from the bits with integer operations.

export const EXACT_CONVERSION: Record<string, string> = {
  det_u2f_abs: `fn det_u2f_abs(v: u32, sign: u32) -> f32 {
  if (v <= 0x1000000u) { return bitcast<f32>(bitcast<u32>(f32(v)) | sign); }
  let n = countLeadingZeros(v);
  let m = v << n;
  var mant = m >> 8u;
  let rest = m & 0xffu;
  if (rest > 0x80u || (rest == 0x80u && (mant & 1u) != 0u)) { mant = mant + 1u; }
  var e = 158u - n;
  if (mant == 0x1000000u) { mant = mant >> 1u; e = e + 1u; }
  return bitcast<f32>(sign | (e << 23u) | (mant & 0x7fffffu));
}`,
  det_u2f: `fn det_u2f(v: u32) -> f32 { return det_u2f_abs(v, 0u); }`,
  det_i2f: `fn det_i2f(v: i32) -> f32 {
  let sign = bitcast<u32>(v) & 0x80000000u;
  let magnitude = select(bitcast<u32>(v), 0u - bitcast<u32>(v), v < 0i);
  return det_u2f_abs(magnitude, sign);
}`,
};
