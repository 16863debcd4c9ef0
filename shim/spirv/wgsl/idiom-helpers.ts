// WGSL helpers the IR's floor divisions call (passes/floor-division.ts), each exact for every
// input it may be given. Where b is known not to be negative (Taichi clamps every shape with
// max(0, n)), the helper is branch-free: with m = a >> 31 (all ones for negative a),
// floor(a / b) = m ^ ((m ^ a) / b) in unsigned arithmetic, since ~a = -a - 1 >= 0 and
// floor(a / b) = ~floor(~a / b) for a < 0. Otherwise the helper takes the unsigned quotient when
// a >= 0 and b > 0, and the original sequence when not.

export const FLOOR_DIV_FN = 'idiom_floor_div';
export const FLOOR_DIV_WGSL = /* wgsl */ `fn ${FLOOR_DIV_FN}(a: i32, b: i32) -> i32 {
  if (a >= 0i && b > 0i) {
    return bitcast<i32>(bitcast<u32>(a) / bitcast<u32>(b));
  }
  let q = a / b;
  return q - select(0i, 1i, ((a < 0i) != (b < 0i)) && (a != 0i) && (b * q != a));
}`;

export const FLOOR_DIV_NONNEG_FN = 'idiom_floor_div_nonneg';
// b == 0: WGSL's unsigned a / 0 is a, so q is a; the original sequence gives a - 1 for a < 0.
export const FLOOR_DIV_NONNEG_WGSL = /* wgsl */ `fn ${FLOOR_DIV_NONNEG_FN}(a: i32, b: i32) -> i32 {
  let m = a >> 31u;
  let q = m ^ bitcast<i32>(bitcast<u32>(m ^ a) / bitcast<u32>(b));
  return select(q, a + m, b == 0i);
}`;
