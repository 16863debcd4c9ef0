// Launch overhead: LAUNCHES launches of `fill` on a 32 x 32 f32 ndarray between two waits, for
// taichi-wasm and for three baselines on the same work:
//   (a) the floor: hand-written WebGPU encoding the same dispatches (the shim's own WGSL, the
//       workgroup count the shim dispatches, a per-launch args slot bound with a dynamic offset)
//       into one pass and one submit;
//   (b) the same, one submit per dispatch;
//   (c) taichi.js running an equivalent fill kernel (its own WGSL and dispatch size).
// A fourth, informative variant is the floor on Taichi's advisory grid, which the shim trims to
// the workgroups the loop's range fills (shim/spirv/passes/grid-stride.ts).
// The variants take turns within each repetition, so drift hits all of them alike.
import { closeContext, collectGarbage, fixturePath, isMain, median, now, openContext, readBuffer, readFixture, computePipeline, type BenchContext } from './common.js';
import { dispatchedGroups, taskInfo, taskLayout, type TaskInfo } from './fill-task.js';
import { report } from './report.js';
import { loadTaichiJs, type TaichiJs } from './taichi-js.js';
import { isNative, runNative } from './native.js';

export const SIDE = 32;
export const SLOT = 256; // the runtime's args slot alignment (minUniformBufferOffsetAlignment)

interface Variant {
  name: string;
  launch(i: number): void;
  wait(): Promise<void>;
  /** The first value of the filled array, to check the last launch took effect. */
  firstValue(): Promise<number>;
}

interface Timing {
  recordUs: number[];
  totalUs: number[];
}

/** The args of launch i in slot i: the ndarray's shape, then the value. */
export function writeArgs(view: DataView, at: number, task: TaskInfo, value: number): void {
  view.setInt32(at + task.argOffsets[0], SIDE, true);
  view.setInt32(at + task.argOffsets[0] + 4, SIDE, true);
  view.setFloat32(at + task.argOffsets[1], value, true);
}

export class HandWritten {
  readonly uniform: GPUBuffer;
  readonly target: GPUBuffer;
  readonly group: GPUBindGroup;

