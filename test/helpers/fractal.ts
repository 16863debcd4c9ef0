// The CPU reference of the fractal modules' kernel (see ../shared/fixtures/taichi-aot/README.md),
// free of vitest and Node so that Dawn's tests and the Deno runner (test/api/wgpu-fixtures-main.ts) share it.

export const [FRACTAL_W, FRACTAL_H] = [640, 320];
const [W, H] = [FRACTAL_W, FRACTAL_H];
const N = 320; // compiled into the kernel
const f = Math.fround;

/** The kernel's escape count, iterated in f32 (`round`) from z0 = (zx, zy) with c = (-0.8, cy). */
function escapeCount(zx: number, zy: number, cy: number, round: (x: number) => number): number {
  let iterations = 0;
  while (round(Math.sqrt(round(round(zx * zx) + round(zy * zy)))) < 20 && iterations < 50) {
    const nx = round(round(round(zx * zx) - round(zy * zy)) - 0.8);
    zy = round(round(round(2 * zx) * zy) + cy);
    zx = nx;
    iterations++;
  }
  return iterations;
}

function start(t: number, i: number, j: number): [number, number, number] {
  return [f(f(f(i / N) - 1) * 2), f(f(f(j / N) - 0.5) * 2), f(f(Math.cos(f(t))) * 0.2)];
}

/**
 * Whether the CPU reaches `count` too once rounding is perturbed: in f64, or in f32 with z0 and c
 * nudged by a few ulps. Near the Julia set the orbit amplifies rounding differences (the GPU's
 * cos, fused multiply-adds) until one escape test against |z| = 20 goes the other way; a pixel
 * that no nudge explains would be a real error.
 */
function explainedByRounding(t: number, i: number, j: number, count: number): boolean {
  const [zx, zy, cy] = start(t, i, j);
  if (escapeCount(zx, zy, cy, (x) => x) === count) return true;
  const ulp = 2 ** -23;
  for (const dx of [-2, -1, 0, 1, 2]) {
    for (const dy of [-2, -1, 0, 1, 2]) {
      for (const dc of [-1, 0, 1]) {
        if (escapeCount(f(zx * (1 + dx * ulp)), f(zy * (1 + dy * ulp)), f(cy * (1 + dc * ulp)), f) === count) return true;
      }
    }
  }
  return false;
}

/** Counts pixels equal to the CPU's value, and differing ones that rounding cannot explain. */
export function compareFractal(canvas: Float32Array, t: number): { matching: number; unexplained: number } {
  let matching = 0;
  let unexplained = 0;
  for (let i = 0; i < W; i++) {
    for (let j = 0; j < H; j++) {
      const [zx, zy, cy] = start(t, i, j);
      const value = canvas[i * H + j];
      // The kernel writes 1 - iterations * 0.02 in f32.
      if (value === f(1 - f(escapeCount(zx, zy, cy, f) * f(0.02)))) {
        matching++;
        continue;
      }
      const gpuCount = Math.round((1 - value) / 0.02);
      if (!(value === f(1 - f(gpuCount * f(0.02))) && explainedByRounding(t, i, j, gpuCount))) unexplained++;
    }
  }
  return { matching, unexplained };
}

