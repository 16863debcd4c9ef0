// The C runtime's handle tables (wasm/src/handles.h): a freed handle never comes back as a live
// one within any realistic run (wide generations, oldest-first slot reuse), and a full table
// refuses a creation without losing, leaking or freeing anything, on every table.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TaichiWasm } from '../../src/wasm.js';
import { TaichiError } from '../../src/errors.js';
import { TiArch, TiError, TiFormat, TiImageDimension } from '../../src/abi/taichi-enums.js';
import { TiImageAllocateInfo, TiMemoryAllocateInfo, TiSamplerCreateInfo, TiVulkanEventInteropInfo, TiVulkanMemoryInteropInfo } from '../../src/abi/taichi-structs.js';
import { instantiate, CApi } from '../helpers/taichi.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { writeZip } from '../helpers/zip.js';
import { unzipSync } from 'fflate';

const MAX_LIVE = 65535;

async function loadModule(wasm: TaichiWasm, c: CApi, rt: number, bytes: Uint8Array): Promise<number> {
  const p = c.alloc(bytes.length);
  wasm.heap.set(bytes, p);
  return wasm.callAsync('ti_create_aot_module', rt, p, BigInt(bytes.length));
}

/** fractal.cgraph.tcm with its one graph declared twice under two names: one kernel, two graphs. */
function twoGraphModule(): Uint8Array {
  const files = unzipSync(fixtureBytes('fractal.cgraph.tcm'));
  const graphs = JSON.parse(new TextDecoder().decode(files['graphs.json'])) as { key: string; value: unknown }[];
  graphs.push({ ...graphs[0], key: 'fractal_again' });
  files['graphs.json'] = new TextEncoder().encode(JSON.stringify(graphs));
  return writeZip(Object.entries(files).map(([name, data]) => ({ name, data })));
}

describe('stale handles', () => {
  let wasm: TaichiWasm;
  let c: CApi;
  let rt: number;
  beforeAll(async () => {
    wasm = await instantiate();
    c = new CApi(wasm);
    rt = await wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
  });
  afterAll(async () => {
    await wasm.callAsync('ti_destroy_runtime', rt);
    c.release();
  });

  test('a freed TiMemory handle never equals a later one, and stays refused, over 2^16 + 1000 allocate/free cycles', () => {
    const live = c.allocateMemory(rt, 16, { write: true, read: true });
    const ptr = wasm.call('ti_map_memory', rt, live);
    new Uint32Array(wasm.heap.buffer, ptr, 4).set([11, 22, 33, 44]);
    wasm.call('ti_unmap_memory', rt, live);
    const stale = c.allocateMemory(rt, 4);
    wasm.call('ti_free_memory', rt, stale);
    const info = c.struct(TiMemoryAllocateInfo, { size: 4n, usage: 1 });
    const seen = new Set<number>();
    let repeats = 0;
    for (let i = 0; i < 65536 + 1000; i++) {
      const h = wasm.raw('ti_allocate_memory', rt, info);
      expect(h).not.toBe(0);
      if (h === stale || h === live || seen.has(h)) repeats++;
      seen.add(h);
      wasm.raw('ti_free_memory', rt, h);
    }
    expect(repeats).toBe(0);
    // The stale handle touches nothing: not mapped, not freed, not launched with.
    for (const fn of ['ti_map_memory', 'ti_free_memory'] as const) {
      const r = c.check(() => wasm.raw(fn, rt, stale));
      expect(r.code, fn).toBe(TiError.INVALID_ARGUMENT);
      expect(r.message).toMatch(/not a live TiMemory/);
    }
    const p = wasm.call('ti_map_memory', rt, live);
    expect([...new Uint32Array(wasm.heap.buffer, p, 4)]).toEqual([11, 22, 33, 44]);
    wasm.call('ti_unmap_memory', rt, live);
    wasm.call('ti_free_memory', rt, live);
  });

  test('kernel handles of a destroyed module never equal a later module\'s, over 300 load/destroy cycles', async () => {
    const bytes = fixtureBytes('android_fill_matmul.tcm');
    const name = wasm.allocCString('fill');
    const first = await loadModule(wasm, c, rt, bytes);
    const staleKernel = wasm.call('ti_get_aot_module_kernel', first, name);
    await wasm.callAsync('ti_destroy_aot_module', first);
    const seen = new Set<number>([staleKernel]);
    for (let i = 0; i < 300; i++) {
      const m = await loadModule(wasm, c, rt, bytes);
      const k = wasm.call('ti_get_aot_module_kernel', m, name);
      expect(seen.has(k), `load ${i}`).toBe(false);
      seen.add(k);
      await wasm.callAsync('ti_destroy_aot_module', m);
    }
    const r = c.check(() => wasm.raw('ti_launch_kernel', rt, staleKernel, 0, 0));
    expect(r.code).toBe(TiError.INVALID_ARGUMENT);
    expect(r.message).toMatch(/not a live TiKernel/);
    wasm.free(name);
  });
});

