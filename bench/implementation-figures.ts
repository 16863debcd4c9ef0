// The figures compared across WebGPU implementations (bench/implementations.ts): taichi-wasm's
// launch cost, its launch-wait-read round trip and mpm88's substeps per second, plus the raw
// WebGPU costs that explain them. No Node import: Deno runs this on wgpu as Node runs it on Dawn.
import type { Runtime } from '../src/index.js';

export interface Figures {
  adapter: string;
  /** Host time of one fill launch (the launch loop alone), and until the device is done, in us. */
  launchUs: number;
  launchWaitUs: number;
  /** Launch fill, wait, read 4 bytes back: ms per trip. */
  roundTripMs: number;
  mpm88SubstepsPerS: number;
  /** The process's CPU time per mpm88 substep (ms): on lavapipe the shaders run on the process's
   * own threads, so this is the cost of the compiled shaders plus the host's, whatever the load. */
  mpm88CpuMsPerSubstep: number;
  /** Raw WebGPU, no taichi-wasm: an empty submit's onSubmittedWorkDone, a 4-byte mapAsync after a copy (ms). */
  workDoneMs: number;
  mapReadMs: number;
  /** Host cost of one setBindGroup + dispatchWorkgroups pair recorded into an open pass (us). */
  dispatchRecordUs: number;
  /** Every check held: fill's last value, the round trips' values, mpm88's particles inside (0, 1)^2. */
  checks: string[];
}

export interface FigureOptions {
  launches: number;
  trips: number;
  reps: number;
  mpm88Updates: number;
}

/** The process's CPU time so far, in ms (user + system); each runtime passes its own. */
export type CpuClock = () => number;

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function launchFigures(rt: Runtime, fillModule: string, o: FigureOptions, checks: string[]) {
  const mod = await rt.loadModule(fillModule);
  const fill = mod.kernel('fill');
  const a = rt.ndarray('f32', [32, 32]);
  const probe = rt.allocateMemory({ size: 4, hostRead: true });
  const first = async () => {
    rt.copy({ memory: probe }, { memory: a.memory, size: 4 });
    return (await probe.read(Float32Array))[0];
  };
  try {
    const record: number[] = [];
    const total: number[] = [];
    for (let r = -1; r < o.reps; r++) {
      await rt.wait();
      const t0 = performance.now();
      for (let i = 0; i < o.launches; i++) fill.launch(a, i);
      const t1 = performance.now();
      await rt.wait();
      const t2 = performance.now();
      if (r < 0) continue; // warm-up
      record.push(((t1 - t0) * 1000) / o.launches);
      total.push(((t2 - t0) * 1000) / o.launches);
    }
    if ((await first()) !== o.launches - 1) checks.push('fill: the last launch did not take effect');
    const trips: number[] = [];
    for (let i = 0; i < o.trips + 2; i++) {
      const t0 = performance.now();
      fill.launch(a, i + 0.5);
      await rt.wait();
      const value = await first();
      if (i >= 2) trips.push(performance.now() - t0);
      if (value !== i + 0.5) checks.push(`round trip ${i}: read ${value}`);
    }
    return { launchUs: median(record), launchWaitUs: median(total), roundTripMs: median(trips) };
  } finally {
    a.free();
    probe.free();
    await mod.destroy();
  }
}

