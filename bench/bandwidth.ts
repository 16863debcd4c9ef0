// Bandwidth: Taichi's fill and matmul (fill_matmul.tcm) through taichi-wasm, against
// hand-written WGSL doing the same work on the same device, and the device's own buffer copy.
// Each kernel has two hand-written versions: the usual one (a thread per element, 16x16 tiles
// for matmul) and one with Taichi's thread mapping (the module's grid, looping over the range),
// which separates the cost of the translation from that of Taichi's choice of grid.
// fill moves 4 bytes per element (one write); matmul's minimum is each matrix once (3 n^2 * 4
// bytes) and it is compute-bound, so its GFLOP/s is reported too.
import { closeContext, computePipeline, fixturePath, isMain, median, now, openContext, readBuffer, readFixture, type BenchContext } from './common.js';
import { taskInfo } from './fill-task.js';
import { report, type Cell } from './report.js';
import type { NdArray } from '../src/index.js';
import { isNative, runNative, type NativeOutcome } from './native.js';

const MiB = 1 << 20;
const COLS = 1024; // fill's ndarray is [rows, 1024]

const FILL_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> a: array<f32>;
@group(0) @binding(1) var<uniform> p: vec4<u32>; // count, threads per grid row, value bits
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.y * p.y + id.x;
  if (i < p.x) { a[i] = bitcast<f32>(p.z); }
}`;

// Taichi's mapping: the module's grid of 128-thread groups strides over the elements.
const FILL_STRIDE_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> a: array<f32>;
@group(0) @binding(1) var<uniform> p: vec4<u32>; // count, -, value bits
@compute @workgroup_size(128)
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let stride = groups.x * 128u;
  for (var i = id.x; i < p.x; i += stride) { a[i] = bitcast<f32>(p.z); }
}`;

const MATMUL_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> p: vec4<u32>; // n, m, k: c (n x k) = a (n x m) * b (m x k)
@compute @workgroup_size(16, 16)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.y;
  let j = id.x;
  if (i >= p.x || j >= p.z) { return; }
  var s = 0.0;
  for (var k = 0u; k < p.y; k++) { s = fma(a[i * p.y + k], b[k * p.z + j], s); }
  c[i * p.z + j] = s;
}`;

// Taichi's mapping: one thread per output element, c's elements in row-major order, striding.
const MATMUL_STRIDE_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> p: vec4<u32>; // n, m, k
@compute @workgroup_size(128)
fn main(@builtin(global_invocation_id) id: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let total = p.x * p.z;
  for (var t = id.x; t < total; t += groups.x * 128u) {
    let i = t / p.z;
    let j = t % p.z;
    var s = 0.0;
    for (var k = 0u; k < p.y; k++) { s = fma(a[i * p.y + k], b[k * p.z + j], s); }
    c[t] = s;
  }
}`;

