// The reference implementation's behaviour and interface tests, ported to the wasm runtime and
// called through the C API (TaichiWasm.raw), for the functions this issue implements. Device
// results are checked against bytes the test wrote.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { TaichiWasm } from '../../src/wasm.js';
import { TiArch, TiCapability, TiError } from '../../src/abi/taichi-enums.js';
import { TiCapabilityLevelInfo } from '../../src/abi/taichi-structs.js';
import { CApi, instantiate } from '../helpers/taichi.js';

const MAX_ENUM = 0xffffffff;

let wasm: TaichiWasm;
let c: CApi;
let runtime = 0;

beforeAll(async () => {
  wasm = await instantiate();
  c = new CApi(wasm);
  runtime = await wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
});

afterAll(async () => {
  c?.release();
  if (runtime) await wasm.callAsync('ti_destroy_runtime', runtime);
});

afterEach(() => c.release());

function capabilities(): { capability: number; level: number }[] {
  const pCount = c.alloc(4);
  wasm.raw('ti_get_runtime_capabilities', runtime, pCount, 0);
  const count = c.u32(pCount);
  const L = TiCapabilityLevelInfo;
  const list = c.alloc(count * L.size);
  wasm.raw('ti_get_runtime_capabilities', runtime, pCount, list);
  return Array.from({ length: c.u32(pCount) }, (_, i) => ({
    capability: c.u32(list + i * L.size + L.offsets.capability),
    level: c.u32(list + i * L.size + L.offsets.level),
  }));
}

function setCapabilities(list: { capability: number; level: number }[]): void {
  const L = TiCapabilityLevelInfo;
  const ptr = c.alloc(list.length * L.size);
  list.forEach((e, i) => {
    c.setU32(ptr + i * L.size + L.offsets.capability, e.capability);
    c.setU32(ptr + i * L.size + L.offsets.level, e.level);
  });
  wasm.raw('ti_set_runtime_capabilities_ext', runtime, list.length, ptr);
}

describe('version and archs', () => {
  it('ti_get_version is 1.7.0 (1007000)', () => {
    const version = wasm.raw('ti_get_version') >>> 0;
    expect(version).toBe(1007000);
    expect(Math.floor(version / 1_000_000)).toBe(1);
  });

  it('ti_get_available_archs: null count is a no-op, a null array counts, a short array is truncated', () => {
    expect(c.check(() => wasm.raw('ti_get_available_archs', 0, 0)).code).toBe(TiError.SUCCESS);

    const pCount = c.alloc(4);
    wasm.raw('ti_get_available_archs', pCount, 0);
    expect(c.u32(pCount)).toBe(1);

    const archs = c.alloc(16);
    for (let i = 0; i < 4; i++) c.setU32(archs + 4 * i, 0xabababab);
    c.setU32(pCount, 0);
    wasm.raw('ti_get_available_archs', pCount, archs);
    expect(c.u32(pCount)).toBe(1);
    expect(c.u32(archs)).toBe(0xabababab);

    c.setU32(pCount, 4);
    wasm.raw('ti_get_available_archs', pCount, archs);
    expect(c.u32(pCount)).toBe(1);
    expect(c.u32(archs)).toBe(TiArch.VULKAN);
    expect(c.u32(archs + 4)).toBe(0xabababab);
  });
});

describe('runtime', () => {
  it('ti_create_runtime(MAX_ENUM) is NOT_SUPPORTED and returns NULL', () => {
    const r = c.check(() => wasm.raw('ti_create_runtime', MAX_ENUM, 0));
    expect(r.result).toBe(0);
    expect(r.code).toBe(TiError.NOT_SUPPORTED);
  });

  it('ti_destroy_runtime(NULL) is ARGUMENT_NULL "runtime"', () => {
    const r = c.check(() => wasm.raw('ti_destroy_runtime', 0));
    expect(r.code).toBe(TiError.ARGUMENT_NULL);
    expect(r.message).toBe('runtime');
  });
});

