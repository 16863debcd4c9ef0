// Peak memory (issue 16, workload 6): the GPU memory each runtime asks its graphics API for while it
// runs one module's workload, and the host memory beside it.
// - taichi-wasm: every GPUBuffer and GPUTexture created on the runtime's device (by the shim for
//   VkDeviceMemory, read-backs, push constants and staging), counted live and at the peak by
//   wrapping the device's create calls; and the wasm heap (its size only grows, so it is the peak).
// - native Taichi: every vkAllocateMemory of the process held at the peak, counted by a Vulkan
//   layer (bench/native/vk_memory_layer.cpp): the C API's ndarrays and the runtime's own buffers,
//   in its memory allocator's blocks; and the process's peak resident memory.
// Each workload runs in a fresh runtime (and, natively, a fresh process): load, initialise, one
// step, read the checked array back.
import { closeContext, fixturePath, isMain, openContext } from './common.js';
import { isNative, runNativeCountingMemory } from './native.js';
import { fmt, report, type Cell } from './report.js';
import { GRAPH_WORKLOADS, MPM88, nativeSpec, ndarrayBytes, runGraphWasm, type Workload } from './workloads.js';

const MiB = 1024 * 1024;
const FILL_BYTES = 16 * MiB;

export interface GpuMemoryCounter {
  liveBytes: number;
  peakBytes: number;
  objects: number;
}

/** Bytes per texel of a WebGPU format (color formats by channels and bits; depth and stencil by size). */
function texelBytes(format: GPUTextureFormat): number {
  const color = /^(r|rg|rgba|bgra)(8|16|32)/.exec(format);
  if (color) return ({ r: 1, rg: 2, rgba: 4, bgra: 4 } as Record<string, number>)[color[1]] * (Number(color[2]) / 8);
  if (format === 'depth32float-stencil8') return 8;
  if (format === 'stencil8') return 1;
  if (format === 'depth16unorm') return 2;
  return 4; // depth24plus, depth24plus-stencil8, depth32float, packed 32-bit formats
}

function textureBytes(desc: GPUTextureDescriptor): number {
  const size = desc.size as GPUExtent3DDict | number[];
  const [w, h = 1, d = 1] = Array.isArray(size) ? size : [size.width, size.height ?? 1, size.depthOrArrayLayers ?? 1];
  let bytes = 0;
  for (let level = 0; level < (desc.mipLevelCount ?? 1); level++) {
    bytes += Math.max(1, w >> level) * Math.max(1, h >> level) * (desc.dimension === '3d' ? Math.max(1, d >> level) : d);
  }
  return bytes * texelBytes(desc.format) * (desc.sampleCount ?? 1);
}

/** Counts what is created on `device` from now on; destroy() gives the bytes back. */
export function countGpuMemory(device: GPUDevice): GpuMemoryCounter {
  const counter: GpuMemoryCounter = { liveBytes: 0, peakBytes: 0, objects: 0 };
  const track = <T extends { destroy(): void }>(object: T, bytes: number): T => {
    counter.liveBytes += bytes;
    counter.peakBytes = Math.max(counter.peakBytes, counter.liveBytes);
    counter.objects++;
    const destroy = object.destroy.bind(object);
    let live = true;
    object.destroy = () => {
      if (live) counter.liveBytes -= bytes;
      live = false;
      destroy();
    };
    return object;
  };
  const createBuffer = device.createBuffer.bind(device);
  const createTexture = device.createTexture.bind(device);
  device.createBuffer = (desc) => track(createBuffer(desc), desc.size);
  device.createTexture = (desc) => track(createTexture(desc), textureBytes(desc));
  return counter;
}

interface Measured {
  gpu: GpuMemoryCounter;
  wasmHeapBytes: number;
  ok: boolean;
  adapterKey: string;
  adapterText: string;
}

async function measureWasm(run: (ctx: Awaited<ReturnType<typeof openContext>>) => Promise<boolean>): Promise<Measured> {
  let gpu: GpuMemoryCounter | undefined;
  const ctx = await openContext((device) => (gpu = countGpuMemory(device)));
  try {
    const ok = await run(ctx);
    return { gpu: { ...gpu! }, wasmHeapBytes: ctx.runtime.diagnostics().wasmHeapBytes, ok, adapterKey: ctx.adapterKey, adapterText: ctx.adapterText };
  } finally {
    await closeContext(ctx);
  }
}

