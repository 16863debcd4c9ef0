// mpm88: the real module's graph 'update' (50 substeps of reset_grid, p2g, update_grid_v, g2p,
// 200 dispatches) at the demo's 8192 * 5 particles on a 128 x 128 grid, in substeps per second.
import { closeContext, fixturePath, isMain, median, now, openContext } from './common.js';
import { report } from './report.js';

const PARTICLES = 8192 * 5;
const GRID = 128;
const SUBSTEPS_PER_UPDATE = 50;

export async function run(): Promise<void> {
  const ctx = await openContext();
  try {
    const { runtime } = ctx;
    const software = ctx.adapterKey === 'lavapipe';
    // lavapipe runs an update in seconds: one update per timing there, ten on a GPU.
    const updates = Number(process.env.BENCH_MPM_UPDATES ?? (software ? 1 : 10));
    const reps = Number(process.env.BENCH_REPS ?? (software ? 3 : 5));
    const mod = await runtime.loadModule(fixturePath('mpm88.cgraph.tcm'));
    const n = PARTICLES;
    const x = runtime.ndarray('f32', [n], { elementShape: [2] });
    const v = runtime.ndarray('f32', [n], { elementShape: [2] });
    const C = runtime.ndarray('f32', [n], { elementShape: [2, 2] });
    const J = runtime.ndarray('f32', [n]);
    const grid_v = runtime.ndarray('f32', [GRID, GRID], { elementShape: [2] });
    const grid_m = runtime.ndarray('f32', [GRID, GRID]);
    const pos = runtime.ndarray('f32', [n], { elementShape: [3] });
    mod.graph('init').launch({ x, v, J });
    const update = mod.graph('update');
    const args = { x, v, C, J, grid_v, grid_m, pos };
    update.launch(args); // warm-up: descriptor sets and args chunks
    await runtime.wait();
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = now();
      for (let u = 0; u < updates; u++) update.launch(args);
      await runtime.wait();
      times.push(now() - t0);
    }
    const xs = await x.read();
    const inside = xs.every((q) => Number.isFinite(q) && q > 0 && q < 1);
    await mod.destroy();
    const substepsPerS = (updates * SUBSTEPS_PER_UPDATE) / (median(times) / 1000);
    report({
      name: 'mpm88',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: `mpm88 (mpm88.cgraph.tcm), ${n} particles, ${GRID}x${GRID} grid`,
      notes: [
        `Median of ${reps} timings, each ${updates} launch(es) of graph 'update' (${SUBSTEPS_PER_UPDATE} substeps, 4 dispatches each) then a wait, after one warm-up update.${software ? ' lavapipe is slow here, so one update per timing.' : ''}`,
        `Check: every particle position finite and inside (0, 1)^2 afterwards: ${inside ? 'yes' : 'NO'}.`,
        'taichi.js comparison: not done (no port of the 88-line algorithm to taichi.js was written).',
      ],
      table: {
        columns: ['variant', 'updates per timing', 'ms per update', 'substeps/s', 'result'],
        rows: [['taichi-wasm', updates, median(times) / updates, substepsPerS, inside ? 'ok' : 'WRONG']],
      },
      chart: { title: `mpm88 substeps per second (${ctx.adapterKey})`, unit: 'substeps/s', bars: [{ label: 'taichi-wasm', value: substepsPerS }] },
      data: { particles: n, grid: GRID, updates, reps, timesMs: times, substepsPerS, inside },
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