async function mpm88Figure(rt: Runtime, path: string, o: FigureOptions, checks: string[], cpuMs: CpuClock): Promise<{ mpm88SubstepsPerS: number; mpm88CpuMsPerSubstep: number }> {
  const n = 8192 * 5;
  const grid = 128;
  const mod = await rt.loadModule(path);
  const a = {
    x: rt.ndarray('f32', [n], { elementShape: [2] }),
    v: rt.ndarray('f32', [n], { elementShape: [2] }),
    C: rt.ndarray('f32', [n], { elementShape: [2, 2] }),
    J: rt.ndarray('f32', [n]),
    grid_v: rt.ndarray('f32', [grid, grid], { elementShape: [2] }),
    grid_m: rt.ndarray('f32', [grid, grid]),
    pos: rt.ndarray('f32', [n], { elementShape: [3] }),
  };
  try {
    mod.graph('init').launch({ x: a.x, v: a.v, J: a.J });
    const update = mod.graph('update');
    update.launch(a); // warm-up
    await rt.wait();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < o.reps; r++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      for (let u = 0; u < o.mpm88Updates; u++) update.launch(a);
      await rt.wait();
      times.push(performance.now() - t0);
      cpu.push((cpuMs() - c0) / (o.mpm88Updates * 50));
    }
    const x = await a.x.read();
    if (!x.every((q) => q > 0 && q < 1)) checks.push('mpm88: a particle left (0, 1)^2');
    return { mpm88SubstepsPerS: (o.mpm88Updates * 50) / (median(times) / 1000), mpm88CpuMsPerSubstep: median(cpu) };
  } finally {
    for (const nd of Object.values(a)) nd.free();
    await mod.destroy();
  }
}

/** Raw WebGPU on the runtime's own device: how long the implementation takes to notice finished work. */
async function rawFigures(device: GPUDevice, o: FigureOptions) {
  const src = device.createBuffer({ size: 4, usage: GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST });
  const dst = device.createBuffer({ size: 4, usage: GPUBufferUsage.COPY_DST | GPUBufferUsage.MAP_READ });
  const done: number[] = [];
  const maps: number[] = [];
  for (let i = 0; i < o.trips + 2; i++) {
    let t0 = performance.now();
    device.queue.submit([device.createCommandEncoder().finish()]);
    await device.queue.onSubmittedWorkDone();
    if (i >= 2) done.push(performance.now() - t0);
    t0 = performance.now();
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(src, 0, dst, 0, 4);
    device.queue.submit([encoder.finish()]);
    await dst.mapAsync(GPUMapMode.READ);
    dst.unmap();
    if (i >= 2) maps.push(performance.now() - t0);
  }
  src.destroy();
  dst.destroy();
  // Recording alone: the bind group and pipeline of an empty kernel, dispatches never submitted.
  const module = device.createShaderModule({ code: '@group(0) @binding(0) var<uniform> u: vec4f; @compute @workgroup_size(1) fn main() { _ = u; }' });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const uniform = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM });
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: uniform } }] });
  const records: number[] = [];
  for (let r = -1; r < o.reps; r++) {
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    const t0 = performance.now();
    for (let i = 0; i < o.launches; i++) {
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(1);
    }
    if (r >= 0) records.push(((performance.now() - t0) * 1000) / o.launches);
    pass.end();
    encoder.finish();
  }
  uniform.destroy();
  return { workDoneMs: median(done), mapReadMs: median(maps), dispatchRecordUs: median(records) };
}

/** Each numeric figure's median over several rounds; every round's failed checks. */
export function medianFigures(rounds: Figures[]): Figures {
  const out = { ...rounds[0], checks: rounds.flatMap((r) => r.checks) } as Figures;
  for (const key of Object.keys(out) as (keyof Figures)[]) {
    if (typeof out[key] === 'number') (out as unknown as Record<string, number>)[key] = median(rounds.map((r) => r[key] as number));
  }
  return out;
}

/** Every figure on `rt` (created on the implementation's default adapter), the modules in `fixtures`. */
export async function measureFigures(rt: Runtime, fixtures: string, o: FigureOptions, cpuMs: CpuClock): Promise<Figures> {
  const checks: string[] = [];
  const launch = await launchFigures(rt, `${fixtures}/fill_matmul.tcm`, o, checks);
  const mpm88 = await mpm88Figure(rt, `${fixtures}/mpm88.cgraph.tcm`, o, checks, cpuMs);
  const raw = await rawFigures(rt.gpuDevice, o);
  const info = rt.adapterInfo;
  return { adapter: info?.description || info?.device || '', ...launch, ...mpm88, ...raw, checks };
}