async function fillWasm(): Promise<Measured> {
  return measureWasm(async ({ runtime }) => {
    const mod = await runtime.loadModule(fixturePath('fill_matmul.tcm'));
    const a = runtime.ndarray('f32', [FILL_BYTES / 4 / 1024, 1024]);
    mod.kernel('fill').launch(a, 1.5);
    await runtime.wait();
    const values = await a.read();
    await mod.destroy();
    return values[0] === 1.5 && values[values.length - 1] === 1.5;
  });
}

async function graphWasm(w: Workload): Promise<Measured> {
  return measureWasm(async ({ runtime }) => (await runGraphWasm(runtime, w, 1, 1)).finite);
}

const mib = (bytes: number) => `${fmt(bytes / MiB)} MiB`;

export async function run(): Promise<void> {
  const cases: { label: string; arrays: number; wasm: () => Promise<Measured>; native: () => ReturnType<typeof runNativeCountingMemory> }[] = [
    { label: `fill_matmul.tcm 'fill' on ${FILL_BYTES / MiB} MiB`, arrays: FILL_BYTES, wasm: fillWasm, native: () => runNativeCountingMemory('fill', fixturePath('fill_matmul.tcm'), FILL_BYTES, 1, 1) },
    ...[MPM88, ...GRAPH_WORKLOADS].map((w) => ({
      label: `${w.module} '${w.step}'`,
      arrays: ndarrayBytes(w),
      wasm: () => graphWasm(w),
      native: () => runNativeCountingMemory('graph', fixturePath(w.module), w.init, w.step, 1, 1, w.check, ...w.args.map(nativeSpec)),
    })),
  ];
  const rows: Cell[][] = [];
  const data: unknown[] = [];
  let adapterKey = '';
  let adapterText = '';
  for (const c of cases) {
    const wasm = await c.wasm();
    const native = c.native();
    const nativeGpu = isNative(native) ? native.vkPeakBytes : undefined;
    const nativeCells: Cell[] =
      nativeGpu !== undefined && isNative(native)
        ? [mib(nativeGpu), wasm.gpu.peakBytes / nativeGpu, `${fmt(native.peakRssKiB / 1024)} MiB`]
        : [isNative(native) ? 'no layer counts' : native.skipped, '', ''];
    rows.push([c.label, mib(c.arrays), mib(wasm.gpu.peakBytes), ...nativeCells, mib(wasm.wasmHeapBytes), wasm.ok ? 'ok' : 'WRONG', isNative(native) ? native.check : '']);
    data.push({ workload: c.label, ndarrayBytes: c.arrays, wasm, native });
    adapterKey = wasm.adapterKey;
    adapterText = wasm.adapterText;
  }
  report({
    name: 'memory',
    adapterKey,
    adapter: adapterText,
    title: 'Peak memory of one workload, against native Taichi on the same module',
    notes: [
      'GPU: the peak of the bytes held in GPUBuffers and GPUTextures created on the runtime\'s device (taichi-wasm), and in vkAllocateMemory allocations (native Taichi 1.7.4, counted by a Vulkan layer, in its own process; Taichi sub-allocates its buffers from large blocks). ratio = taichi-wasm over native; the goal is at most 1.1x.',
      'Host: the wasm heap (taichi-wasm; host-visible memory keeps its copy there) and the native process\'s peak resident memory (the runtime library, the Vulkan driver and the heap; not the same measure).',
      'Each workload in a fresh runtime and process: load the module, initialise, one step, read the checked array back.',
    ],
    table: { columns: ['workload', 'ndarrays', 'taichi-wasm GPU', 'native GPU', 'ratio', 'native peak RSS', 'taichi-wasm wasm heap', 'taichi-wasm', 'native'], rows },
    chart: { title: `Peak GPU memory, taichi-wasm over native (${adapterKey})`, unit: 'x', bars: rows.map((r) => ({ label: String(r[0]), value: typeof r[4] === 'number' ? r[4] : 0 })) },
    data,
  });
}

if (isMain(import.meta.url)) {
  await run();
  process.exit(0);
}