  constructor(
    readonly device: GPUDevice,
    readonly task: TaskInfo,
    readonly pipeline: GPUComputePipeline,
    layout: GPUBindGroupLayout,
    launches: number,
  ) {
    this.uniform = device.createBuffer({ size: launches * SLOT, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    this.target = device.createBuffer({ size: SIDE * SIDE * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    this.group = device.createBindGroup({
      layout,
      entries: task.bindings.map((b) =>
        b.kind === 'uniform' ? { binding: b.binding, resource: { buffer: this.uniform, size: task.argsBytes } } : { binding: b.binding, resource: { buffer: this.target } },
      ),
    });
  }

  async firstValue(): Promise<number> {
    return new Float32Array(await readBuffer(this.device, this.target, 0, 4))[0];
  }
}

/** (a): args written to a host array, uploaded once; every dispatch (of `groups`) in one pass, one submit. */
function onePass(h: HandWritten, launches: number, name: string, groups: number): Variant {
  const args = new ArrayBuffer(launches * SLOT);
  const view = new DataView(args);
  let encoder: GPUCommandEncoder | undefined;
  let pass: GPUComputePassEncoder | undefined;
  let used = 0;
  return {
    name,
    launch(i) {
      if (!pass) {
        encoder = h.device.createCommandEncoder();
        pass = encoder.beginComputePass();
        pass.setPipeline(h.pipeline);
      }
      writeArgs(view, i * SLOT, h.task, i);
      pass.setBindGroup(0, h.group, [i * SLOT]);
      pass.dispatchWorkgroups(groups);
      used = Math.max(used, (i + 1) * SLOT);
    },
    async wait() {
      if (pass && encoder) {
        pass.end();
        h.device.queue.writeBuffer(h.uniform, 0, args, 0, used);
        h.device.queue.submit([encoder.finish()]);
        pass = undefined;
        encoder = undefined;
        used = 0;
      }
      await h.device.queue.onSubmittedWorkDone();
    },
    firstValue: () => h.firstValue(),
  };
}

/** (b): each launch writes its args slot, encodes one dispatch and submits it. */
function submitEach(h: HandWritten, groups: number): Variant {
  const bytes = new ArrayBuffer(h.task.argsBytes);
  const view = new DataView(bytes);
  return {
    name: '(b) one submit per dispatch',
    launch(i) {
      writeArgs(view, 0, h.task, i);
      h.device.queue.writeBuffer(h.uniform, i * SLOT, bytes);
      const encoder = h.device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(h.pipeline);
      pass.setBindGroup(0, h.group, [i * SLOT]);
      pass.dispatchWorkgroups(groups);
      pass.end();
      h.device.queue.submit([encoder.finish()]);
    },
    wait: () => h.device.queue.onSubmittedWorkDone(),
    firstValue: () => h.firstValue(),
  };
}

async function taichiWasm(ctx: BenchContext): Promise<Variant> {
  // By path: loadModule(bytes) fails on the current runtime (see bench/translate.ts).
  const mod = await ctx.runtime.loadModule(fixturePath('fill_matmul.tcm'));
  const fill = mod.kernel('fill');
  const a = ctx.runtime.ndarray('f32', [SIDE, SIDE]);
  const probe = ctx.runtime.allocateMemory({ size: 4, hostRead: true });
  return {
    name: 'taichi-wasm',
    launch: (i) => fill.launch(a, i),
    wait: () => ctx.runtime.wait(),
    async firstValue() {
      ctx.runtime.copy({ memory: probe }, { memory: a.memory, size: 4 });
      return (await probe.read(Float32Array))[0];
    },
  };
}

function taichiJsFill(ti: TaichiJs): Variant {
  const f = ti.field(ti.f32, [SIDE, SIDE]);
  ti.addToKernelScope({ f });
  // The same loop as Taichi's fill over a 2-D array; taichi.js picks its own dispatch size.
  const fill = ti.kernel({ v: ti.f32 }, `(v) => { for (let I of ndrange(${SIDE}, ${SIDE})) { f[I] = v; } }`);
  return {
    name: 'taichi.js 0.0.36',
    launch: (i) => void fill(i),
    wait: () => ti.sync(),
    firstValue: async () => (await f.toArray())[0][0],
  };
}

async function measure(v: Variant, launches: number, t: Timing): Promise<void> {
  await v.wait();
  const t0 = now();
  for (let i = 0; i < launches; i++) v.launch(i);
  const t1 = now();
  await v.wait();
  const t2 = now();
  t.recordUs.push(((t1 - t0) * 1000) / launches);
  t.totalUs.push(((t2 - t0) * 1000) / launches);
}

export async function run(): Promise<void> {
  const launches = Number(process.env.BENCH_LAUNCHES ?? 10000);
  const ctx = await openContext();
  // On lavapipe every launch costs about a millisecond of CPU-run shader: 3 repetitions there.
  const reps = Number(process.env.BENCH_REPS ?? (ctx.adapterKey === 'lavapipe' ? 3 : 5));
  try {
    const tcm = readFixture('fill_matmul.tcm');
    const task = taskInfo(tcm, 'fill');
    const layout = taskLayout(ctx.device, task);
    const pipeline = await computePipeline(ctx.device, task.wgsl, ctx.device.createPipelineLayout({ bindGroupLayouts: [layout] }), task.entryPoint);
    const args = new DataView(new ArrayBuffer(task.argsBytes));
    writeArgs(args, 0, task, 0);
    const groups = dispatchedGroups(task, args);
    const variants: Variant[] = [
      onePass(new HandWritten(ctx.device, task, pipeline, layout, launches), launches, '(a) one pass, one submit (floor)', groups),
      await taichiWasm(ctx),
      submitEach(new HandWritten(ctx.device, task, pipeline, layout, launches), groups),
      // Not a goal's baseline: what the advisory grid would cost.
      onePass(new HandWritten(ctx.device, task, pipeline, layout, launches), launches, `(a') floor on Taichi's advisory ${task.groups} groups`, task.groups),
    ];
    const ti = await loadTaichiJs();
    if (typeof ti !== 'string') variants.push(taichiJsFill(ti));
    const timings = variants.map((): Timing => ({ recordUs: [], totalUs: [] }));
    // Warm-up: pipelines, args chunks, bind groups and JIT-compiled paths are all made here.
    for (const v of variants) {
      for (let i = 0; i < 2; i++) await measure(v, Math.min(launches, 1000), { recordUs: [], totalUs: [] });
    }
    // Each repetition starts one variant later, so every variant follows every other one as often
    // (taichi.js leaves much garbage behind), and garbage is collected between variants where
    // node runs with --expose-gc.
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < variants.length; k++) {
        const i = (r + k) % variants.length;
        collectGarbage();
        await measure(variants[i], launches, timings[i]);
      }
    }
    const checks = await Promise.all(variants.map((v) => v.firstValue()));
    const floor = median(timings[0].totalUs);
    const rows: (string | number)[][] = variants.map((v, i) => {
      const rec = median(timings[i].recordUs);
      const tot = median(timings[i].totalUs);
      return [v.name, rec, tot, tot / floor, checks[i] === launches - 1 ? 'ok' : `wrong (${checks[i]})`];
    });
    // Taichi's own runtime on the same module, in its own process and Vulkan device.
    const native = runNative('launch', fixturePath('fill_matmul.tcm'), launches, reps);
    const ours = median(timings[1].totalUs);
    if (isNative(native)) {
      const tot = median(native.totalUs as number[]);
      rows.push(['native Taichi 1.7.4 (libtaichi_c_api)', median(native.recordUs as number[]), tot, tot / floor, native.check]);
    }
    const nativeNote = isNative(native)
      ? `taichi-wasm / native Taichi, record+wait per launch: ${(ours / median(native.totalUs as number[])).toFixed(2)}x (native runs in its own process on its own Vulkan device).`
      : native.skipped;
    const notes = [
      `${launches} launches of fill (fill_matmul.tcm) on a ${SIDE}x${SIDE} f32 ndarray between two waits; median of ${reps} repetitions after warm-up, variants interleaved in rotating order${typeof globalThis.gc === 'function' ? ', garbage collected before each' : ''}.`,
      `The floor and (b) run the shim's WGSL for the fill task with ${groups} workgroups of 128, as the shim dispatches it (Taichi's advisory grid is ${task.groups} groups; the shim keeps those the loop's range fills), and a ${SLOT}-byte args slot per launch bound with a dynamic offset.`,
      'record = the launch loop alone; record+wait = until the device has finished; ratio = record+wait over the floor\'s.',
    ];
    notes.push(nativeNote);
    if (typeof ti === 'string') notes.push(`taichi.js: ${ti}.`);
    else notes.push('taichi.js runs `for (let I of ndrange(32, 32)) f[I] = v` on a 32x32 f32 field with its own dispatch size; it submits once per launch.');
    report({
      name: 'launch',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: 'Launch overhead: fill on 1024 elements, per launch',
      notes,
      table: { columns: ['variant', 'record (us)', 'record+wait (us)', 'ratio to floor', 'result'], rows },
      chart: { title: `Launch overhead, record+wait per launch (${ctx.adapterKey})`, unit: 'us', bars: variants.map((v, i) => ({ label: v.name, value: median(timings[i].totalUs) })) },
      data: { launches, reps, groups, advisoryGroups: task.groups, variants: variants.map((v, i) => ({ name: v.name, ...timings[i], check: checks[i] })), native },
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