describe('full tables', () => {
  let wasm: TaichiWasm;
  let c: CApi;
  let rt: number;
  beforeAll(async () => {
    wasm = await instantiate();
    c = new CApi(wasm);
    rt = await wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
  });
  afterAll(async () => {
    wasm.raw('ti_set_handle_capacity_ext', MAX_LIVE);
    await wasm.callAsync('ti_destroy_runtime', rt);
    c.release();
  });

  /**
   * Fills a table to `capacity` with `create`, then checks that one more creation fails with
   * OUT_OF_MEMORY naming the table, leaves every shim object count as it was (nothing leaked),
   * and that after freeing one object a creation succeeds again.
   */
  async function exhaust(type: string, capacity: number, create: () => Promise<number>, destroy: (h: number) => Promise<void>, preset = 0): Promise<number[]> {
    wasm.raw('ti_set_handle_capacity_ext', capacity);
    const made: number[] = [];
    for (let i = preset; i < capacity; i++) made.push(await create());
    const before = wasm.shim.liveObjects();
    const failure = await create().then(
      (h) => new Error(`created ${h} beyond the limit`),
      (e: unknown) => e,
    );
    expect(failure, type).toBeInstanceOf(TaichiError);
    expect((failure as TaichiError).code).toBe('OUT_OF_MEMORY');
    expect((failure as TaichiError).message).toContain(`too many live ${type} objects`);
    expect(wasm.shim.liveObjects(), `${type}: shim objects after the refused creation`).toEqual(before);
    await destroy(made.pop()!);
    made.push(await create());
    return made;
  }

  test('TiMemory (allocated and imported): full table refused, nothing leaked, the live allocations intact', async () => {
    const info = c.struct(TiMemoryAllocateInfo, { size: 64n, host_write: 1, usage: 1 });
    const made = await exhaust('TiMemory', 8, async () => wasm.call('ti_allocate_memory', rt, info), async (h) => void wasm.call('ti_free_memory', rt, h));
    for (const [i, h] of made.entries()) {
      const p = wasm.call('ti_map_memory', rt, h);
      wasm.view().setUint32(p, i, true);
      wasm.call('ti_unmap_memory', rt, h);
    }
    // An import of an existing buffer meets the same full table.
    const exported = c.alloc(TiVulkanMemoryInteropInfo.size);
    wasm.call('ti_export_vulkan_memory', rt, made[0], exported);
    expect(() => wasm.call('ti_import_vulkan_memory', rt, exported)).toThrow(/too many live TiMemory/);
    for (const [i, h] of made.entries()) {
      const p = wasm.call('ti_map_memory', rt, h);
      expect(wasm.view().getUint32(p, true)).toBe(i);
      wasm.call('ti_unmap_memory', rt, h);
      wasm.call('ti_free_memory', rt, h);
    }
  });

  test('TiImage and TiSampler', async () => {
    const L = TiImageAllocateInfo;
    const info = c.alloc(L.size);
    const v = wasm.view();
    v.setUint32(info + L.offsets.dimension, TiImageDimension['2D'], true);
    for (const [k, x] of [4, 4, 1, 1].entries()) v.setUint32(info + L.offsets.extent + 4 * k, x, true);
    v.setUint32(info + L.offsets.mip_level_count, 1, true);
    v.setUint32(info + L.offsets.format, TiFormat.RGBA8, true);
    v.setUint32(info + L.offsets.usage, 3, true);
    const images = await exhaust('TiImage', 4, async () => wasm.call('ti_allocate_image', rt, info), async (h) => void wasm.call('ti_free_image', rt, h));
    for (const h of images) wasm.call('ti_free_image', rt, h);
    const sinfo = c.struct(TiSamplerCreateInfo, { mag_filter: 0, min_filter: 0, address_mode: 0, max_anisotropy: 1 });
    const samplers = await exhaust('TiSampler', 4, async () => wasm.call('ti_create_sampler', rt, sinfo), async (h) => void wasm.call('ti_destroy_sampler', rt, h));
    for (const h of samplers) wasm.call('ti_destroy_sampler', rt, h);
  });

  test('TiEvent (created and imported)', async () => {
    const events = await exhaust('TiEvent', 4, async () => wasm.call('ti_create_event', rt), async (h) => void wasm.call('ti_destroy_event', h));
    const exported = c.alloc(TiVulkanEventInteropInfo.size);
    wasm.call('ti_export_vulkan_event', rt, events[0], exported);
    expect(() => wasm.call('ti_import_vulkan_event', rt, exported)).toThrow(/too many live TiEvent/);
    for (const h of events) wasm.call('ti_destroy_event', h);
  });

  test('TiAotModule, TiKernel and TiComputeGraph: a load that would overflow any of them is refused whole', async () => {
    const one = fixtureBytes('fractal.kernel.tcm'); // one kernel
    const fill = fixtureBytes('android_fill_matmul.tcm'); // two kernels, no graph
    const modules = await exhaust('TiAotModule', 2, () => loadModule(wasm, c, rt, one), (h) => wasm.callAsync('ti_destroy_aot_module', h).then(() => undefined), 0);
    for (const h of modules) await wasm.callAsync('ti_destroy_aot_module', h);
    // Room for one module and one kernel: a two-kernel module fills the kernel table first.
    wasm.raw('ti_set_handle_capacity_ext', 1);
    let before = wasm.shim.liveObjects();
    await expect(loadModule(wasm, c, rt, fill)).rejects.toThrow(/too many live TiKernel objects/);
    expect(wasm.shim.liveObjects()).toEqual(before);
    // One kernel and two graphs: the graph table is the one that is full.
    before = wasm.shim.liveObjects();
    await expect(loadModule(wasm, c, rt, twoGraphModule())).rejects.toThrow(/too many live TiComputeGraph objects/);
    expect(wasm.shim.liveObjects()).toEqual(before);
    wasm.raw('ti_set_handle_capacity_ext', 2);
    const both = await loadModule(wasm, c, rt, twoGraphModule());
    expect(wasm.call('ti_get_aot_module_compute_graph', both, wasm.allocCString('fractal_again'))).not.toBe(0);
    await wasm.callAsync('ti_destroy_aot_module', both);
  });

  test('TiRuntime', async () => {
    const runtimes = await exhaust('TiRuntime', 3, () => wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0), (h) => wasm.callAsync('ti_destroy_runtime', h).then(() => undefined), 1);
    for (const h of runtimes) await wasm.callAsync('ti_destroy_runtime', h);
    // The first runtime was never disturbed.
    wasm.raw('ti_set_handle_capacity_ext', MAX_LIVE);
    const m = c.allocateMemory(rt, 4);
    expect(m).not.toBe(0);
    wasm.call('ti_free_memory', rt, m);
  });

  test('the capacity itself is range-checked', () => {
    for (const bad of [0, MAX_LIVE + 1]) {
      const r = c.check(() => wasm.raw('ti_set_handle_capacity_ext', bad));
      expect(r.code).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    }
  });
});
