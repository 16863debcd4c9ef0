// examples/mpm88.py ported to taichi.js for the mpm88 benchmark: the same constants, fields and
// four loops per substep (reset grid, P2G, grid update, G2P) as the module's graph 'update', which
// runs them as four kernels; here one taichi.js kernel holds the four loops, and the benchmark
// launches it once per substep. The constants are the example's: the benchmark checks the port's
// result against the module's, so a change there must be made here too.
import type { TaichiJs } from './taichi-js.js';

export interface TaichiJsMpm88 {
  substep: () => Promise<void>;
  positions: () => Promise<number[]>;
}

/** Builds the simulation with particles uniformly in [0.2, 0.6]^2, v = (0, -1), J = 1 (as the module's init). */
export async function taichiJsMpm88(ti: TaichiJs, particles: number, grid: number, random: () => number): Promise<TaichiJsMpm88> {
  const dx = 1 / grid;
  const dt = 1e-4;
  const pVol = (dx * 0.5) ** 2;
  const pMass = pVol * 1; // p_rho = 1
  const E = 400;
  const bound = 3;
  const gravity = 9.8;
  const x = ti.Vector.field(2, ti.f32, [particles]);
  const v = ti.Vector.field(2, ti.f32, [particles]);
  const C = ti.Matrix.field(2, 2, ti.f32, [particles]);
  const J = ti.field(ti.f32, [particles]);
  const grid_v = ti.Vector.field(2, ti.f32, [grid, grid]);
  const grid_m = ti.field(ti.f32, [grid, grid]);
  const pos = ti.Vector.field(3, ti.f32, [particles]);
  await x.fromArray1D(Array.from({ length: 2 * particles }, () => 0.2 + 0.4 * random()));
  await v.fromArray1D(Array.from({ length: 2 * particles }, (_, i) => (i % 2 === 0 ? 0 : -1)));
  await J.fromArray1D(new Array<number>(particles).fill(1));
  ti.addToKernelScope({ x, v, C, J, grid_v, grid_m, pos });
  // Constants are written into the source, as Taichi compiles them into the module.
  const f = (n: number) => n.toExponential();
  const substep = ti.kernel(
    {},
    `() => {
      for (let I of ndrange(${grid}, ${grid})) {
        grid_v[I] = [0.0, 0.0];
        grid_m[I] = 0.0;
      }
      for (let p of range(${particles})) {
        let Xp = x[p] / ${f(dx)};
        let base = i32(Xp - 0.5);
        let fx = Xp - base;
        let w = [0.5 * (1.5 - fx) * (1.5 - fx), 0.75 - (fx - 1.0) * (fx - 1.0), 0.5 * (fx - 0.5) * (fx - 0.5)];
        let stress = (-${f(dt)} * 4.0 * ${f(E)} * ${f(pVol)} * (J[p] - 1.0)) / (${f(dx)} * ${f(dx)});
        let affine = [[stress, 0.0], [0.0, stress]] + ${f(pMass)} * C[p];
        for (let i of ti.static(ti.range(3))) {
          for (let j of ti.static(ti.range(3))) {
            let offset = [i, j];
            let dpos = (offset - fx) * ${f(dx)};
            let weight = w[i][0] * w[j][1];
            grid_v[base + offset] += weight * (${f(pMass)} * v[p] + affine.matmul(dpos));
            grid_m[base + offset] += weight * ${f(pMass)};
          }
        }
      }
      for (let I of ndrange(${grid}, ${grid})) {
        let i = I[0];
        let j = I[1];
        if (grid_m[I] > 0) {
          let g = grid_v[I] / grid_m[I];
          g[1] = g[1] - ${f(dt * gravity)};
          if ((i < ${bound} && g[0] < 0) || (i > ${grid - bound} && g[0] > 0)) { g[0] = 0.0; }
          if ((j < ${bound} && g[1] < 0) || (j > ${grid - bound} && g[1] > 0)) { g[1] = 0.0; }
          grid_v[I] = g;
        }
      }
      for (let p of range(${particles})) {
        let Xp = x[p] / ${f(dx)};
        let base = i32(Xp - 0.5);
        let fx = Xp - base;
        let w = [0.5 * (1.5 - fx) * (1.5 - fx), 0.75 - (fx - 1.0) * (fx - 1.0), 0.5 * (fx - 0.5) * (fx - 0.5)];
        let new_v = [0.0, 0.0];
        let new_C = [[0.0, 0.0], [0.0, 0.0]];
        for (let i of ti.static(ti.range(3))) {
          for (let j of ti.static(ti.range(3))) {
            let offset = [i, j];
            let dpos = (offset - fx) * ${f(dx)};
            let weight = w[i][0] * w[j][1];
            let g_v = grid_v[base + offset];
            new_v = new_v + weight * g_v;
            new_C = new_C + (4.0 * weight * g_v.outerProduct(dpos)) / (${f(dx)} * ${f(dx)});
          }
        }
        v[p] = new_v;
        x[p] = x[p] + ${f(dt)} * new_v;
        J[p] = J[p] * (1.0 + ${f(dt)} * (new_C[0][0] + new_C[1][1]));
        C[p] = new_C;
        pos[p] = [x[p][0], x[p][1], 0.0];
      }
    }`,
  );
  return { substep: () => substep(), positions: () => x.toArray1D() };
}
