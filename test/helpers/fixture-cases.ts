// The real Taichi modules of ../shared/fixtures/taichi-aot run against their CPU references, as
// cases that any WebGPU implementation runs: vitest runs them on Dawn, test/api/wgpu-fixtures-main.ts on
// wgpu (Deno). The expectations are those of the aot-*.test.ts files, from the same helpers.

import type { AotModule, NdArray, Runtime } from '../../src/index.js';
import { compareFractal, FRACTAL_H, FRACTAL_W } from './fractal.js';
import { firstNonFinite, matmulError, matmulOperands, outsideUnitInterval, random, sum } from './reference.js';
import { check, type Case } from './case.js';

async function withModule<T>(rt: Runtime, source: string | Uint8Array, body: (mod: AotModule) => Promise<T>): Promise<T> {
  const mod = await rt.loadModule(source);
  try {
    return await body(mod);
  } finally {
    await mod.destroy();
  }
}

async function freeing<T>(arrays: NdArray[], body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } finally {
    for (const a of arrays) a.free();
  }
}

async function checkFinite(arrays: Record<string, NdArray>): Promise<void> {
  for (const [name, a] of Object.entries(arrays)) {
    const at = firstNonFinite(await a.read());
    check(at === -1, `${name}: non-finite value at ${at}`);
  }
}

function checkMass(mass: number, expected: number, when: string): void {
  check(Math.abs(mass - expected) / expected < 1e-3, `${when}: grid mass ${mass}, expected ${expected}`);
}

const kernelByPrefix = (mod: AotModule, prefix: string) => mod.kernel(mod.kernels.find((k) => k.name.startsWith(prefix))!.name);

async function fill(rt: Runtime, mod: AotModule): Promise<string> {
  for (const [shape, value] of [
    [[37, 53], 3.25],
    [[5, 211], -0.125],
  ] as const) {
    const a = rt.ndarray('f32', [...shape], { hostWrite: true });
    await freeing([a], async () => {
      a.write(new Float32Array(shape[0] * shape[1]).fill(Number.NaN));
      mod.kernel('fill').launch(a, value);
      const out = await a.read();
      const wrong = out.findIndex((x) => x !== value);
      check(wrong === -1, `fill ${shape.join('x')}: element ${wrong} is ${out[wrong]}, expected ${value}`);
    });
  }
  return 'fill 37x53 and 5x211 exact';
}

async function fractal(rt: Runtime, launch: (t: number, canvas: NdArray<'f32'>) => void): Promise<string> {
  const canvas = rt.ndarray('f32', [FRACTAL_W, FRACTAL_H]);
  const seen: string[] = [];
  await freeing([canvas], async () => {
    for (const t of [0.3, 2.1]) {
      launch(t, canvas);
      const { matching, unexplained } = compareFractal(await canvas.read(), t);
      check(matching / (FRACTAL_W * FRACTAL_H) >= 0.999, `t=${t}: only ${matching} pixels match the CPU`);
      check(unexplained === 0, `t=${t}: ${unexplained} pixels differ beyond rounding`);
      seen.push(`t=${t}: ${matching}/${FRACTAL_W * FRACTAL_H} exact`);
    }
  });
  return seen.join(', ');
}