describe('capabilities', () => {
  it('ti_get_runtime_capabilities: (null, null) no-op, (&count, null) counts, (null, buf) leaves buf alone', () => {
    expect(c.check(() => wasm.raw('ti_get_runtime_capabilities', runtime, 0, 0)).code).toBe(TiError.SUCCESS);

    const pCount = c.alloc(4);
    wasm.raw('ti_get_runtime_capabilities', runtime, pCount, 0);
    expect(c.u32(pCount)).toBeGreaterThan(0);

    const buf = c.alloc(64);
    wasm.heap.fill(0xcd, buf, buf + 64);
    expect(c.check(() => wasm.raw('ti_get_runtime_capabilities', runtime, 0, buf)).code).toBe(TiError.SUCCESS);
    expect([...wasm.heap.subarray(buf, buf + 64)].every((b) => b === 0xcd)).toBe(true);
  });

  it('the full query has no RESERVED entry, no zero level, is sorted, and reports SPIR-V >= 1.3', () => {
    const caps = capabilities();
    expect(caps.length).toBeGreaterThan(0);
    for (const e of caps) {
      expect(e.capability).not.toBe(TiCapability.RESERVED);
      expect(e.level).not.toBe(0);
    }
    expect(caps.map((e) => e.capability)).toEqual([...caps.map((e) => e.capability)].sort((a, b) => a - b));
    const spirv = caps.find((e) => e.capability === TiCapability.SPIRV_VERSION);
    expect(spirv?.level).toBeGreaterThanOrEqual(0x10300);
  });

  it('ti_set_runtime_capabilities_ext replaces the whole set', () => {
    const saved = capabilities();
    try {
      setCapabilities([
        { capability: TiCapability.SPIRV_HAS_ATOMIC_FLOAT64_ADD, level: 1 },
        { capability: TiCapability.SPIRV_VERSION, level: 0x10300 },
      ]);
      expect(capabilities()).toEqual([
        { capability: TiCapability.SPIRV_VERSION, level: 0x10300 },
        { capability: TiCapability.SPIRV_HAS_ATOMIC_FLOAT64_ADD, level: 1 },
      ]);
      setCapabilities([{ capability: TiCapability.SPIRV_VERSION, level: 0x10400 }]);
      expect(capabilities()).toEqual([{ capability: TiCapability.SPIRV_VERSION, level: 0x10400 }]);
    } finally {
      setCapabilities(saved);
    }
  });
});

