// mpm88: the real module's graph 'update' (50 substeps of reset_grid, p2g, update_grid_v, g2p,
// 200 dispatches) at the demo's 8192 * 5 particles on a 128 x 128 grid, in substeps per second,
// against the same algorithm ported to taichi.js (bench/mpm88-taichi-js.ts).
import { closeContext, fixturePath, isMain, median, now, openContext } from './common.js';
import { taichiJsMpm88 } from './mpm88-taichi-js.js';
import { report, type Cell } from './report.js';
import { loadTaichiJs } from './taichi-js.js';
import { isNative, runNative } from './native.js';

const PARTICLES = 8192 * 5;
const GRID = 128;
const SUBSTEPS_PER_UPDATE = 50;

interface Result {
  times: number[];
  /** Every position finite and inside (0, 1)^2. */
  inside: boolean;
  /** Mean particle height: both simulations start from the same distribution and run as many substeps. */
  meanY: number;
}

function summarize(xs: ArrayLike<number>): { inside: boolean; meanY: number } {
  let inside = true;
  let sumY = 0;
  for (let i = 0; i < xs.length; i++) {
    inside &&= Number.isFinite(xs[i]) && xs[i] > 0 && xs[i] < 1;
    if (i % 2 === 1) sumY += xs[i];
  }
  return { inside, meanY: sumY / (xs.length / 2) };
}

/** Deterministic uniform numbers in [0, 1) for the taichi.js particles. */
function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function taichiJs(updates: number, reps: number): Promise<Result | string> {
  const ti = await loadTaichiJs();
  if (typeof ti === 'string') return ti;
  const sim = await taichiJsMpm88(ti, PARTICLES, GRID, uniform(88));
  const update = () => {
    for (let s = 0; s < SUBSTEPS_PER_UPDATE; s++) void sim.substep();
  };
  update(); // warm-up: shader compilation
  await ti.sync();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    for (let u = 0; u < updates; u++) update();
    await ti.sync();
    times.push(now() - t0);
  }
  return { times, ...summarize(await sim.positions()) };
}

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
    const wasm: Result = { times, ...summarize(await x.read()) };
    await mod.destroy();
    const tjs = await taichiJs(updates, reps);
    const rate = (r: Result) => (updates * SUBSTEPS_PER_UPDATE) / (median(r.times) / 1000);
    const substepsPerS = rate(wasm);
    // The port is checked against the module: same start distribution, same number of substeps.
    const agrees = (r: Result) => r.inside && Math.abs(r.meanY - wasm.meanY) < 0.01;
    const rows: Cell[][] = [['taichi-wasm', updates, median(wasm.times) / updates, substepsPerS, 1, wasm.inside ? 'ok' : 'WRONG']];
    if (typeof tjs !== 'string') rows.push(['taichi.js 0.0.36', updates, median(tjs.times) / updates, rate(tjs), rate(tjs) / substepsPerS, agrees(tjs) ? 'ok' : 'WRONG']);
    // Taichi's own runtime on the same module and graph, in its own process.
    const native = runNative('graph', fixturePath('mpm88.cgraph.tcm'), 'init', 'update', updates, reps, 'x',
      `nd:x:f32:${n}:2`, `nd:v:f32:${n}:2`, `nd:C:f32:${n}:2x2`, `nd:J:f32:${n}`, `nd:grid_v:f32:${GRID}x${GRID}:2`, `nd:grid_m:f32:${GRID}x${GRID}`, `nd:pos:f32:${n}:3`);
    if (isNative(native)) {
      const nativeRate = (updates * SUBSTEPS_PER_UPDATE) / (median(native.ms as number[]) / 1000);
      rows.push(['native Taichi 1.7.4 (libtaichi_c_api)', updates, median(native.ms as number[]) / updates, nativeRate, nativeRate / substepsPerS, native.check]);
    }
    report({
      name: 'mpm88',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: `mpm88 (mpm88.cgraph.tcm), ${n} particles, ${GRID}x${GRID} grid`,
      notes: [
        `Median of ${reps} timings, each ${updates} launch(es) of graph 'update' (${SUBSTEPS_PER_UPDATE} substeps, 4 dispatches each) then a wait, after one warm-up update.${software ? ' lavapipe is slow here, so one update per timing.' : ''}`,
        `Check: every particle position finite and inside (0, 1)^2 afterwards; for taichi.js also a mean particle height within 0.01 of taichi-wasm's (${wasm.meanY.toFixed(4)}) after as many substeps.`,
        isNative(native) ? 'native: the same module and graph through Taichi 1.7.4\'s own runtime (libtaichi_c_api) on native Vulkan, in its own process; check: positions finite.' : native.skipped,
        typeof tjs === 'string'
          ? `taichi.js: ${tjs}.`
          : "taichi.js: examples/mpm88.py ported to taichi.js 0.0.36 (bench/mpm88-taichi-js.ts): the same constants, fields and four loops per substep, in one kernel launched per substep (taichi.js's own WGSL, dispatch sizes and float atomics); particles from the same distribution on the host (other random numbers); it writes pos as the module's g2p does.",
      ],
      table: { columns: ['variant', 'updates per timing', 'ms per update', 'substeps/s', 'ratio to taichi-wasm', 'result'], rows },
      chart: {
        title: `mpm88 substeps per second (${ctx.adapterKey})`,
        unit: 'substeps/s',
        bars: rows.map((r) => ({ label: String(r[0]), value: Number(r[3]) })),
      },
      data: { particles: n, grid: GRID, updates, reps, wasm, taichiJs: tjs, native, substepsPerS },
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
