// fractal.kernel.tcm's Julia set in f32, computed on the CPU: n = 320 compiled in,
// c = (-0.8, cos(t) * 0.2); the value the kernel writes at canvas[i, j].
const f = Math.fround;

export function juliaValue(t: number, i: number, j: number): number {
  let zx = f(f(f(i / 320) - 1) * 2);
  let zy = f(f(f(j / 320) - 0.5) * 2);
  const cy = f(f(Math.cos(f(t))) * 0.2);
  let iterations = 0;
  while (f(Math.sqrt(f(f(zx * zx) + f(zy * zy)))) < 20 && iterations < 50) {
    const nx = f(f(f(zx * zx) - f(zy * zy)) - 0.8);
    zy = f(f(f(2 * zx) * zy) + cy);
    zx = nx;
    iterations++;
  }
  return f(1 - f(iterations * f(0.02)));
}

/** True where the value at (i, j) equals its four neighbours' (away from the set's boundary, where rounding can change the count). */
export function juliaStable(t: number, i: number, j: number): boolean {
  const value = juliaValue(t, i, j);
  return [juliaValue(t, i - 1, j), juliaValue(t, i + 1, j), juliaValue(t, i, j - 1), juliaValue(t, i, j + 1)].every((v) => v === value);
}