/** mpm88.cgraph.tcm as aot-mpm.test.ts runs it, with `updates` graph launches (50 substeps each). */
async function mpm88(rt: Runtime, path: string, updates: number): Promise<string> {
  const n = 2048;
  const grid = 128;
  const pMass = (1 / grid / 2) ** 2;
  return withModule(rt, path, async (mod) => {
    const a = {
      x: rt.ndarray('f32', [n], { elementShape: [2] }),
      v: rt.ndarray('f32', [n], { elementShape: [2] }),
      C: rt.ndarray('f32', [n], { elementShape: [2, 2] }),
      J: rt.ndarray('f32', [n]),
      grid_v: rt.ndarray('f32', [grid, grid], { elementShape: [2] }),
      grid_m: rt.ndarray('f32', [grid, grid]),
      pos: rt.ndarray('f32', [n], { elementShape: [3] }),
    };
    return freeing(Object.values(a), async () => {
      mod.graph('init').launch({ x: a.x, v: a.v, J: a.J });
      const x0 = await a.x.read();
      check(x0.every((q) => q >= 0.2 && q <= 0.6), 'init: a particle outside [0.2, 0.6]^2');
      check(Math.abs(sum(x0) / x0.length - 0.4) < 0.02, `init: mean position ${sum(x0) / x0.length}`);
      check(new Set(x0).size > 0.99 * x0.length, 'init: positions repeat');
      const v0 = await a.v.read();
      for (let p = 0; p < n; p++) check(v0[2 * p] === 0 && v0[2 * p + 1] === -1, `init: v[${p}] = (${v0[2 * p]}, ${v0[2 * p + 1]})`);
      check((await a.J.read()).every((j) => j === 1), 'init: J is not 1');

      kernelByPrefix(mod, 'substep_reset_grid').launch(a.grid_v, a.grid_m);
      kernelByPrefix(mod, 'substep_p2g').launch(a.x, a.v, a.C, a.J, a.grid_v, a.grid_m);
      kernelByPrefix(mod, 'substep_update_grid_v').launch(a.grid_v, a.grid_m);
      kernelByPrefix(mod, 'substep_g2p').launch(a.x, a.v, a.C, a.J, a.grid_v, a.pos);
      checkMass(sum(await a.grid_m.read()), n * pMass, 'one substep');

      for (let i = 0; i < updates; i++) mod.graph('update').launch(a);
      await checkFinite(a);
      const outside = outsideUnitInterval(await a.x.read());
      check(outside === 0, `${outside} particle coordinates left (0, 1)`);
      checkMass(sum(await a.grid_m.read()), n * pMass, `after ${updates} updates`);
      const [x, pos] = [await a.x.read(), await a.pos.read()];
      for (let p = 0; p < n; p += 97) check(pos[3 * p] === x[2 * p] && pos[3 * p + 1] === x[2 * p + 1] && pos[3 * p + 2] === 0, `pos[${p}] is not (x, 0)`);
      return `${1 + 50 * updates} substeps of ${n} particles in bounds, mass kept`;
    });
  });
}

/** mpm3D.cgraph.tcm (the 3-D demo's module): graph init, then one update graph (50 substeps). */
// Taichi's mpm3D example takes a particle's volume as (dx / 2)^2 and starts its particles in
// [0.2, 0.6]^3; the project's own (examples/mpm3D.py) takes (dx / 2)^3 and starts them within
// [0.3, 0.85]^3.
async function mpm3d(rt: Runtime, path: string, pMass = (1 / 64 / 2) ** 2, start: [number, number] = [0.2, 0.6]): Promise<string> {
  const n = 8192;
  const grid = 64;
  const g = [0, -9.8, 0];
  return withModule(rt, path, async (mod) => {
    const a = {
      x: rt.ndarray('f32', [n], { elementShape: [3] }),
      v: rt.ndarray('f32', [n], { elementShape: [3] }),
      C: rt.ndarray('f32', [n], { elementShape: [3, 3] }),
      J: rt.ndarray('f32', [n]),
      grid_v: rt.ndarray('f32', [grid, grid, grid], { elementShape: [3] }),
      grid_m: rt.ndarray('f32', [grid, grid, grid]),
    };
    return freeing(Object.values(a), async () => {
      mod.graph('init').launch({ x: a.x, v: a.v, J: a.J });
      check((await a.x.read()).every((q) => q >= start[0] && q <= start[1]), `init: a particle outside [${start.join(', ')}]^3`);
      mod.graph('update').launch({ ...a, g_x: g[0], g_y: g[1], g_z: g[2] });
      await checkFinite(a);
      const outside = outsideUnitInterval(await a.x.read());
      check(outside === 0, `${outside} particle coordinates left (0, 1)`);
      checkMass(sum(await a.grid_m.read()), n * pMass, 'after 50 substeps');
      return `50 substeps of ${n} particles in bounds, mass kept`;
    });
  });
}

