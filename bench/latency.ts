// Launch latency: one launch of fill on a 32 x 32 f32 ndarray, a wait, and a 4-byte read, ITERS
// times: the round trip an interactive program makes every frame. Against the hand-written
// floor (the same dispatch and a 4-byte copy in one submit, onSubmittedWorkDone, then mapAsync of
// the copy) and Taichi's own runtime (launch, ti_wait, copy and map), each median of ITERS.
import { closeContext, computePipeline, fixturePath, isMain, median, now, openContext, readFixture } from './common.js';
import { dispatchedGroups, taskInfo, taskLayout } from './fill-task.js';
import { HandWritten, SIDE, SLOT, writeArgs } from './launch.js';
import { isNative, runNative } from './native.js';
import { report, type Cell } from './report.js';

const WARM = 20;

export async function run(): Promise<void> {
  const iters = Number(process.env.BENCH_LATENCY_ITERS ?? 1000);
  const ctx = await openContext();
  try {
    const { device, runtime } = ctx;
    const task = taskInfo(readFixture('fill_matmul.tcm'), 'fill');
    const layout = taskLayout(device, task);
    const pipeline = await computePipeline(device, task.wgsl, device.createPipelineLayout({ bindGroupLayouts: [layout] }), task.entryPoint);
    const args = new DataView(new ArrayBuffer(task.argsBytes));
    writeArgs(args, 0, task, 0);
    const groups = dispatchedGroups(task, args);
    const hand = new HandWritten(device, task, pipeline, layout, 1);
    const staging = device.createBuffer({ size: 4, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const handRound = async (i: number): Promise<number> => {
      writeArgs(args, 0, task, i);
      device.queue.writeBuffer(hand.uniform, 0, args.buffer);
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, hand.group, [0]);
      pass.dispatchWorkgroups(groups);
      pass.end();
      encoder.copyBufferToBuffer(hand.target, 0, staging, 0, 4);
      device.queue.submit([encoder.finish()]);
      await device.queue.onSubmittedWorkDone();
      await staging.mapAsync(GPUMapMode.READ);
      const v = new Float32Array(staging.getMappedRange())[0];
      staging.unmap();
      return v;
    };
    const mod = await runtime.loadModule(fixturePath('fill_matmul.tcm'));
    const fill = mod.kernel('fill');
    const a = runtime.ndarray('f32', [SIDE, SIDE]);
    const probe = runtime.allocateMemory({ size: 4, hostRead: true });
    const oursRound = async (i: number): Promise<number> => {
      fill.launch(a, i);
      runtime.copy({ memory: probe }, { memory: a.memory, size: 4 });
      return (await probe.read(Float32Array))[0];
    };
    const variants = [
      { name: '(a) hand-written: submit, onSubmittedWorkDone, mapAsync 4 bytes (floor)', round: handRound, us: [] as number[], ok: true },
      { name: 'taichi-wasm: launch, copy 4 bytes, read', round: oursRound, us: [] as number[], ok: true },
    ];
    // The two take turns, so drift hits both alike; the first WARM rounds of each are warm-up.
    for (let i = 0; i < iters + WARM; i++) {
      for (const v of variants) {
        const t0 = now();
        const value = await v.round(i);
        const dt = (now() - t0) * 1000;
        v.ok &&= value === i;
        if (i >= WARM) v.us.push(dt);
      }
    }
    probe.free();
    a.free();
    await mod.destroy();
    staging.destroy();
    const floor = median(variants[0].us);
    const rows: Cell[][] = variants.map((v) => [v.name, median(v.us), Math.min(...v.us), median(v.us) / floor, v.ok ? 'ok' : 'WRONG']);
    const native = runNative('latency', fixturePath('fill_matmul.tcm'), iters);
    const notes = [
      `${iters} round trips each after ${WARM} of warm-up, the variants alternating; fill on ${SIDE}x${SIDE} f32 with ${groups} workgroups (args slot ${SLOT} bytes).`,
      'ratio = median over the floor\'s median.',
    ];
    if (isNative(native)) {
      rows.push(['native Taichi 1.7.4: launch, ti_wait, copy, map', native.medianUs as number, native.minUs as number, (native.medianUs as number) / floor, native.check]);
      notes.push(`taichi-wasm / native Taichi: ${(median(variants[1].us) / (native.medianUs as number)).toFixed(2)}x (native in its own process and Vulkan device).`);
    } else {
      notes.push(native.skipped);
    }
    report({
      name: 'latency',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: 'Launch latency: one launch, wait, read 4 bytes',
      notes,
      table: { columns: ['variant', 'median (us)', 'min (us)', 'ratio to floor', 'result'], rows },
      chart: { title: `Launch latency, median round trip (${ctx.adapterKey})`, unit: 'us', bars: rows.map((r) => ({ label: String(r[0]).split(':')[0], value: Number(r[1]) })) },
      data: { iters, variants: variants.map((v) => ({ name: v.name, us: v.us, ok: v.ok })), native },
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
