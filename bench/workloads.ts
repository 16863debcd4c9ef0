// The examples' compute graphs as benchmark workloads: module, graphs, argument shapes, in the
// form both runtimes take (taichi-wasm's ndarrays and native_bench's command line). The graphs
// benchmark times mpm3D and implicit FEM; the memory benchmark measures all three.
import type { DType, Runtime } from '../src/index.js';
import { fixturePath, now } from './common.js';

export type Arg = { name: string; dtype: DType; shape: number[]; element?: number[] } | { name: string; scalar: number };

export interface Workload {
  module: string;
  init: string;
  step: string;
  /** An f32 ndarray whose sum and finiteness check the run. */
  check: string;
  args: Arg[];
  /** What one step is, for the table. */
  unit: string;
  /** The problem size, for the notes. */
  size: string;
}

const MPM88_PARTICLES = 8192 * 5;
const MPM88_GRID = 128;
const MPM3D_PARTICLES = 8192 * 2;
const MPM3D_GRID = 64;
const FEM_NODES = 12 * 12;
const FEM_TRIANGLES = 2 * 11 * 11;
const points = (name: string): Arg => ({ name, dtype: 'f32', shape: [FEM_NODES], element: [2] });
const scalarNd = (name: string): Arg => ({ name, dtype: 'f32', shape: [] });

/** mpm88 as the mpm88 benchmark runs it (which times it against taichi.js too). */
export const MPM88: Workload = {
  module: 'mpm88.cgraph.tcm',
  init: 'init',
  step: 'update',
  check: 'x',
  unit: '50 substeps',
  size: `mpm88: ${MPM88_PARTICLES} particles on a ${MPM88_GRID}^2 grid`,
  args: [
    { name: 'x', dtype: 'f32', shape: [MPM88_PARTICLES], element: [2] },
    { name: 'v', dtype: 'f32', shape: [MPM88_PARTICLES], element: [2] },
    { name: 'C', dtype: 'f32', shape: [MPM88_PARTICLES], element: [2, 2] },
    { name: 'J', dtype: 'f32', shape: [MPM88_PARTICLES] },
    { name: 'grid_v', dtype: 'f32', shape: [MPM88_GRID, MPM88_GRID], element: [2] },
    { name: 'grid_m', dtype: 'f32', shape: [MPM88_GRID, MPM88_GRID] },
    { name: 'pos', dtype: 'f32', shape: [MPM88_PARTICLES], element: [3] },
  ],
};

export const GRAPH_WORKLOADS: Workload[] = [
  {
    module: 'mpm3D.cgraph.tcm',
    init: 'init',
    step: 'update',
    check: 'x',
    unit: '50 substeps',
    size: `mpm3D: ${MPM3D_PARTICLES} particles on a ${MPM3D_GRID}^3 grid`,
    args: [
      { name: 'x', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3] },
      { name: 'v', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3] },
      { name: 'C', dtype: 'f32', shape: [MPM3D_PARTICLES], element: [3, 3] },
      { name: 'J', dtype: 'f32', shape: [MPM3D_PARTICLES] },
      { name: 'grid_v', dtype: 'f32', shape: [MPM3D_GRID, MPM3D_GRID, MPM3D_GRID], element: [3] },
      { name: 'grid_m', dtype: 'f32', shape: [MPM3D_GRID, MPM3D_GRID, MPM3D_GRID] },
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
    size: `implicit FEM: a ${FEM_NODES}-node mesh`,
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

/** The same argument in native_bench's command-line form. */
export function nativeSpec(a: Arg): string {
  if ('scalar' in a) return `f32:${a.name}:${a.scalar}`;
  return `nd:${a.name}:${a.dtype}:${a.shape.join('x')}${a.element ? `:${a.element.join('x')}` : ''}`;
}

/** Bytes of the workload's ndarrays: what any runtime must hold on the device. */
export function ndarrayBytes(w: Workload): number {
  let bytes = 0;
  for (const a of w.args) if (!('scalar' in a)) bytes += 4 * [...a.shape, ...(a.element ?? [])].reduce((x, y) => x * y, 1);
  return bytes;
}

/** The workload's arguments as taichi-wasm values (zeroed ndarrays and scalars), by name. */
export function wasmArgs(runtime: Runtime, w: Workload): Record<string, unknown> {
  const named: Record<string, unknown> = {};
  for (const a of w.args) named[a.name] = 'scalar' in a ? a.scalar : runtime.ndarray(a.dtype, a.shape, { elementShape: a.element ?? [] });
  return named;
}

/** Launches INIT once, STEP once to warm up, then `steps` STEPs per timing; checks the CHECK array. */
export async function runGraphWasm(runtime: Runtime, w: Workload, steps: number, reps: number): Promise<{ times: number[]; finite: boolean }> {
  const mod = await runtime.loadModule(fixturePath(w.module));
  const named = wasmArgs(runtime, w);
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
