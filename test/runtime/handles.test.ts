// Stale, foreign and garbage handles: every C API function that takes a handle, given NULL, a
// freed handle, a handle of another type, one of another runtime and random integers, answers
// ARGUMENT_NULL / INVALID_ARGUMENT / INVALID_STATE with a message; double frees are reported.
// Every vk* entry point of the shim, given garbage handles and pointers, returns without
// throwing past its guard.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TaichiWasm } from '../../src/wasm.js';
import { TaichiError } from '../../src/errors.js';
import { TiArch } from '../../src/abi/taichi-enums.js';
import { TiMemoryAllocateInfo, TiMemorySlice } from '../../src/abi/taichi-structs.js';
import { instantiate, CApi } from '../helpers/taichi.js';
import { adapter } from '../helpers/gpu.js';
import { VkHarness } from '../helpers/vk.js';
import { fixtureBytes } from '../helpers/fixtures.js';
import { Rng } from '../helpers/random.js';

type Kind = 'runtime' | 'memory' | 'module' | 'kernel' | 'graph' | 'event' | 'image' | 'sampler';
/** A parameter: a handle of some kind, a scratch pointer, a number, or a memory slice whose handle is tested. */
type Param = Kind | 'ptr' | 'zero' | 'slice';

const FUNCTIONS: [string, Param[]][] = [
  ['ti_set_runtime_capabilities_ext', ['runtime', 'zero', 'ptr']],
  ['ti_get_runtime_capabilities', ['runtime', 'ptr', 'zero']],
  ['ti_allocate_memory', ['runtime', 'ptr']],
  ['ti_free_memory', ['runtime', 'memory']],
  ['ti_map_memory', ['runtime', 'memory']],
  ['ti_unmap_memory', ['runtime', 'memory']],
  ['ti_allocate_image', ['runtime', 'ptr']],
  ['ti_free_image', ['runtime', 'image']],
  ['ti_create_sampler', ['runtime', 'ptr']],
  ['ti_destroy_sampler', ['runtime', 'sampler']],
  ['ti_create_event', ['runtime']],
  ['ti_destroy_event', ['event']],
  ['ti_copy_memory_device_to_device', ['runtime', 'slice', 'slice']],
  ['ti_track_image_ext', ['runtime', 'image', 'zero']],
  ['ti_transition_image', ['runtime', 'image', 'zero']],
  ['ti_launch_kernel', ['runtime', 'kernel', 'zero', 'zero']],
  ['ti_launch_compute_graph', ['runtime', 'graph', 'zero', 'zero']],
  ['ti_signal_event', ['runtime', 'event']],
  ['ti_reset_event', ['runtime', 'event']],
  ['ti_wait_event', ['runtime', 'event']],
  ['ti_flush', ['runtime']],
  ['ti_wait', ['runtime']],
  ['ti_load_aot_module', ['runtime', 'ptr']],
  ['ti_destroy_aot_module', ['module']],
  ['ti_get_aot_module_kernel', ['module', 'ptr']],
  ['ti_get_aot_module_compute_graph', ['module', 'ptr']],
  ['ti_describe_aot_module_ext', ['module', 'zero', 'zero']],
  ['ti_export_vulkan_runtime', ['runtime', 'ptr']],
  ['ti_import_vulkan_memory', ['runtime', 'ptr']],
  ['ti_export_vulkan_memory', ['runtime', 'memory', 'ptr']],
  ['ti_export_vulkan_image', ['runtime', 'image', 'ptr']],
  ['ti_import_vulkan_event', ['runtime', 'ptr']],
  ['ti_export_vulkan_event', ['runtime', 'event', 'ptr']],
  ['ti_destroy_runtime', ['runtime']],
];

const ACCEPTED = ['ARGUMENT_NULL', 'INVALID_ARGUMENT', 'INVALID_STATE'];

