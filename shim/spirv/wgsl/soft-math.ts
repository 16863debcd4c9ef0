// WGSL helpers of deterministic mode's transcendental functions (passes/soft-math.ts). A GPU's
// sin, exp, log, ... are its own approximations; these are built from correctly rounded +, -, *
// (exact-arithmetic.ts), the exact division and square root (exact-division.ts) and integer
// operations, so every adapter gives the same bits. The algorithms are Cephes' single-precision
// ones (S. L. Moshier): Cody-Waite range reduction, then a minimax polynomial. Their errors
// against the exact result, measured on lavapipe against f64 (test/spirv/passes/soft-math.test.ts),
// are what docs/deterministic.md states.
import { f32Bits as k } from './exact-arithmetic.js';

// Not constant expressions: WGSL refuses an infinity or a NaN there (det_z is 0 at run time).
const NAN = 'bitcast<f32>(0x7fc00000u ^ det_z)';
const INF = 'bitcast<f32>(0x7f800000u ^ det_z)';
const MINUS_INF = 'bitcast<f32>(0xff800000u ^ det_z)';
const PI = k(Math.PI);
const PIO2 = k(Math.PI / 2);
const PIO4 = k(Math.PI / 4);
// pi/4 as four floats, the first three of 10 significant bits: their products with an octant
// count below 2^14 (|x| < 2^13) are exact, so the remainder loses no bits near a multiple of pi/4.
const DP = [0.78515625, 0.00024175643920898438, 1.5692785382270813e-7, 3.0385471916360984e-11].map((c, i) => `let dp${i + 1} = ${k(c)};`).join(' ');

/** Horner's scheme over det_fma, highest coefficient first. */
function poly(x: string, coefficients: number[]): string {
  return coefficients.slice(1).reduce((acc, c) => `det_fma(${acc}, ${x}, ${k(c)})`, k(coefficients[0]));
}

