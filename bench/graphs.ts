// The project's own simulation graphs (examples/): mpm3D's 'update' (50 substeps) and the
// implicit FEM example's 'step' (one implicit Euler step, a CG solve of 12 iterations), in graph
// launches per second, against Taichi's own runtime on the same module, graph and arguments.
import { closeContext, fixturePath, isMain, median, openContext } from './common.js';
import { isNative, runNative } from './native.js';
import { report, type Cell } from './report.js';
import { GRAPH_WORKLOADS, nativeSpec, runGraphWasm } from './workloads.js';

export async function run(): Promise<void> {
  const ctx = await openContext();
  try {
    const software = ctx.adapterKey === 'lavapipe';
    const reps = Number(process.env.BENCH_REPS ?? (software ? 3 : 5));
    const rows: Cell[][] = [];
    const data: unknown[] = [];
    for (const w of GRAPH_WORKLOADS) {
      const steps = software ? 1 : 10;
      const wasm = await runGraphWasm(ctx.runtime, w, steps, reps);
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
        `Median of ${reps} timings after one warm-up step, each ${software ? 1 : 10} graph launch(es) then a wait. ${GRAPH_WORKLOADS.map((w) => w.size).join('; ')}.`,
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