describe('C API handles', () => {
  let wasm: TaichiWasm;
  let c: CApi;
  const live = {} as Record<Kind, number>;
  const other = {} as Record<Kind, number>;
  const freed = {} as Record<Kind, number>;

  async function runtime(): Promise<number> {
    return wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
  }
  async function objects(rt: number, into: Record<Kind, number>): Promise<void> {
    into.runtime = rt;
    const info = c.struct(TiMemoryAllocateInfo, { size: 256n, host_write: 1, usage: 1 });
    into.memory = wasm.call('ti_allocate_memory', rt, info);
    into.event = wasm.call('ti_create_event', rt);
    const bytes = fixtureBytes('fractal.cgraph.tcm');
    const p = c.alloc(bytes.length);
    wasm.heap.set(bytes, p);
    into.module = await wasm.callAsync('ti_create_aot_module', rt, p, BigInt(bytes.length));
    into.kernel = wasm.call('ti_get_aot_module_kernel', into.module, wasm.allocCString('fractal_c76_0'));
    into.graph = wasm.call('ti_get_aot_module_compute_graph', into.module, wasm.allocCString('fractal'));
  }

  beforeAll(async () => {
    wasm = await instantiate();
    c = new CApi(wasm);
    await objects(await runtime(), live);
    await objects(await runtime(), other);
    // Freed handles of every kind, from a third runtime torn down object by object.
    await objects(await runtime(), freed);
    wasm.call('ti_free_memory', freed.runtime, freed.memory);
    wasm.call('ti_destroy_event', freed.event);
    await wasm.callAsync('ti_destroy_aot_module', freed.module);
    await wasm.callAsync('ti_destroy_runtime', freed.runtime);
    // No images or samplers are needed to have stale ones: any dead index of their tag will do.
    for (const into of [live, other, freed]) {
      into.image = (3 << 28) | (1 << 16) | 1;
      into.sampler = (4 << 28) | (1 << 16) | 1;
    }
  });
  afterAll(() => c?.release());

  test('NULL, freed, wrong-type, other-runtime and random handles are refused with a message, never trapped on', async () => {
    const rng = new Rng(0x4a11d1e);
    const scratch = c.alloc(4096);
    const bad: string[] = [];
    const kinds: Kind[] = ['runtime', 'memory', 'module', 'kernel', 'graph', 'event', 'image', 'sampler'];
    for (const [name, params] of FUNCTIONS) {
      for (let p = 0; p < params.length; p++) {
        const kind = params[p];
        if (kind === 'ptr' || kind === 'zero') continue;
        const target: Kind = kind === 'slice' ? 'memory' : kind;
        const values: [string, number][] = [
          ['NULL', 0],
          ['freed', freed[target]],
          ...kinds.filter((k) => k !== target).map((k): [string, number] => [`a ${k}`, live[k]]),
          ...Array.from({ length: 4 }, (): [string, number] => ['random', rng.u32() | 0]),
        ];
        // A handle from another runtime only means something next to a live runtime argument.
        if (target !== 'runtime' && params[0] === 'runtime') values.push(['of another runtime', other[target]]);
        for (const [what, value] of values) {
          const args = params.map((q, i) => {
            if (q === 'ptr') return scratch;
            if (q === 'zero') return 0;
            const h = i === p ? value : live[q === 'slice' ? 'memory' : q];
            if (q !== 'slice') return h;
            return c.slice(h, 0, 64);
          });
          wasm.heap.fill(0, scratch, scratch + 4096);
          const label = `${name} with ${what} ${params[p]} (${value >>> 0})`;
          try {
            const result = await wasm.callAsync(name, ...args.map((a, i) => (name === 'ti_describe_aot_module_ext' && i === 2 ? BigInt(a) : a)));
            if (name !== 'ti_destroy_runtime' || what !== 'freed') bad.push(`${label}: succeeded (${result})`);
          } catch (e) {
            if (!(e instanceof TaichiError)) bad.push(`${label}: threw ${String(e)}`);
            else if (!ACCEPTED.includes(e.code) || e.detail === '') bad.push(`${label}: ${e.message}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
    // The live runtime is untouched.
    expect(wasm.call('ti_map_memory', live.runtime, live.memory)).toBeGreaterThan(0);
    wasm.call('ti_unmap_memory', live.runtime, live.memory);
  });

  test('double frees and double destroys are reported, not fatal', async () => {
    const rt = await runtime();
    const info = c.struct(TiMemoryAllocateInfo, { size: 64n, usage: 1 });
    const mem = wasm.call('ti_allocate_memory', rt, info);
    wasm.call('ti_free_memory', rt, mem);
    const ev = wasm.call('ti_create_event', rt);
    wasm.call('ti_destroy_event', ev);
    for (const [name, args] of [
      ['ti_free_memory', [rt, mem]],
      ['ti_destroy_event', [ev]],
    ] as const) {
      const e = await wasm.callAsync(name, ...args).then(() => undefined, (x: unknown) => x);
      expect(e, name).toBeInstanceOf(TaichiError);
      expect((e as TaichiError).code).toBe('INVALID_ARGUMENT');
    }
    await wasm.callAsync('ti_destroy_runtime', rt);
    const again = await wasm.callAsync('ti_destroy_runtime', rt).then(() => undefined, (x: unknown) => x);
    expect(again).toBeInstanceOf(TaichiError);
    expect((again as TaichiError).code).toBe('INVALID_ARGUMENT');
    // A copy between slices naming freed memory, after all that, still answers.
    const slice = c.struct(TiMemorySlice, { memory: mem, offset: 0n, size: 4n });
    await expect(wasm.callAsync('ti_copy_memory_device_to_device', live.runtime, slice, slice)).rejects.toBeInstanceOf(TaichiError);
  });
});

describe('shim entry points', () => {
  let vk: VkHarness;
  beforeAll(async () => {
    vk = new VkHarness(await adapter());
    await vk.open();
  });

  test('every vk* entry point, given garbage handles and pointers, returns without throwing past its guard', async () => {
    const rng = new Rng(0x5a1);
    const heapEnd = vk.heap.memory.buffer.byteLength;
    // From wasm, pointers and 32-bit values arrive as numbers, 64-bit handles as BigInt: rounds of
    // numbers only must not even hit the guard's internal-error path; mixed rounds only must not throw.
    const pick = (numeric: boolean): unknown => {
      const r = rng.int(8);
      if (numeric && (r === 3 || r === 5)) return rng.u32();
      if (r === 0) return 0;
      if (r === 1) return heapEnd - 2;
      if (r === 2) return 0x7ffffff0;
      if (r === 3) return BigInt(rng.u32()) * 65536n + BigInt(rng.int(65536));
      if (r === 4) return -1;
      if (r === 5) return BigInt(rng.u32());
      if (r === 6) return rng.u32();
      return vk.device;
    };
    const names = Object.keys(vk.shim.entryPoints);
    expect(names.length).toBeGreaterThan(50);
    const escaped: string[] = [];
    const internal: string[] = [];
    for (const name of names) {
      for (let round = 0; round < 24; round++) {
        const numeric = round < 12;
        const args = Array.from({ length: 9 }, round === 0 ? () => 0 : round === 1 ? () => heapEnd + 64 : () => pick(numeric));
        const before = vk.shim.validation.count;
        try {
          const result = await vk.call(name, ...args);
          if (result !== undefined && typeof result !== 'number') escaped.push(`${name}: returned ${typeof result}`);
        } catch (e) {
          escaped.push(`${name}(${args.map(String).join(', ')}): ${String(e)}`);
        }
        const fresh = Math.min(64, vk.shim.validation.count - before);
        for (const m of fresh > 0 ? vk.shim.validation.messages().slice(-fresh) : []) {
          if (numeric && m.message.startsWith('internal error')) internal.push(`${name}: ${m.message.split('\n')[0]}`);
        }
      }
    }
    expect(escaped).toEqual([]);
    expect([...new Set(internal)]).toEqual([]);
    // The device still works.
    expect(vk.device).toBeGreaterThan(0);
  });
});
