// Dawn against wgpu in one run: taichi-wasm's launch cost, launch-wait-read round trip and mpm88
// rate measured in this process on Dawn (npm `webgpu`) and under Deno on wgpu, each on its
// implementation's default adapter, with the raw WebGPU costs that explain the differences
// (docs/deno.md). Ratios are wgpu over Dawn.
import { resolve } from 'node:path';
import { Runtime } from '../src/index.js';
import { denoRun, jsonLines } from '../scripts/deno.js';
import { adapterKey, dawn, fixturesDir, isMain } from './common.js';
import { measureFigures, medianFigures, type FigureOptions, type Figures } from './implementation-figures.js';
import { report, type Cell } from './report.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export async function run(): Promise<void> {
  const adapter = await dawn().requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  const software = adapterKey(adapter.info) === 'lavapipe';
  // lavapipe runs a fill launch in about a millisecond and an mpm88 update in seconds.
  const options: FigureOptions = {
    launches: Number(process.env.BENCH_LAUNCHES ?? (software ? 2000 : 10000)),
    trips: Number(process.env.BENCH_TRIPS ?? 50),
    reps: Number(process.env.BENCH_REPS ?? (software ? 3 : 5)),
    mpm88Updates: Number(process.env.BENCH_MPM_UPDATES ?? (software ? 1 : 10)),
  };
  const fixtures = resolve(fixturesDir());
  // Rounds alternate the two implementations, so that drift in the machine's load hits both alike.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const dawnRounds: Figures[] = [];
  const wgpuRounds: Figures[] = [];
  for (let r = 0; r < rounds; r++) {
    // An adapter hands out one device: a fresh one each round, from the same (flagged) Dawn.
    const rt = await Runtime.create({ adapter: r === 0 ? adapter : ((await dawn().requestAdapter()) ?? undefined) });
    try {
      dawnRounds.push(await measureFigures(rt, fixtures, options, cpuMs));
    } finally {
      await rt.destroy();
    }
    const { stdout } = await denoRun('bench/implementation-figures-deno.ts', [fixtures, JSON.stringify(options)], 1_800_000);
    const [figures] = jsonLines<Figures>(stdout);
    if (!figures) throw new Error(`Deno printed no figures:\n${stdout}`);
    wgpuRounds.push(figures);
  }
  const onDawn = medianFigures(dawnRounds);
  const onWgpu = medianFigures(wgpuRounds);
  const row = (name: string, key: keyof Figures, unit: string): Cell[] => [name, unit, onDawn[key] as number, onWgpu[key] as number, (onWgpu[key] as number) / (onDawn[key] as number)];
  const rows = [
    row('mpm88 (graph update, 40,960 particles)', 'mpm88SubstepsPerS', 'substeps/s'),
    row('mpm88: process CPU time per substep', 'mpm88CpuMsPerSubstep', 'ms'),
    row('launch: host time per fill launch', 'launchUs', 'us'),
    row('launch: until the device is done, per launch', 'launchWaitUs', 'us'),
    row('round trip: launch, wait, read 4 bytes', 'roundTripMs', 'ms'),
    row('raw: empty submit, onSubmittedWorkDone', 'workDoneMs', 'ms'),
    row('raw: copy 4 bytes, mapAsync', 'mapReadMs', 'ms'),
    row('raw: setBindGroup + dispatchWorkgroups, recorded', 'dispatchRecordUs', 'us'),
  ];
  const checks = [...onDawn.checks.map((c) => `Dawn: ${c}`), ...onWgpu.checks.map((c) => `wgpu: ${c}`)];
  report({
    name: 'implementations',
    adapterKey: adapterKey(adapter.info),
    adapter: `Dawn: ${onDawn.adapter}; wgpu (Deno): ${onWgpu.adapter}`,
    title: 'Dawn (Node) and wgpu (Deno), same taichi-wasm, same run',
    notes: [
      `Medians over ${rounds} rounds, each Dawn then wgpu, of per-round medians: ${options.reps} repetitions of ${options.launches} fill launches (32x32 f32) between two waits; ${options.trips} round trips; ${options.reps} timings of ${options.mpm88Updates} mpm88 update graph(s) after one warm-up. The raw rows use the runtime's own device.`,
      'ratio = wgpu / Dawn (above 1: wgpu takes longer, or runs more substeps per second for mpm88).',
      checks.length ? `CHECKS FAILED: ${checks.join('; ')}` : 'Checks: the last fill launch and every round trip read back their value; mpm88 particles stay inside (0, 1)^2; on both.',
    ],
    table: { columns: ['figure', 'unit', 'Dawn (Node)', 'wgpu (Deno)', 'wgpu / Dawn'], rows },
    chart: { title: 'wgpu / Dawn', unit: 'x', bars: rows.map((r) => ({ label: String(r[0]), value: Number(r[4]) })) },
    data: { options, rounds, dawn: dawnRounds, wgpu: wgpuRounds },
  });
  if (checks.length) throw new Error(checks.join('; '));
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