export const fixtureCases: Case[] = [
  {
    name: 'android_fill_matmul.tcm by path: fill',
    run: (rt, io) => withModule(rt, io.fixture('android_fill_matmul.tcm'), (mod) => fill(rt, mod)),
  },
  {
    name: 'android_fill_matmul.tcm from its bytes: fill',
    run: async (rt, io) => withModule(rt, await io.readFile(io.fixture('android_fill_matmul.tcm')), (mod) => fill(rt, mod)),
  },
  {
    name: 'android_fill_matmul.tcm: matmul 37x53 by 53x29 against the CPU',
    run: (rt, io) =>
      withModule(rt, io.fixture('android_fill_matmul.tcm'), async (mod) => {
        const [n, m, p] = [37, 53, 29];
        const { av, bv, a, b, c } = matmulOperands(rt, [n, m, p], 17);
        return freeing([a, b, c], async () => {
          mod.kernel('matmul').launch(a, b, c);
          const error = matmulError(av, bv, await c.read(), n, m, p);
          check(error < 1e-4, `relative error ${error}`);
          return `relative error ${error.toExponential(2)}`;
        });
      }),
  },
  {
    name: 'android_fill_matmul.tcm: matmul 29x1 by 1x37 is the exact outer product',
    run: (rt, io) =>
      withModule(rt, io.fixture('android_fill_matmul.tcm'), async (mod) => {
        const next = random(5);
        const u = Float32Array.from({ length: 29 }, () => next() * 4 - 2);
        const w = Float32Array.from({ length: 37 }, () => next() * 4 - 2);
        const a = rt.ndarray('f32', [29, 1], { hostWrite: true });
        const b = rt.ndarray('f32', [1, 37], { hostWrite: true });
        const c = rt.ndarray('f32', [29, 37]);
        return freeing([a, b, c], async () => {
          a.write(u);
          b.write(w);
          mod.kernel('matmul').launch(a, b, c);
          const out = await c.read();
          for (let i = 0; i < 29; i++) for (let j = 0; j < 37; j++) check(out[i * 37 + j] === Math.fround(u[i] * w[j]), `c[${i}][${j}] = ${out[i * 37 + j]}`);
          return 'exact';
        });
      }),
  },
  {
    name: 'fractal.kernel.tcm: the canvas against the CPU',
    run: (rt, io) => withModule(rt, io.fixture('fractal.kernel.tcm'), (mod) => fractal(rt, (t, canvas) => mod.kernel('fractal').launch(t, canvas))),
  },
  {
    name: 'fractal.cgraph.tcm: graph fractal against the CPU',
    run: (rt, io) => withModule(rt, io.fixture('fractal.cgraph.tcm'), (mod) => fractal(rt, (t, canvas) => mod.graph('fractal').launch({ t, canvas }))),
  },
  { name: 'mpm88.cgraph.tcm: init, one substep, 4 update graphs', run: (rt, io) => mpm88(rt, io.fixture('mpm88.cgraph.tcm'), 4) },
  { name: 'mpm3D.cgraph.tcm: graph init, one update graph', run: (rt, io) => mpm3d(rt, io.fixture('mpm3D.cgraph.tcm')) },
  {
    name: "the project's mpm3D example (examples/modules/mpm3D.cgraph.tcm): graph init, one update graph",
    run: (rt, io) => mpm3d(rt, io.example('mpm3D.cgraph.tcm'), (1 / 64 / 2) ** 3, [0.3, 0.85]),
  },
  {
    name: 'implicit_fem.kernel.tcm (Taichi 1.4) is refused with the format named',
    run: async (rt, io) => {
      const refused = await rt.loadModule(io.fixture('implicit_fem.kernel.tcm')).then(
        async (mod) => (await mod.destroy(), undefined),
        (e: unknown) => e as { code?: string; detail?: string },
      );
      check(refused?.code === 'INCOMPATIBLE_MODULE' && !!refused.detail?.includes('metadata.tcb'), `loaded, or refused with ${refused?.code}: ${refused?.detail}`);
      return `${refused!.code}`;
    },
  },
  {
    name: 'a missing path is refused with the path named',
    run: async (rt, io) => {
      const path = io.fixture('no-such-module.tcm');
      const refused = await rt.loadModule(path).then(
        async (mod) => (await mod.destroy(), undefined),
        (e: unknown) => e as { code?: string; detail?: string },
      );
      check(!!refused?.detail?.includes(path), `loaded, or refused without the path: ${refused?.detail}`);
      return `${refused!.code}`;
    },
  },
];