// A streaming copy in a shader (16 bytes per thread): the ceiling a bandwidth-bound kernel can reach.
const COPY_WGSL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read_write> dst: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> p: vec4<u32>; // count, threads per grid row
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  let i = id.y * p.y + id.x;
  if (i < p.x) { dst[i] = src[i]; }
}`;

interface Row {
  kernel: string;
  bytes: number;
  launches: number;
  taichiGBs: number;
  handGBs: number;
  /** Hand-written with Taichi's thread mapping. */
  mappedGBs: number;
  taichiGflops?: number;
  handGflops?: number;
  /** taichi-wasm's host time per launch (recording, and the submissions on the way) and its whole time per launch, fill only. */
  taichiRecordUs?: number;
  taichiTotalUs?: number;
  check: string;
}

function uniform(device: GPUDevice, words: number[]): GPUBuffer {
  const b = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM, mappedAtCreation: true });
  new Uint32Array(b.getMappedRange()).set(words);
  b.unmap();
  return b;
}

/** A 2-D dispatch covering `groups` workgroups (one dimension holds at most 65535). */
function grid(groups: number): [number, number] {
  const x = Math.min(groups, 32768);
  return [x, Math.ceil(groups / x)];
}

/** Runs `count` dispatches in one pass and one submit, and waits. */
async function handRun(device: GPUDevice, pipeline: GPUComputePipeline, group: GPUBindGroup, dims: [number, number], count: number): Promise<number> {
  const t0 = now();
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  for (let i = 0; i < count; i++) pass.dispatchWorkgroups(dims[0], dims[1]);
  pass.end();
  device.queue.submit([encoder.finish()]);
  await device.queue.onSubmittedWorkDone();
  return now() - t0;
}

/** The whole time of `count` launches and a wait, and the host's share: until the last launch returned. */
async function taichiRun(ctx: BenchContext, launch: () => void, count: number, recorded?: number[]): Promise<number> {
  await ctx.runtime.wait();
  const t0 = now();
  for (let i = 0; i < count; i++) launch();
  recorded?.push(now() - t0);
  await ctx.runtime.wait();
  return now() - t0;
}

/** Reads 4 bytes of an ndarray at `offset` through a small host-readable copy. */
async function probe(ctx: BenchContext, a: NdArray, offset: number): Promise<number> {
  const m = ctx.runtime.allocateMemory({ size: 4, hostRead: true });
  ctx.runtime.copy({ memory: m }, { memory: a.memory, offset, size: 4 });
  const v = (await m.read(Float32Array))[0];
  m.free();
  return v;
}

/** The last f32 of a GPUBuffer (which needs COPY_SRC usage). */
async function lastFloat(device: GPUDevice, buffer: GPUBuffer): Promise<number> {
  return new Float32Array(await readBuffer(device, buffer, buffer.size - 4, 4))[0];
}

/** Launch count per timing: enough bytes to dwarf the per-submit cost, within reason. */
function launchesFor(bytes: number, targetBytes: number): number {
  return Math.max(3, Math.min(200, Math.ceil(targetBytes / bytes)));
}

interface Hand {
  pipeline: GPUComputePipeline;
  strided: GPUComputePipeline;
  /** The module's grid for the task (workgroups of 128). */
  groups: number;
}

async function fillSize(ctx: BenchContext, fill: (a: NdArray, v: number) => void, hand: Hand, bytes: number, reps: number, targetBytes: number): Promise<Row> {
  const { device, runtime } = ctx;
  const pipeline = hand.pipeline;
  const rows = bytes / 4 / COLS;
  const count = rows * COLS;
  const a = runtime.ndarray('f32', [rows, COLS]);
  const buffer = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const groups = Math.ceil(count / 256);
  const dims = grid(groups);
  const params = uniform(device, [count, dims[0] * 256, new Uint32Array(new Float32Array([2.5]).buffer)[0], 0]);
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer } }, { binding: 1, resource: { buffer: params } }] });
  const strided = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const stridedParams = uniform(device, [count, 0, new Uint32Array(new Float32Array([3.5]).buffer)[0], 0]);
  const stridedGroup = device.createBindGroup({ layout: hand.strided.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: strided } }, { binding: 1, resource: { buffer: stridedParams } }] });
  const launches = launchesFor(bytes, targetBytes);
  // Warm-up at this size, one whole timing each: first touches of the memory, bind groups,
  // descriptor sets, and the launch path's compiled code at this launch count.
  await taichiRun(ctx, () => fill(a, 1.5), launches);
  await handRun(device, pipeline, group, dims, launches);
  await handRun(device, hand.strided, stridedGroup, [hand.groups, 1], launches);
  const t: number[] = [];
  const recorded: number[] = [];
  const h: number[] = [];
  const m: number[] = [];
  for (let r = 0; r < reps; r++) {
    t.push(await taichiRun(ctx, () => fill(a, 1.5), launches, recorded));
    h.push(await handRun(device, pipeline, group, dims, launches));
    m.push(await handRun(device, hand.strided, stridedGroup, [hand.groups, 1], launches));
  }
  const ok = (await probe(ctx, a, 0)) === 1.5 && (await probe(ctx, a, bytes - 4)) === 1.5 && (await lastFloat(device, buffer)) === 2.5 && (await lastFloat(device, strided)) === 3.5;
  a.free();
  for (const x of [buffer, params, strided, stridedParams]) x.destroy();
  return {
    kernel: 'fill',
    bytes,
    launches,
    taichiGBs: (bytes * launches) / (median(t) * 1e6),
    handGBs: (bytes * launches) / (median(h) * 1e6),
    mappedGBs: (bytes * launches) / (median(m) * 1e6),
    taichiRecordUs: (median(recorded) * 1000) / launches,
    taichiTotalUs: (median(t) * 1000) / launches,
    check: ok ? 'ok' : 'WRONG',
  };
}

async function matmulSize(
  ctx: BenchContext,
  kernels: { fill: (a: NdArray, v: number) => void; matmul: (a: NdArray, b: NdArray, c: NdArray) => void },
  pipelines: { fill: GPUComputePipeline; matmul: GPUComputePipeline; matmulStrided: GPUComputePipeline; matmulGroups: number },
  n: number,
  reps: number,
  targetFlops: number,
): Promise<Row> {
  const { device, runtime } = ctx;
  const bytes = n * n * 4;
  const [a, b, c] = [0, 1, 2].map(() => runtime.ndarray('f32', [n, n]));
  // Inputs filled on the device (1.5 and 0.5), so c = n * 0.75 everywhere: checkable, never zeros.
  kernels.fill(a, 1.5);
  kernels.fill(b, 0.5);
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const [ha, hb, hc, hc2] = [0, 1, 2, 3].map(() => device.createBuffer({ size: bytes, usage }));
  for (const [buf, value] of [[ha, 1.5], [hb, 0.5]] as const) {
    const dims = grid(Math.ceil((n * n) / 256));
    const params = uniform(device, [n * n, dims[0] * 256, new Uint32Array(new Float32Array([value]).buffer)[0], 0]);
    const g = device.createBindGroup({ layout: pipelines.fill.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: buf } }, { binding: 1, resource: { buffer: params } }] });
    await handRun(device, pipelines.fill, g, dims, 1);
    params.destroy();
  }
  const params = uniform(device, [n, n, n, 0]);
  const group = device.createBindGroup({
    layout: pipelines.matmul.getBindGroupLayout(0),
    entries: [ha, hb, hc, params].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const stridedGroup = device.createBindGroup({
    layout: pipelines.matmulStrided.getBindGroupLayout(0),
    entries: [ha, hb, hc2, params].map((buffer, binding) => ({ binding, resource: { buffer } })),
  });
  const stridedDims: [number, number] = [pipelines.matmulGroups, 1];
  const dims: [number, number] = [Math.ceil(n / 16), Math.ceil(n / 16)];
  const flops = 2 * n * n * n;
  const launches = Math.max(1, Math.min(50, Math.round(targetFlops / flops)));
  await taichiRun(ctx, () => kernels.matmul(a, b, c), launches);
  await handRun(device, pipelines.matmul, group, dims, launches);
  await handRun(device, pipelines.matmulStrided, stridedGroup, stridedDims, launches);
  const t: number[] = [];
  const h: number[] = [];
  const m: number[] = [];
  for (let r = 0; r < reps; r++) {
    t.push(await taichiRun(ctx, () => kernels.matmul(a, b, c), launches));
    h.push(await handRun(device, pipelines.matmul, group, dims, launches));
    m.push(await handRun(device, pipelines.matmulStrided, stridedGroup, stridedDims, launches));
  }
  const expected = n * 0.75;
  const ok = (await probe(ctx, c, 0)) === expected && (await probe(ctx, c, bytes - 4)) === expected && (await lastFloat(device, hc)) === expected && (await lastFloat(device, hc2)) === expected;
  for (const x of [a, b, c]) x.free();
  for (const x of [ha, hb, hc, hc2, params]) x.destroy();
  const moved = 3 * bytes * launches;
  return {
    kernel: `matmul ${n}x${n}`,
    bytes,
    launches,
    taichiGBs: moved / (median(t) * 1e6),
    handGBs: moved / (median(h) * 1e6),
    mappedGBs: moved / (median(m) * 1e6),
    taichiGflops: (flops * launches) / (median(t) * 1e6),
    handGflops: (flops * launches) / (median(h) * 1e6),
    check: ok ? 'ok' : 'WRONG',
  };
}

/**
 * The device's copy bandwidth (bytes read plus bytes written), by copyBufferToBuffer and by the
 * shader copy; the larger is the ceiling for streaming kernels.
 */
async function copyCeilings(device: GPUDevice, pipeline: GPUComputePipeline, bytes: number, reps: number, targetBytes: number): Promise<{ command: number; shader: number }> {
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const src = device.createBuffer({ size: bytes, usage });
  const dst = device.createBuffer({ size: bytes, usage });
  const count = launchesFor(bytes, targetBytes);
  const dims = grid(Math.ceil(bytes / 16 / 256));
  const params = uniform(device, [bytes / 16, dims[0] * 256, 0, 0]);
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [src, dst, params].map((buffer, binding) => ({ binding, resource: { buffer } })) });
  const command = async () => {
    const t0 = now();
    const encoder = device.createCommandEncoder();
    for (let i = 0; i < count; i++) encoder.copyBufferToBuffer(src, 0, dst, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    return now() - t0;
  };
  const shader = () => handRun(device, pipeline, group, dims, count);
  await command();
  await shader();
  const c: number[] = [];
  const s: number[] = [];
  for (let r = 0; r < reps; r++) {
    c.push(await command());
    s.push(await shader());
  }
  for (const b of [src, dst, params]) b.destroy();
  const rate = (ms: number) => (2 * bytes * count) / (ms * 1e6);
  return { command: rate(median(c)), shader: rate(median(s)) };
}

export async function run(): Promise<void> {
  const ctx = await openContext();
  try {
    const software = ctx.adapterKey === 'lavapipe';
    const reps = Number(process.env.BENCH_REPS ?? (software ? 3 : 7));
    // lavapipe streams a few GB/s on 2 cores: a smaller target keeps each size near a second.
    const targetBytes = software ? 256 * MiB : 16 * 1024 * MiB;
    const maxBinding = Math.min(ctx.device.limits.maxStorageBufferBindingSize, ctx.device.limits.maxBufferSize);
    const fillSizes: number[] = [];
    for (let s = MiB; s <= maxBinding; s *= 4) fillSizes.push(s);
    // The largest binding itself, rounded down to whole rows of the [rows, 1024] ndarray.
    const largest = Math.floor(maxBinding / (4 * COLS)) * 4 * COLS;
    if (largest > fillSizes[fillSizes.length - 1]) fillSizes.push(largest);
    // matmul is O(n^3): n = 512 is 1 MiB per matrix; lavapipe stops at 4 MiB, a GPU at 256 MiB.
    const matmulNs = software ? [512, 1024] : [512, 1024, 2048, 4096, 8192];

    const mod = await ctx.runtime.loadModule(fixturePath('fill_matmul.tcm'));
    const fillK = mod.kernel('fill');
    const matmulK = mod.kernel('matmul');
    const kernels = { fill: (a: NdArray, v: number) => fillK.launch(a, v), matmul: (a: NdArray, b: NdArray, c: NdArray) => matmulK.launch(a, b, c) };
    const tcm = readFixture('fill_matmul.tcm');
    const pipelines = {
      fill: await computePipeline(ctx.device, FILL_WGSL, 'auto'),
      fillStrided: await computePipeline(ctx.device, FILL_STRIDE_WGSL, 'auto'),
      fillGroups: taskInfo(tcm, 'fill').groups,
      matmul: await computePipeline(ctx.device, MATMUL_WGSL, 'auto'),
      matmulStrided: await computePipeline(ctx.device, MATMUL_STRIDE_WGSL, 'auto'),
      matmulGroups: taskInfo(tcm, 'matmul').groups,
      copy: await computePipeline(ctx.device, COPY_WGSL, 'auto'),
    };
    const fillHand: Hand = { pipeline: pipelines.fill, strided: pipelines.fillStrided, groups: pipelines.fillGroups };

    const results: Row[] = [];
    for (const bytes of fillSizes) results.push(await fillSize(ctx, kernels.fill, fillHand, bytes, reps, targetBytes));
    for (const n of matmulNs) results.push(await matmulSize(ctx, kernels, pipelines, n, reps, software ? 2e9 : 2e12));
    const copyBytes = Math.min(largest, 1024 * MiB);
    const ceilings = await copyCeilings(ctx.device, pipelines.copy, copyBytes, reps, targetBytes);
    const copyGBs = Math.max(ceilings.command, ceilings.shader);
    await mod.destroy();

    // Taichi's own runtime on the same sizes and launch counts, each size in its own process.
    const module = fixturePath('fill_matmul.tcm');
    const native: NativeOutcome[] = results.map((r) =>
      r.kernel === 'fill' ? runNative('fill', module, r.bytes, r.launches, reps) : runNative('matmul', module, Math.round(Math.sqrt(r.bytes / 4)), r.launches, reps),
    );
    const nativeGBs = (i: number): number | undefined => {
      const n = native[i];
      if (!isNative(n)) return undefined;
      const r = results[i];
      // matmul: GB/s counts each matrix once per launch, GFLOP/s 2 n^3 per launch.
      return r.kernel === 'fill' ? (n.GBs as number) : ((n.GFLOPs as number) * 3 * r.bytes) / (2 * Math.sqrt(r.bytes / 4) ** 3);
    };
    const skipped = native.find((n): n is { skipped: string } => !isNative(n));

    const sizeText = (b: number) => (b >= 1024 * MiB ? `${(b / (1024 * MiB)).toFixed(2)} GiB` : `${(b / MiB).toFixed(b % MiB ? 2 : 0)} MiB`);
    // The ratio is taken against the faster hand-written version.
    const best = (r: Row) => Math.max(r.handGBs, r.mappedGBs);
    const rows: Cell[][] = results.map((r, i) => [
      r.kernel,
      sizeText(r.bytes),
      r.taichiGBs,
      r.handGBs,
      r.mappedGBs,
      r.taichiGBs / best(r),
      nativeGBs(i) ?? 'skipped',
      nativeGBs(i) ? r.taichiGBs / nativeGBs(i)! : '',
      r.kernel === 'fill' ? r.taichiGBs / copyGBs : '',
      r.taichiGflops ?? '',
      r.handGflops ?? '',
      r.taichiRecordUs ?? '',
      r.taichiTotalUs ?? '',
      r.check,
    ]);
    report({
      name: 'bandwidth',
      adapterKey: ctx.adapterKey,
      adapter: ctx.adapterText,
      title: 'Bandwidth: Taichi fill and matmul against hand-written WGSL',
      notes: [
        `Median of ${reps} timings after a warm-up timing, each timing several launches (fill: up to ${sizeText(targetBytes)} written per timing) between two waits; taichi-wasm and hand-written alternate.`,
        `Device copy bandwidth over ${sizeText(copyBytes)}, read + write: copyBufferToBuffer ${ceilings.command.toFixed(1)} GB/s, shader copy (vec4 per thread) ${ceilings.shader.toFixed(1)} GB/s. 'of copy' = Taichi fill over the larger.`,
        `Taichi's kernels run on the module's grid (fill ${pipelines.fillGroups}, matmul ${pipelines.matmulGroups} groups of 128 threads, from its advisory sizes) and loop over their range. 'hand' uses a thread per element (16x16 tiles for matmul); 'hand, Taichi's grid' does the same work on Taichi's grid and mapping. ratio = taichi-wasm over the faster hand-written version.`,
        `matmul: naive (no shared-memory tiling) in all; GB/s counts 3 n^2 * 4 bytes per launch, GFLOP/s 2 n^3. Sizes capped at n = ${matmulNs[matmulNs.length - 1]} (${sizeText(matmulNs[matmulNs.length - 1] ** 2 * 4)} per matrix): larger ones take seconds per launch${software ? ' on lavapipe' : ''}.`,
        `Largest storage binding of this adapter: ${sizeText(maxBinding)}.`,
        "fill: 'taichi-wasm host us/launch' is the host's time per launch until the last launch returned (recording, and the submissions made on the way); 'us/launch' adds the wait. Where the host's is near the whole, launches are host-bound.",
        skipped ? skipped.skipped : 'native = Taichi 1.7.4\'s own runtime (libtaichi_c_api) on the same module, sizes and launch counts, in its own process; "vs native" = taichi-wasm over native (GB/s).',
      ],
      table: { columns: ['kernel', 'size', 'taichi-wasm GB/s', 'hand GB/s', "hand, Taichi's grid GB/s", 'ratio', 'native GB/s', 'vs native', 'of copy', 'taichi GFLOP/s', 'hand GFLOP/s', 'taichi-wasm host us/launch', 'taichi-wasm us/launch', 'result'], rows },
      chart: {
        title: `Taichi fill and matmul over hand-written WGSL (${ctx.adapterKey})`,
        unit: 'x',
        bars: results.map((r) => ({ label: `${r.kernel} ${sizeText(r.bytes)}`, value: r.taichiGBs / best(r) })),
      },
      data: { ceilings, copyBytes, maxBinding, reps, results, native },
    });
  } finally {
    await closeContext(ctx);
  }
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
