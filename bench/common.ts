// What every benchmark needs: one WebGPU device shared by taichi-wasm and the hand-written
// baselines (so ratios compare work on the same queue), the fixture modules, and timing helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, globals } from 'webgpu';
import { Runtime } from '../src/index.js';

export interface BenchContext {
  gpu: GPU;
  adapter: GPUAdapter;
  device: GPUDevice;
  runtime: Runtime;
  /** 'lavapipe', 'h100', or the adapter's own name: the suffix of the result files. */
  adapterKey: string;
  /** vendor / architecture / device, as the adapter reports them. */
  adapterText: string;
}

let gpu: GPU | undefined;

/** Dawn's GPU object; one per process, shared with taichi.js where a benchmark runs it. */
export function dawn(): GPU {
  if (!gpu) {
    // Dawn's enums (GPUBufferUsage, ...) become globals, as in a browser.
    Object.assign(globalThis, globals);
    // BENCH_DAWN_FLAGS: Dawn options, space-separated (e.g. enable-dawn-features=disable_robustness).
    gpu = create(process.env.BENCH_DAWN_FLAGS?.split(' ').filter(Boolean) ?? []) as GPU;
  }
  return gpu;
}

export function adapterKey(info: GPUAdapterInfo): string {
  const text = `${info.vendor} ${info.architecture} ${info.device} ${info.description}`.toLowerCase();
  if (text.includes('llvmpipe') || info.architecture === 'software') return 'lavapipe';
  if (text.includes('h100')) return 'h100';
  return text.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown';
}

/**
 * Opens the adapter with every limit raised to what it offers (the runtime needs the largest
 * storage binding; the baselines need the same), and a runtime on that device. `beforeRuntime`
 * sees the device before the runtime does (the memory benchmark counts its allocations).
 */
export async function openContext(beforeRuntime?: (device: GPUDevice) => void): Promise<BenchContext> {
  const adapter = await dawn().requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  const requiredLimits: Record<string, number> = {};
  for (const key in adapter.limits) {
    const value = (adapter.limits as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number') requiredLimits[key] = value;
  }
  // Subgroups as the runtime's own device asks for them (float atomic adds combine with them).
  const requiredFeatures = (['subgroups'] as GPUFeatureName[]).filter((f) => adapter.features.has(f));
  const device = await adapter.requestDevice({ requiredLimits, requiredFeatures, label: 'bench' });
  beforeRuntime?.(device);
  const runtime = await Runtime.create({ device, adapter });
  const info = adapter.info;
  return {
    gpu: dawn(),
    adapter,
    device,
    runtime,
    adapterKey: adapterKey(info),
    adapterText: [info.vendor, info.architecture, info.device || info.description].filter(Boolean).join(' / '),
  };
}

export async function closeContext(ctx: BenchContext): Promise<void> {
  await ctx.runtime.destroy();
  ctx.device.destroy();
}

/** The folder of the Taichi AOT modules: $TAICHI_BENCH_FIXTURES, else the project's own (examples/modules). */
export function fixturesDir(): string {
  return process.env.TAICHI_BENCH_FIXTURES ?? join('examples', 'modules');
}

export function fixturePath(name: string): string {
  return join(fixturesDir(), name);
}

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function now(): number {
  return performance.now();
}

/** True when this module is the script node was started with (so it runs on its own). */
export function isMain(importMetaUrl: string): boolean {
  return process.argv[1] !== undefined && importMetaUrl === pathToFileURL(process.argv[1]).href;
}

/** Creates a compute pipeline, surfacing WGSL errors instead of a later invalid-object error. */
export async function computePipeline(device: GPUDevice, code: string, layout: GPUPipelineLayout | 'auto', entryPoint = 'main'): Promise<GPUComputePipeline> {
  const module = device.createShaderModule({ code });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length) throw new Error(`WGSL: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  return device.createComputePipelineAsync({ layout, compute: { module, entryPoint } });
}

/** Reads `size` bytes at `offset` of a GPUBuffer (which needs COPY_SRC usage). */
export async function readBuffer(device: GPUDevice, buffer: GPUBuffer, offset: number, size: number): Promise<ArrayBuffer> {
  const staging = device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.copyBufferToBuffer(buffer, offset, staging, 0, size);
  device.queue.submit([encoder.finish()]);
  await staging.mapAsync(GPUMapMode.READ);
  const copy = staging.getMappedRange().slice(0);
  staging.destroy();
  return copy;
}

/** Collects garbage now when node runs with --expose-gc, so one variant's garbage is not another's pause. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}
