// The project's own simulation graphs (examples/): mpm3D's 'update' (50 substeps) and the
// implicit FEM example's 'step' (one implicit Euler step, a CG solve of 12 iterations), in graph
// launches per second, against Taichi's own runtime on the same module, graph and arguments.
import { closeContext, fixturePath, isMain, median, now, openContext } from './common.js';
import { isNative, runNative } from './native.js';
import { report, type Cell } from './report.js';
import type { DType, Runtime } from '../src/index.js';

type Arg = { name: string; dtype: DType; shape: number[]; element?: number[] } | { name: string; scalar: number };

interface Workload {
  module: string;
  init: string;
  step: string;
  /** An f32 ndarray whose sum and finiteness check the run. */
  check: string;
  args: Arg[];
  /** What one step is, for the table. */
  unit: string;
}

const MPM3D_PARTICLES = 8192 * 2;
const GRID = 64;
const FEM_NODES = 12 * 12;
const FEM_TRIANGLES = 2 * 11 * 11;
const points = (name: string): Arg => ({ name, dtype: 'f32', shape: [FEM_NODES], element: [2] });
const scalarNd = (name: string): Arg => ({ name, dtype: 'f32', shape: [] });

const WORKLOADS: Workload[] = [
  {
    module: 'mpm3D.cgraph.tcm',
    init: 'init',
    step: 'update',
    check: 'x',
    unit: '50 substeps',
    args: [
      { name: 'x', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3] },
      { name: 'v', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3] },
      { name: 'C', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3, 3] },
      { name: 'J', dtype: 'f32', shape: [MPM3D_PARTICLES] },
      { name: 'grid_v', dtype: 'f32', shape: [GRID, GRID, GRID], element: [3] },
      { name: 'grid_m', dtype: 'f32', shape: [GRID, GRID, GRID] },
      { name: 'g_x', scalar: 0 },
      { name: 'g_y', scalar: -9.8 },
      { name: 'g_z', scalar: 0 },
    ],
  },
  {
    module: 'implicit_fem.cgraph.tcm',
    init: 'init',
    step: 'step',
    check: 'x',
    unit: '1 step, 12 CG iterations',
    args: [
      points('x'),
      points('u'),
      points('f'),
      { name: 'triangles', dtype: 'i32', shape: [FEM_TRIANGLES], element: [3] },
      { name: 'B', dtype: 'f32', shape: [FEM_TRIANGLES], element: [2, 2] },
      { name: 'W', dtype: 'f32', shape: [FEM_TRIANGLES] },
      points('v'),
      points('b'),
      { name: 'dt', scalar: 1 / 60 },
      points('Ap'),
      points('r'),
      points('p'),
      ...['rr', 'pAp', 'alpha', 'rr_new', 'beta'].map(scalarNd),
    ],
  },
];

/** The same arguments in native_bench's command-line form. */
function nativeSpec(a: Arg): string {
  if ('scalar' in a) return `f32:${a.name}:${a.scalar}`;
  return `nd:${a.name}:${a.dtype}:${a.shape.join('x')}${a.element ? `:${a.element.join('x')}` : ''}`;
}

async function runWasm(runtime: Runtime, w: Workload, steps: number, reps: number): Promise<{ times: number[]; finite: boolean }> {
  const mod = await runtime.loadModule(fixturePath(w.module));
  const named: Record<string, unknown> = {};
  for (const a of w.args) named[a.name] = 'scalar' in a ? a.scalar : runtime.ndarray(a.dtype, a.shape, { elementShape: a.element ?? [] });
  // A graph takes only the arguments it declares.
  const initArgs = Object.fromEntries(mod.graphs.find((g) => g.name === w.init)!.args.map((a) => [a.name, named[a.name]]));
  mod.graph(w.init).launch(initArgs as never);
  const step = mod.graph(w.step);
  step.launch(named as never); // warm-up
  await runtime.wait();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    for (let s = 0; s < steps; s++) step.launch(named as never);
    await runtime.wait();
    times.push(now() - t0);
  }
  const values = await (named[w.check] as { read(): Promise<Float32Array> }).read();
  await mod.destroy();
  return { times, finite: values.every(Number.isFinite) };
}

export async function run(): Promise<void> {
  const ctx = await openContext();
  try {
    const software = ctx.adapterKey === 'lavapipe';
    const reps = Number(process.env.BENCH_REPS ?? (software ? 3 : 5));
    const rows: Cell[][] = [];
    const data: unknown[] = [];
    for (const w of WORKLOADS) {
      const steps = software ? 1 : 10;
      const wasm = await runWasm(ctx.runtime, w, steps, reps);
      const native = runNative('graph', fixturePath(w.module), w.init, w.step, steps, reps, w.check, ...w.args.map(nativeSpec));
      const ours = (steps * 1000) / median(wasm.times);
      const theirs = isNative(native) ? (steps * 1000) / median(native.ms as number[]) : undefined;
      const nativeCells: Cell[] = isNative(native) && theirs ? [theirs, ours / theirs] : [isNative(native) ? 'failed' : native.skipped, ''];
      rows.push([`${w.module} '${w.step}' (${w.unit})`, ours, ...nativeCells, wasm.finite ? 'ok' : 'WRONG', isNative(native) ? native.check : '']);
      data.push({ module: w.module, steps, reps, wasm, native });
    }
    report({
      name: 'graphs',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: "The examples' simulation graphs against native Taichi",
      notes: [
        `Median of ${reps} timings after one warm-up step, each ${software ? 1 : 10} graph launch(es) then a wait. mpm3D: ${MPM3D_PARTICLES} particles on a ${GRID}^3 grid; implicit FEM: a ${FEM_NODES}-node mesh.`,
        "native = the same module, graph and argument shapes through Taichi 1.7.4's own runtime (libtaichi_c_api) on native Vulkan, in its own process; ratio = taichi-wasm over native. Check: the checked ndarray finite.",
      ],
      table: { columns: ['graph', 'taichi-wasm steps/s', 'native steps/s', 'ratio', 'taichi-wasm', 'native'], rows },
      chart: { title: `Example graphs, taichi-wasm over native (${ctx.adapterKey})`, unit: 'x', bars: rows.map((r) => ({ label: String(r[0]).split(' ')[0], value: typeof r[3] === 'number' ? r[3] : 0 })) },
      data,
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