describe('memory', () => {
  it('ti_allocate_memory of 1e18 bytes is OUT_OF_MEMORY and NULL', () => {
    const r = c.check(() => c.allocateMemory(runtime, 10n ** 18n));
    expect(r.result).toBe(0);
    expect(r.code).toBe(TiError.OUT_OF_MEMORY);
  });

  it('ti_allocate_memory with a null runtime or info is ARGUMENT_NULL', () => {
    for (const rt of [0, runtime]) {
      for (const withInfo of [false, true]) {
        if (rt && withInfo) continue;
        const r = c.check(() => (withInfo ? c.allocateMemory(rt, 1024) : wasm.raw('ti_allocate_memory', rt, 0)));
        expect(r.result).toBe(0);
        expect(r.code).toBe(TiError.ARGUMENT_NULL);
      }
    }
  });

  it('ti_free_memory, ti_map_memory and ti_unmap_memory with null arguments are ARGUMENT_NULL', () => {
    const memory = c.allocateMemory(runtime, 1024, { write: true });
    expect(memory).not.toBe(0);
    for (const fn of ['ti_free_memory', 'ti_map_memory', 'ti_unmap_memory']) {
      for (const [rt, mem] of [
        [0, memory],
        [runtime, 0],
        [0, 0],
      ]) {
        const r = c.check(() => wasm.raw(fn, rt, mem));
        expect(r.code, `${fn}(${rt}, ${mem})`).toBe(TiError.ARGUMENT_NULL);
        if (fn === 'ti_map_memory') expect(r.result).toBe(0);
      }
    }
    wasm.raw('ti_free_memory', runtime, memory);
  });

  it('mapping device-only memory is INVALID_STATE', () => {
    const memory = c.allocateMemory(runtime, 1024);
    const r = c.check(() => wasm.raw('ti_map_memory', runtime, memory));
    expect(r.result).toBe(0);
    expect(r.code).toBe(TiError.INVALID_STATE);
    expect(r.message).toContain('Mapping Memory without VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT set');
    wasm.raw('ti_free_memory', runtime, memory);
  });

  it('ti_copy_memory_device_to_device copies src[128, +64) to dst[1024, +64) of two 2048-byte memories', async () => {
    const src = c.allocateMemory(runtime, 2048, { write: true });
    const dst = c.allocateMemory(runtime, 2048, { read: true });
    const data = new Uint8Array(2048).map((_, i) => (i * 7 + 3) & 0xff);
    const pSrc = wasm.raw('ti_map_memory', runtime, src);
    wasm.heap.set(data, pSrc);
    wasm.raw('ti_unmap_memory', runtime, src);

    const r = c.check(() => wasm.raw('ti_copy_memory_device_to_device', runtime, c.slice(dst, 1024, 64), c.slice(src, 128, 64)));
    expect(r.code, r.message).toBe(TiError.SUCCESS);
    await wasm.callAsync('ti_wait', runtime);

    const expected = new Uint8Array(2048);
    expected.set(data.subarray(128, 192), 1024);
    const pDst = wasm.raw('ti_map_memory', runtime, dst);
    expect([...wasm.heap.subarray(pDst, pDst + 2048)]).toEqual([...expected]);
    wasm.raw('ti_unmap_memory', runtime, dst);

    const unequal = c.check(() => wasm.raw('ti_copy_memory_device_to_device', runtime, c.slice(dst, 1024, 64), c.slice(src, 128, 256)));
    expect(unequal.code).toBe(TiError.INVALID_ARGUMENT);
    const nullRuntime = c.check(() => wasm.raw('ti_copy_memory_device_to_device', 0, c.slice(dst, 1024, 64), c.slice(src, 128, 64)));
    expect(nullRuntime.code).toBe(TiError.ARGUMENT_NULL);
    const nullMemory = c.check(() => wasm.raw('ti_copy_memory_device_to_device', runtime, c.slice(0, 1024, 64), c.slice(src, 128, 64)));
    expect(nullMemory.code).toBe(TiError.ARGUMENT_NULL);
    const nullSlice = c.check(() => wasm.raw('ti_copy_memory_device_to_device', runtime, 0, c.slice(src, 128, 64)));
    expect(nullSlice.code).toBe(TiError.ARGUMENT_NULL);

    wasm.raw('ti_free_memory', runtime, src);
    wasm.raw('ti_free_memory', runtime, dst);
  });

  it('rejects a memory of another runtime and a freed memory with INVALID_ARGUMENT; double free is reported, not fatal', async () => {
    const other = await wasm.callAsync('ti_create_runtime', TiArch.VULKAN, 0);
    try {
      const foreign = c.allocateMemory(other, 256, { write: true });
      expect(foreign).not.toBe(0);
      expect(c.check(() => wasm.raw('ti_map_memory', runtime, foreign)).code).toBe(TiError.INVALID_ARGUMENT);
      expect(c.check(() => wasm.raw('ti_free_memory', runtime, foreign)).code).toBe(TiError.INVALID_ARGUMENT);
      const local = c.allocateMemory(runtime, 256, { read: true });
      const copy = c.check(() => wasm.raw('ti_copy_memory_device_to_device', runtime, c.slice(local, 0, 64), c.slice(foreign, 0, 64)));
      expect(copy.code).toBe(TiError.INVALID_ARGUMENT);
      wasm.raw('ti_free_memory', runtime, local);
      // The foreign memory is still alive in its own runtime.
      expect(c.check(() => wasm.raw('ti_free_memory', other, foreign)).code).toBe(TiError.SUCCESS);
    } finally {
      await wasm.callAsync('ti_destroy_runtime', other);
    }

    const freed = c.allocateMemory(runtime, 256, { write: true });
    wasm.raw('ti_free_memory', runtime, freed);
    expect(c.check(() => wasm.raw('ti_map_memory', runtime, freed)).code).toBe(TiError.INVALID_ARGUMENT);
    expect(c.check(() => wasm.raw('ti_free_memory', runtime, freed)).code).toBe(TiError.INVALID_ARGUMENT);

    // The runtime still works: a round trip after the failures.
    const src = c.allocateMemory(runtime, 256, { write: true });
    const dst = c.allocateMemory(runtime, 256, { read: true });
    const pSrc = wasm.raw('ti_map_memory', runtime, src);
    for (let i = 0; i < 256; i++) wasm.heap[pSrc + i] = 255 - i;
    wasm.raw('ti_unmap_memory', runtime, src);
    wasm.call('ti_copy_memory_device_to_device', runtime, c.slice(dst, 0, 256), c.slice(src, 0, 256));
    await wasm.callAsync('ti_wait', runtime);
    const pDst = wasm.call('ti_map_memory', runtime, dst);
    expect([...wasm.heap.subarray(pDst, pDst + 256)]).toEqual(Array.from({ length: 256 }, (_, i) => 255 - i));
    wasm.call('ti_unmap_memory', runtime, dst);
    wasm.call('ti_free_memory', runtime, src);
    wasm.call('ti_free_memory', runtime, dst);
  });
});

