// Memory through the TypeScript API: round trips checked against the bytes written, range and
// lifetime errors, and leak checks on the shim's live objects and the wasm heap.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Runtime, TaichiError } from '../../src/index.js';

let runtime: Runtime;

beforeAll(async () => {
  runtime = await Runtime.create();
});

afterAll(async () => {
  await runtime?.destroy();
});

function words(count: number, seed: number): Uint32Array {
  return new Uint32Array(count).map((_, i) => (Math.imul(i + seed, 0x85ebca6b) ^ (i >>> 3)) >>> 0);
}

function expectTaichiError(fn: () => unknown, code: TaichiError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(TaichiError);
  expect((caught as TaichiError).code).toBe(code);
}

describe('round trips', () => {
  it('host-writable memory, copied on the device into host-readable memory, reads back equal', async () => {
    const data = words(4096, 1);
    const upload = runtime.allocateMemory({ size: data.byteLength, hostWrite: true });
    const readback = runtime.allocateMemory({ size: data.byteLength, hostRead: true });
    upload.write(data);
    runtime.copy({ memory: readback }, { memory: upload });
    expect(await readback.read(Uint32Array)).toEqual(data);
    upload.free();
    readback.free();
  });

  it('a read of host-readable memory sees the calls made before it, none of those made while it waits', async () => {
    // Host-readable memory is read in place after the wait; a call made before the wait gives
    // it back (a copy here, a write of host-writable memory, a free) has the read copy first.
    const first = words(64, 3);
    const second = words(64, 4);
    const source = runtime.allocateMemory({ size: first.byteLength, hostWrite: true });
    const target = runtime.allocateMemory({ size: first.byteLength, hostRead: true, hostWrite: true });
    source.write(first);
    runtime.copy({ memory: target }, { memory: source });
    const alone = target.read(Uint32Array);
    expect(await alone).toEqual(first);

    source.write(second);
    const before = target.read(Uint32Array, { offset: 4, size: 64 });
    runtime.copy({ memory: target }, { memory: source });
    const after = target.read(Uint32Array);
    expect(await before).toEqual(first.subarray(1, 17));
    expect(await after).toEqual(second);

    // A host write and a free made while the read waits do not reach it either.
    const ragged = target.read(Uint8Array, { offset: 1, size: 6 });
    target.write(new Uint32Array([0, 0]));
    target.free();
    expect(await ragged).toEqual(new Uint8Array(second.buffer, 1, 6));
    source.free();
  });

  it('device-local memory is written and read through staging', async () => {
    const data = words(1024, 2);
    const memory = runtime.allocateMemory({ size: data.byteLength });
    memory.write(data);
    memory.write(data.subarray(0, 16).map((w) => ~w >>> 0), 256);
    const expected = data.slice();
    expected.set(data.subarray(0, 16).map((w) => ~w >>> 0), 64);
    expect(await memory.read(Uint32Array)).toEqual(expected);
    expect(await memory.read(Uint32Array, { offset: 256, size: 64 })).toEqual(expected.subarray(64, 80));
    memory.free();
  });
});

describe('errors', () => {
  it('range checks on write and read throw ARGUMENT_OUT_OF_RANGE', async () => {
    const memory = runtime.allocateMemory({ size: 256, hostWrite: true, hostRead: true });
    expectTaichiError(() => memory.write(new Uint8Array(257)), 'ARGUMENT_OUT_OF_RANGE');
    expectTaichiError(() => memory.write(new Uint8Array(4), 254), 'ARGUMENT_OUT_OF_RANGE');
    expectTaichiError(() => memory.write(new Uint8Array(4), -4), 'ARGUMENT_OUT_OF_RANGE');
    await expect(memory.read(Uint8Array, { offset: 200, size: 100 })).rejects.toMatchObject({ code: 'ARGUMENT_OUT_OF_RANGE' });
    await expect(memory.read(Uint8Array, { offset: 300 })).rejects.toMatchObject({ code: 'ARGUMENT_OUT_OF_RANGE' });
    memory.free();
  });

  it('use after free throws INVALID_STATE', async () => {
    const memory = runtime.allocateMemory({ size: 256, hostWrite: true });
    memory.free();
    expect(memory.isFreed).toBe(true);
    expectTaichiError(() => memory.write(new Uint8Array(4)), 'INVALID_STATE');
    expectTaichiError(() => memory.free(), 'INVALID_STATE');
    await expect(memory.read()).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('leaks', () => {
  // AddressSanitizer's quarantine (scripts/sanitize.sh) holds freed blocks on purpose: the heap grows.
  it.skipIf(process.env.TIW_SANITIZE !== undefined)('1000 allocate/free cycles leave no live shim objects and do not grow the heap', async () => {
    const cycle = (i: number) => {
      const memory = runtime.allocateMemory({ size: 64 * 1024, hostWrite: i % 2 === 0, hostRead: i % 3 === 0 });
      if (memory.hostWrite) memory.write(new Uint32Array([i]));
      memory.free();
    };
    // Warm up so command buffers, fences and allocator arenas exist before the baseline.
    for (let i = 0; i < 10; i++) cycle(i);
    await runtime.wait();
    const before = runtime.diagnostics();
    for (let i = 0; i < 1000; i++) cycle(i);
    await runtime.wait();
    const after = runtime.diagnostics();
    expect(after.vulkanObjects).toEqual(before.vulkanObjects);
    // A leaked 64 KiB host copy per cycle would add tens of MiB.
    expect(after.wasmHeapBytes - before.wasmHeapBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('runtime.destroy() leaves no live shim objects', async () => {
    const other = await Runtime.create();
    const a = other.allocateMemory({ size: 1024, hostWrite: true });
    const b = other.allocateMemory({ size: 1024, hostRead: true });
    other.allocateMemory({ size: 1024 });
    a.write(words(256, 3));
    other.copy({ memory: b }, { memory: a });
    expect(await b.read(Uint32Array)).toEqual(words(256, 3));
    expect(Object.keys(other.diagnostics().vulkanObjects).length).toBeGreaterThan(0);
    await other.destroy();
    expect(other.diagnostics().vulkanObjects).toEqual({});
  });
});
