// WGSL helpers of deterministic mode's division and square root (passes/exact-division.ts).
// Vulkan lets a driver divide within 2.5 ulp and take sqrt as 1/inversesqrt; these compute the
// correctly rounded result (to nearest, ties to even) from the operands' bits with integer
// operations only, which WGSL defines exactly. Operands pass through det_in first (subnormals
// are zeros of their sign, exact-arithmetic.ts), and a result below the least normal float is
// the zero of its sign, as every other operation of this mode gives.

// No helper here branches: special operands are told apart by select at the end, and the
// square root's loop takes each bit by select (SwiftShader compiles every branch of every
// inlined call as a block of its own: exact-arithmetic.ts).

/** WGSL lines binding `name` to the bits of det_in of the f32 expression `x`. */
function canonBits(name: string, x: string): string {
  return `  let ${name}_u = bitcast<u32>(${x});
  let ${name} = select(select(${name}_u, ${name}_u & 0x80000000u, (${name}_u & 0x7f800000u) == 0u), 0x7fc00000u, (${name}_u & 0x7fffffffu) > 0x7f800000u) ^ det_z;
`;
}

export const EXACT_DIVISION: Record<string, string> = {
  // Rounds a 25-bit significand (its lowest bit the first one cut off, `sticky` for any below)
  // with the biased exponent e of its leading bit, and packs it with the sign.
  det_pack: `fn det_pack(sign: u32, e: i32, q: u32, sticky: bool) -> f32 {
  let m0 = q >> 1u;
  let up = ((q & 1u) != 0u) & (sticky | ((m0 & 1u) != 0u));
  let m1 = m0 + select(0u, 1u, up);
  let carry = m1 == 0x1000000u;
  let m = select(m1, m1 >> 1u, carry);
  let x = e + select(0i, 1i, carry);
  return bitcast<f32>(select(select(sign | (u32(x) << 23u) | (m & 0x7fffffu), sign, x <= 0i), sign | 0x7f800000u, x >= 255i));
}`,
  det_div: `fn det_div(x: f32, y: f32) -> f32 {
${canonBits('a', 'x')}${canonBits('b', 'y')}  let sign = (a ^ b) & 0x80000000u;
  let ea = (a >> 23u) & 0xffu;
  let eb = (b >> 23u) & 0xffu;
  let nan = ((a & 0x7fffffffu) > 0x7f800000u) | ((b & 0x7fffffffu) > 0x7f800000u) | ((ea == 255u) & (eb == 255u)) | ((ea == 0u) & (eb == 0u));
  let infinite = (ea == 255u) | (eb == 0u);
  let zero = (eb == 255u) | (ea == 0u);
  let ma0 = (a & 0x7fffffu) | 0x800000u;
  let mb = (b & 0x7fffffu) | 0x800000u;
  let low = ma0 < mb;
  let ma = select(ma0, ma0 << 1u, low);
  let e = i32(ea) - i32(eb) + 127i - select(0i, 1i, low);
  // ma / mb is in [1, 2): its 25 leading bits by long division, 8, 8, 8 and 1 at a time; every
  // dividend stays below 2^32 since the remainder is below mb < 2^24.
  var q = (ma << 7u) / mb;
  var r = (ma << 7u) % mb;
  q = (q << 8u) | ((r << 8u) / mb); r = (r << 8u) % mb;
  q = (q << 8u) | ((r << 8u) / mb); r = (r << 8u) % mb;
  q = (q << 1u) | ((r << 1u) / mb); r = (r << 1u) % mb;
  let quotient = bitcast<u32>(det_pack(sign, e, q, r != 0u));
  return bitcast<f32>(select(select(select(quotient, sign, zero), sign | 0x7f800000u, infinite), 0x7fc00000u ^ det_z, nan));
}`,
  det_sqrt: `fn det_sqrt(x: f32) -> f32 {
${canonBits('a', 'x')}  let e0 = i32(a >> 23u) - 127i;
  let odd = (e0 & 1i) != 0i;
  let m0 = (a & 0x7fffffu) | 0x800000u;
  let m = select(m0, m0 << 1u, odd);
  let e = e0 - select(0i, 1i, odd);
  // The root of M = m * 2^25 (50 bits, in hi:lo) is in [2^24, 2^25): 25 bits, two bits of M at a time.
  let hi = m >> 7u;
  let lo = m << 25u;
  var root = 0u;
  var rem = 0u;
  for (var i = 24i; i >= 0i; i = i - 1i) {
    let s = u32(2i * i);
    let pair = select((lo >> s) & 3u, (hi >> (s - 32u)) & 3u, s >= 32u);
    let wide = (rem << 2u) | pair;
    let trial = (root << 2u) | 1u;
    let fits = wide >= trial;
    rem = select(wide, wide - trial, fits);
    root = (root << 1u) | select(0u, 1u, fits);
  }
  let root_bits = bitcast<u32>(det_pack(0u, e / 2i + 127i, root, rem != 0u));
  // Zeros keep their sign, a negative operand or NaN gives NaN, infinity itself.
  let special = select(select(0x7f800000u, 0x7fc00000u ^ det_z, a > 0x7f800000u), a, (a & 0x7fffffffu) == 0u);
  return bitcast<f32>(select(root_bits, special, ((a & 0x7fffffffu) == 0u) | (a >= 0x7f800000u)));
}`,
  det_rsqrt: `fn det_rsqrt(x: f32) -> f32 { return det_div(1.0f, det_sqrt(x)); }`,
};