export const SOFT_MATH: Record<string, string> = {
  det_isnan: `fn det_isnan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }`,
  // x * 2^n for n in [-300, 300], in two exact steps (a result below the normal range is a zero).
  det_scale: `fn det_scale(x: f32, n: i32) -> f32 {
  let h = clamp(n / 2, -126i, 127i);
  let l = clamp(n - h, -126i, 127i);
  return det_mul(det_mul(x, bitcast<f32>(u32(h + 127) << 23u)), bitcast<f32>(u32(l + 127) << 23u));
}`,
  det_exp: `fn det_exp(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x)) { return ${NAN}; }
  if (x > ${k(88.72283935546875)}) { return ${INF}; }
  if (x < ${k(-87.33654475)}) { return 0.0f; }
  let n = det_floor(det_fma(x, ${k(Math.LOG2E)}, 0.5f));
  let r = det_sub(det_sub(x, det_mul(n, ${k(0.693359375)})), det_mul(n, ${k(-2.12194440e-4)}));
  let z = det_mul(r, r);
  let p = ${poly('r', [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1])};
  let y = det_add(det_add(det_mul(p, z), r), 1.0f);
  return det_scale(y, i32(n));
}`,
  det_exp2: `fn det_exp2(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x)) { return ${NAN}; }
  if (x >= 128.0f) { return ${INF}; }
  if (x < -126.0f) { return 0.0f; }
  let n = det_floor(det_add(x, 0.5f));
  return det_scale(det_exp(det_mul(det_sub(x, n), ${k(Math.LN2)})), i32(n));
}`,
  // log x as hi + lo: hi = e * ln2's 9 leading bits (exact), lo the rest.
  det_log_parts: `fn det_log_parts(x: f32) -> vec2<f32> {
  let u = bitcast<u32>(x);
  var e = i32(u >> 23u) - 126;
  var m = bitcast<f32>((u & 0x7fffffu) | 0x3f000000u);
  if (m < ${k(0.707106781186547524)}) { e = e - 1; m = det_sub(det_add(m, m), 1.0f); } else { m = det_sub(m, 1.0f); }
  let z = det_mul(m, m);
  var y = det_mul(det_mul(${poly('m', [7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1])}, m), z);
  let fe = f32(e);
  y = det_fma(fe, ${k(-2.12194440e-4)}, y);
  y = det_fma(-0.5f, z, y);
  return vec2<f32>(det_mul(fe, ${k(0.693359375)}), det_add(m, y));
}`,
  det_log: `fn det_log(a: f32) -> f32 {
  let x = det_in(a);
  let u = bitcast<u32>(x);
  if (det_isnan(x) || u > 0x80000000u) { return ${NAN}; }
  if ((u & 0x7fffffffu) == 0u) { return ${MINUS_INF}; }
  if (u == 0x7f800000u) { return x; }
  let l = det_log_parts(x);
  return det_add(l.x, l.y);
}`,
  // Veltkamp's split of a into two halves of 12 bits, and Dekker's exact product a * b = p + e
  // (both need each product and sum rounded once, which det_mul and det_add guarantee).
  det_split: `fn det_split(a: f32) -> vec2<f32> {
  let c = det_mul(a, 4097.0f);
  let hi = det_sub(c, det_sub(c, a));
  return vec2<f32>(hi, det_sub(a, hi));
}`,
  det_two_prod: `fn det_two_prod(a: f32, b: f32) -> vec2<f32> {
  let p = det_mul(a, b);
  let x = det_split(a);
  let y = det_split(b);
  let e = det_add(det_add(det_add(det_sub(det_mul(x.x, y.x), p), det_mul(x.x, y.y)), det_mul(x.y, y.x)), det_mul(x.y, y.y));
  return vec2<f32>(p, e);
}`,
  det_log2: `fn det_log2(x: f32) -> f32 { return det_mul(det_log(x), ${k(Math.LOG2E)}); }`,
  // Reduces |x| by multiples of pi/4: the remainder, and the octant count's low three bits.
  det_octant: `fn det_octant(x: f32) -> vec2<f32> {
  ${DP}
  var j = u32(det_mul(x, ${k(4 / Math.PI)}));
  var y = f32(j);
  if ((j & 1u) != 0u) { j = j + 1u; y = det_add(y, 1.0f); }
  let r = det_sub(det_sub(det_sub(det_sub(x, det_mul(y, dp1)), det_mul(y, dp2)), det_mul(y, dp3)), det_mul(y, dp4));
  return vec2<f32>(r, f32(j & 7u));
}`,
  det_sin_poly: `fn det_sin_poly(x: f32, z: f32) -> f32 { return det_fma(det_mul(${poly('z', [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1])}, z), x, x); }`,
  det_cos_poly: `fn det_cos_poly(z: f32) -> f32 { return det_add(det_fma(-0.5f, z, det_mul(det_mul(${poly('z', [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2])}, z), z)), 1.0f); }`,
  // sin (q = 0) or cos (q = 2) of x: the octant count plus q picks the polynomial and the sign.
  det_sincos: `fn det_sincos(a: f32, q: u32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x) || (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u) { return ${NAN}; }
  let o = det_octant(det_abs(x));
  var j = (u32(o.y) + q) & 7u;
  var negative = q == 0u && x < 0.0f;
  if (j > 3u) { negative = !negative; j = j - 4u; }
  let z = det_mul(o.x, o.x);
  let y = select(det_sin_poly(o.x, z), det_cos_poly(z), j == 1u || j == 2u);
  if (q == 0u && (bitcast<u32>(x) & 0x7fffffffu) < 0x39800000u) { return x; }
  return select(y, det_neg(y), negative);
}`,
  det_sin: `fn det_sin(x: f32) -> f32 { return det_sincos(x, 0u); }`,
  det_cos: `fn det_cos(x: f32) -> f32 { return det_sincos(x, 2u); }`,
  det_tan: `fn det_tan(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x) || (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u) { return ${NAN}; }
  let o = det_octant(det_abs(x));
  let z = o.x;
  let zz = det_mul(z, z);
  var y = z;
  if (det_abs(x) > ${k(1e-4)}) { y = det_fma(det_mul(${poly('zz', [9.38540185543e-3, 3.11992232697e-3, 2.44301354525e-2, 5.34112807005e-2, 1.33387994085e-1, 3.33331568548e-1])}, zz), z, z); }
  if ((u32(o.y) & 2u) != 0u) { y = det_neg(det_div(1.0f, y)); }
  return select(y, det_neg(y), x < 0.0f);
}`,
  det_atan: `fn det_atan(a: f32) -> f32 {
  var x = det_in(a);
  if (det_isnan(x)) { return ${NAN}; }
  let negative = x < 0.0f;
  x = det_abs(x);
  var y0 = 0.0f;
  if (x > ${k(2.414213562373095)}) { y0 = ${PIO2}; x = det_neg(det_div(1.0f, x)); }
  else if (x > ${k(0.4142135623730950)}) { y0 = ${PIO4}; x = det_div(det_sub(x, 1.0f), det_add(x, 1.0f)); }
  let z = det_mul(x, x);
  let y = det_add(y0, det_fma(det_mul(${poly('z', [8.05374449538e-2, -1.38776856032e-1, 1.99777106478e-1, -3.33329491539e-1])}, z), x, x));
  return select(y, det_neg(y), negative);
}`,
  det_atan2: `fn det_atan2(ay: f32, ax: f32) -> f32 {
  let y = det_in(ay);
  let x = det_in(ax);
  if (det_isnan(x) || det_isnan(y)) { return ${NAN}; }
  let ny = (bitcast<u32>(y) & 0x80000000u) != 0u;
  // C's special cases at zeros: the sign of y, and pi where x is negative or -0.
  if (y == 0.0f) {
    let r = select(0.0f, ${PI}, x < 0.0f || (x == 0.0f && (bitcast<u32>(x) & 0x80000000u) != 0u));
    return select(r, det_neg(r), ny);
  }
  if (x == 0.0f) { return select(${PIO2}, det_neg(${PIO2}), ny); }
  var w = 0.0f;
  if (x < 0.0f) { w = select(${PI}, det_neg(${PI}), ny); }
  return det_add(w, det_atan(det_div(y, x)));
}`,
  det_asin_core: `fn det_asin_core(a: f32) -> f32 {
  var x = a;
  var z = 0.0f;
  let flag = a > 0.5f;
  if (flag) { z = det_mul(0.5f, det_sub(1.0f, a)); x = det_sqrt(z); } else { z = det_mul(x, x); }
  var y = x;
  if (a >= ${k(1e-4)}) { y = det_fma(det_mul(${poly('z', [4.2163199048e-2, 2.4181311049e-2, 4.5470025998e-2, 7.4953002686e-2, 1.6666752422e-1])}, z), x, x); }
  if (flag) { y = det_sub(${PIO2}, det_add(y, y)); }
  return y;
}`,
  det_asin: `fn det_asin(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x) || det_abs(x) > 1.0f) { return ${NAN}; }
  let y = det_asin_core(det_abs(x));
  return select(y, det_neg(y), x < 0.0f);
}`,
  det_acos: `fn det_acos(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x) || det_abs(x) > 1.0f) { return ${NAN}; }
  if (x < -0.5f) { return det_sub(${PI}, det_mul(2.0f, det_asin_core(det_sqrt(det_mul(0.5f, det_add(1.0f, x)))))); }
  if (x > 0.5f) { return det_mul(2.0f, det_asin_core(det_sqrt(det_mul(0.5f, det_sub(1.0f, x))))); }
  return det_sub(${PIO2}, select(det_asin_core(x), det_neg(det_asin_core(det_abs(x))), x < 0.0f));
}`,
  det_tanh: `fn det_tanh(a: f32) -> f32 {
  let x = det_in(a);
  if (det_isnan(x)) { return ${NAN}; }
  let z = det_abs(x);
  if (z > 44.0f) { return select(1.0f, -1.0f, x < 0.0f); }
  if (z >= 0.625f) {
    let y = det_sub(1.0f, det_div(2.0f, det_add(det_exp(det_add(z, z)), 1.0f)));
    return select(y, det_neg(y), x < 0.0f);
  }
  if (z == 0.0f) { return x; }
  let s = det_mul(x, x);
  return det_fma(det_mul(${poly('s', [-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1, -3.33332819422e-1])}, s), x, x);
}`,
  // x^y as exp(y log x), with C's special cases; a negative x takes an integer y only.
  det_pow: `fn det_pow(ax: f32, ay: f32) -> f32 {
  let x = det_in(ax);
  let y = det_in(ay);
  if (y == 0.0f || x == 1.0f) { return 1.0f; }
  if (det_isnan(x) || det_isnan(y)) { return ${NAN}; }
  let integer = det_floor(y) == y;
  let odd = integer && det_abs(y) < 16777216.0f && (i32(y) & 1i) != 0i;
  if (x < 0.0f && !integer) { return ${NAN}; }
  if (x == 0.0f) {
    let r = select(0.0f, ${INF}, y < 0.0f);
    return select(r, det_neg(r), odd && (bitcast<u32>(x) & 0x80000000u) != 0u);
  }
  // y log|x| carried as z + zl (the product with log's exact high part is exact), so the
  // error of exp(z) * (1 + zl) does not grow with the size of y log|x|.
  let l = det_log_parts(det_abs(x));
  let t = det_two_prod(y, l.x);
  let q = det_add(t.y, det_mul(y, l.y));
  let z = det_add(t.x, q);
  let zl = det_sub(q, det_sub(z, t.x));
  let ez = det_exp(z);
  let r = select(det_fma(ez, zl, ez), ez, ez == 0.0f || (bitcast<u32>(ez) & 0x7fffffffu) == 0x7f800000u);
  return select(r, det_neg(r), x < 0.0f && odd);
}`,
};