describe('error slot', () => {
  it('is sticky: a successful call does not clear it', () => {
    const message = c.alloc(16);
    wasm.heap.set(new TextEncoder().encode('sticky'), message);
    wasm.raw('ti_set_last_error', BigInt(TiError.INVALID_ARGUMENT), message);
    const pCount = c.alloc(4);
    wasm.raw('ti_get_runtime_capabilities', runtime, pCount, 0);
    expect(c.u32(pCount)).toBeGreaterThan(0);
    expect(c.error()).toEqual({ code: TiError.INVALID_ARGUMENT, message: 'sticky' });
  });

  it('ti_set_last_error stores e < 0 with its message (null becomes ""), and e >= 0 clears', () => {
    const message = c.alloc(16);
    wasm.heap.set(new TextEncoder().encode('oops'), message);
    wasm.raw('ti_set_last_error', BigInt(TiError.CORRUPTED_DATA), message);
    expect(c.error()).toEqual({ code: TiError.CORRUPTED_DATA, message: 'oops' });

    wasm.raw('ti_set_last_error', BigInt(TiError.NAME_NOT_FOUND), 0);
    expect(c.error()).toEqual({ code: TiError.NAME_NOT_FOUND, message: '' });

    wasm.raw('ti_set_last_error', BigInt(TiError.INVALID_STATE), message);
    wasm.raw('ti_set_last_error', 5n, message);
    expect(c.error()).toEqual({ code: TiError.SUCCESS, message: '' });
    wasm.raw('ti_set_last_error', BigInt(TiError.INVALID_STATE), message);
    wasm.raw('ti_set_last_error', 0n, message);
    expect(c.error()).toEqual({ code: TiError.SUCCESS, message: '' });
  });

  it('ti_get_last_error: null size returns the code only; a small capacity truncates and NUL-terminates', () => {
    const text = 'a message of 27 characters';
    const message = c.alloc(64);
    wasm.heap.set(new TextEncoder().encode(text), message);
    wasm.raw('ti_set_last_error', BigInt(TiError.ARGUMENT_OUT_OF_RANGE), message);

    expect(wasm.raw('ti_get_last_error', 0, 0)).toBe(TiError.ARGUMENT_OUT_OF_RANGE);

    const pSize = c.alloc(8);
    const out = c.alloc(64);
    wasm.heap.fill(0xee, out, out + 64);
    wasm.view().setBigUint64(pSize, 8n, true);
    expect(wasm.raw('ti_get_last_error', pSize, out)).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    expect(wasm.view().getBigUint64(pSize, true)).toBe(BigInt(text.length + 1));
    expect(new TextDecoder().decode(wasm.heap.subarray(out, out + 7))).toBe(text.slice(0, 7));
    expect(wasm.heap[out + 7]).toBe(0);
    expect(wasm.heap[out + 8]).toBe(0xee);

    wasm.view().setBigUint64(pSize, 64n, true);
    wasm.raw('ti_get_last_error', pSize, out);
    expect(wasm.readCString(out, 64)).toBe(text);
    // Reading does not clear the slot.
    expect(wasm.raw('ti_get_last_error', 0, 0)).toBe(TiError.ARGUMENT_OUT_OF_RANGE);
    c.clearError();
  });
});
