// WGSL helpers of deterministic mode's division and square root (passes/exact-division.ts).
// Vulkan lets a driver divide within 2.5 ulp and take sqrt as 1/inversesqrt; these compute the
// correctly rounded result (to nearest, ties to even) from the operands' bits with integer
// operations only, which WGSL defines exactly. Operands pass through det_in first (subnormals
// are zeros of their sign, exact-arithmetic.ts), and a result below the least normal float is
// the zero of its sign, as every other operation of this mode gives.

export const EXACT_DIVISION: Record<string, string> = {
  // Rounds a 25-bit significand (its lowest bit the first one cut off, `sticky` for any below)
  // with the biased exponent e of its leading bit, and packs it with the sign.
  det_pack: `fn det_pack(sign: u32, e: i32, q: u32, sticky: bool) -> f32 {
  var m = q >> 1u;
  if ((q & 1u) != 0u && (sticky || (m & 1u) != 0u)) { m = m + 1u; }
  var x = e;
  if (m == 0x1000000u) { m = m >> 1u; x = x + 1; }
  if (x >= 255) { return bitcast<f32>(sign | 0x7f800000u); }
  if (x <= 0) { return bitcast<f32>(sign); }
  return bitcast<f32>(sign | (u32(x) << 23u) | (m & 0x7fffffu));
}`,
  det_div: `fn det_div(x: f32, y: f32) -> f32 {
  let a = bitcast<u32>(det_in(x));
  let b = bitcast<u32>(det_in(y));
  let sign = (a ^ b) & 0x80000000u;
  let ea = (a >> 23u) & 0xffu;
  let eb = (b >> 23u) & 0xffu;
  let nan = ((a & 0x7fffffffu) > 0x7f800000u) || ((b & 0x7fffffffu) > 0x7f800000u);
  if (nan || (ea == 255u && eb == 255u) || (ea == 0u && eb == 0u)) { return bitcast<f32>(0x7fc00000u ^ det_z); }
  if (ea == 255u || eb == 0u) { return bitcast<f32>(sign | 0x7f800000u); }
  if (eb == 255u || ea == 0u) { return bitcast<f32>(sign); }
  var ma = (a & 0x7fffffu) | 0x800000u;
  let mb = (b & 0x7fffffu) | 0x800000u;
  var e = i32(ea) - i32(eb) + 127;
  if (ma < mb) { ma = ma << 1u; e = e - 1; }
  // ma / mb is in [1, 2): its 25 leading bits by long division, 8, 8, 8 and 1 at a time; every
  // dividend stays below 2^32 since the remainder is below mb < 2^24.
  var q = (ma << 7u) / mb;
  var r = (ma << 7u) % mb;
  q = (q << 8u) | ((r << 8u) / mb); r = (r << 8u) % mb;
  q = (q << 8u) | ((r << 8u) / mb); r = (r << 8u) % mb;
  q = (q << 1u) | ((r << 1u) / mb); r = (r << 1u) % mb;
  return det_pack(sign, e, q, r != 0u);
}`,
  det_sqrt: `fn det_sqrt(x: f32) -> f32 {
  let a = bitcast<u32>(det_in(x));
  if ((a & 0x7fffffffu) == 0u) { return bitcast<f32>(a); }
  if (a > 0x7f800000u) { return bitcast<f32>(0x7fc00000u ^ det_z); }
  if (a == 0x7f800000u) { return bitcast<f32>(a); }
  var e = i32(a >> 23u) - 127;
  var m = (a & 0x7fffffu) | 0x800000u;
  if ((e & 1) != 0) { m = m << 1u; e = e - 1; }
  // The root of M = m * 2^25 (50 bits, in hi:lo) is in [2^24, 2^25): 25 bits, two bits of M at a time.
  let hi = m >> 7u;
  let lo = m << 25u;
  var root = 0u;
  var rem = 0u;
  for (var i = 24i; i >= 0i; i = i - 1i) {
    let s = u32(2i * i);
    let pair = select((lo >> s) & 3u, (hi >> (s - 32u)) & 3u, s >= 32u);
    rem = (rem << 2u) | pair;
    let trial = (root << 2u) | 1u;
    if (rem >= trial) { rem = rem - trial; root = (root << 1u) | 1u; } else { root = root << 1u; }
  }
  return det_pack(0u, e / 2 + 127, root, rem != 0u);
}`,
  det_rsqrt: `fn det_rsqrt(x: f32) -> f32 { return det_div(1.0f, det_sqrt(x)); }`,
};
