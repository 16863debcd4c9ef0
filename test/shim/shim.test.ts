// The Vulkan shim on its own, with no wasm runtime: vk* entry points called from TypeScript with
// structs in a heap the test owns, results checked on Dawn against a CPU model of the same
// commands.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import * as S from '../../shim/src/abi/vk-structs.js';
import { VkMemoryPropertyFlagBits as M, VkResult } from '../../shim/src/abi/vk-enums.js';
import { adapter } from '../helpers/gpu.js';
import { VkHarness, MemoryType, WHOLE_SIZE } from '../helpers/vk.js';

let vk: VkHarness;

beforeAll(async () => {
  vk = new VkHarness(await adapter());
  await vk.open();
});

afterAll(() => {
  vk?.close();
});

/** A deterministic word pattern that differs per `seed`. */
function pattern(words: number, seed: number): Uint32Array {
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = (Math.imul(i + 1, 0x9e3779b1) ^ seed) >>> 0;
  return out;
}

function firstDifference(actual: Uint32Array, expected: Uint32Array): string | undefined {
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) return `word ${i}: got 0x${actual[i].toString(16)}, expected 0x${expected[i].toString(16)}`;
  }
  return undefined;
}

describe('instance and physical device', () => {
  it('enumerates physical devices with the two-call idiom, answering VK_INCOMPLETE when the array is short', () => {
    const pCount = vk.alloc(4);
    expect(vk.call('vkEnumeratePhysicalDevices', vk.instance, pCount, 0)).toBe(VkResult.SUCCESS);
    expect(vk.u32(pCount)).toBe(1);

    const pDevices = vk.alloc(8);
    vk.heap.view.setUint32(pDevices, 0xcccccccc, true);
    vk.heap.view.setUint32(pCount, 0, true);
    expect(vk.call('vkEnumeratePhysicalDevices', vk.instance, pCount, pDevices)).toBe(VkResult.INCOMPLETE);
    expect(vk.u32(pCount)).toBe(0);
    expect(vk.u32(pDevices)).toBe(0xcccccccc);

    vk.heap.view.setUint32(pCount, 2, true);
    expect(vk.call('vkEnumeratePhysicalDevices', vk.instance, pCount, pDevices)).toBe(VkResult.SUCCESS);
    expect(vk.u32(pCount)).toBe(1);
    expect(vk.u32(pDevices)).toBe(vk.physicalDevice);
  });

  it('reports the three memory types: device-local, host-visible|coherent, host-visible|cached', () => {
    const L = S.VkPhysicalDeviceMemoryProperties;
    const p = vk.alloc(L.size);
    vk.call('vkGetPhysicalDeviceMemoryProperties', vk.physicalDevice, p);
    expect(vk.u32(p + L.offsets.memoryTypeCount)).toBe(3);
    const flags = [0, 1, 2].map((i) => vk.u32(p + L.offsets.memoryTypes + i * S.VkMemoryType.size + S.VkMemoryType.offsets.propertyFlags));
    expect(flags[MemoryType.DEVICE_LOCAL]).toBe(M.DEVICE_LOCAL_BIT);
    expect(flags[MemoryType.HOST_COHERENT]).toBe(M.HOST_VISIBLE_BIT | M.HOST_COHERENT_BIT);
    expect(flags[MemoryType.HOST_CACHED]).toBe(M.HOST_VISIBLE_BIT | M.HOST_CACHED_BIT);
    const heapCount = vk.u32(p + L.offsets.memoryHeapCount);
    expect(heapCount).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      const heapIndex = vk.u32(p + L.offsets.memoryTypes + i * S.VkMemoryType.size + S.VkMemoryType.offsets.heapIndex);
      expect(heapIndex).toBeLessThan(heapCount);
    }
  });
});

describe('command-buffer replay', () => {
  it('replays fill, update and copies (across memories and within one memory) in order, like the CPU model', async () => {
    const A_SIZE = 4096;
    const B_SIZE = 2048;
    // A: two buffers bound to one host-visible coherent memory; D: device-local; B: cached.
    const memA = vk.allocateMemory(A_SIZE, MemoryType.HOST_COHERENT);
    const memD = vk.allocateMemory(1024, MemoryType.DEVICE_LOCAL);
    const memB = vk.allocateMemory(B_SIZE, MemoryType.HOST_CACHED);
    const a1 = vk.bufferIn(memA, 1024, 0);
    const a2 = vk.bufferIn(memA, 1024, 1024);
    const d = vk.bufferIn(memD, 1024);
    const b = vk.bufferIn(memB, B_SIZE);

    // The CPU model: one word array per memory, buffers as byte offsets into it.
    const model = { A: new Uint32Array(A_SIZE / 4), D: new Uint32Array(256), B: new Uint32Array(B_SIZE / 4) };
    const fill = (mem: Uint32Array, byteOffset: number, size: number, value: number) => mem.fill(value >>> 0, byteOffset / 4, (byteOffset + size) / 4);
    const copy = (src: Uint32Array, srcOff: number, dst: Uint32Array, dstOff: number, size: number) => dst.set(src.slice(srcOff / 4, (srcOff + size) / 4), dstOff / 4);
    const payload = pattern(16, 0x5a5a);

    await vk.run((cb) => {
      vk.fill(cb, a1, 0, WHOLE_SIZE, 0xdeadbeef);
      fill(model.A, 0, 1024, 0xdeadbeef);
      vk.fill(cb, a1, 256, 128, 0);
      fill(model.A, 256, 128, 0);
      vk.update(cb, a1, 512, payload);
      model.A.set(payload, 512 / 4);
      vk.copy(cb, a1, d, 0, 0, 1024);
      copy(model.A, 0, model.D, 0, 1024);
      vk.fill(cb, a2, 0, 1024, 0x01020304);
      fill(model.A, 1024, 1024, 0x01020304);
      // Two buffers of one memory: WebGPU cannot copy within one GPUBuffer directly.
      vk.copy(cb, a1, a2, 0, 256, 512);
      copy(model.A, 0, model.A, 1024 + 256, 512);
      vk.copy(cb, d, b, 128, 0, 256);
      copy(model.D, 128, model.B, 0, 256);
      vk.copy(cb, a2, b, 0, 1024, 1024);
      copy(model.A, 1024, model.B, 1024, 1024);
      vk.fill(cb, b, 512, 16, 7);
      fill(model.B, 512, 16, 7);
      vk.update(cb, b, 768, payload.subarray(0, 4));
      model.B.set(payload.subarray(0, 4), 768 / 4);
    });
    expect(vk.shim.validation.count, JSON.stringify(vk.shim.validation.last)).toBe(0);

    const pA = vk.map(memA);
    expect(firstDifference(vk.heap.words(pA, A_SIZE / 4), model.A)).toBeUndefined();
    vk.unmap(memA);
    const pB = vk.map(memB);
    expect(firstDifference(vk.heap.words(pB, B_SIZE / 4), model.B)).toBeUndefined();
    vk.unmap(memB);

    for (const buffer of [a1, a2, d, b]) vk.call('vkDestroyBuffer', vk.device, buffer, 0);
    for (const memory of [memA, memD, memB]) vk.call('vkFreeMemory', vk.device, memory, 0);
  });
});

describe('mapping coherence', () => {
  it('uploads host writes to coherent memory at submit', async () => {
    const memH = vk.allocateMemory(1024, MemoryType.HOST_COHERENT);
    const memR = vk.allocateMemory(1024, MemoryType.HOST_CACHED);
    const h = vk.bufferIn(memH, 1024);
    const r = vk.bufferIn(memR, 1024);
    const data = pattern(256, 1);
    const pH = vk.map(memH);
    vk.heap.words(pH, 256).set(data);
    await vk.run((cb) => vk.copy(cb, h, r, 0, 0, 1024));
    const pR = vk.map(memR);
    expect(firstDifference(vk.heap.words(pR, 256), data)).toBeUndefined();
    vk.unmap(memR);
    vk.unmap(memH);
    for (const buffer of [h, r]) vk.call('vkDestroyBuffer', vk.device, buffer, 0);
    for (const memory of [memH, memR]) vk.call('vkFreeMemory', vk.device, memory, 0);
  });

  it('shows device writes to the host only once the fence signals, keeping disjoint host writes made meanwhile', async () => {
    const mem = vk.allocateMemory(1024, MemoryType.HOST_COHERENT);
    const buffer = vk.bufferIn(mem, 1024);
    const before = pattern(256, 2);
    const p = vk.map(mem);
    const host = () => vk.heap.words(p, 256);
    host().set(before);

    const cb = vk.begin();
    vk.fill(cb, buffer, 0, 512, 0x55555555);
    const fence = vk.createFence();
    vk.submit(cb, fence);

    // Nothing has run the event loop since the submit, so the GPU's result cannot be back yet.
    expect(vk.call('vkGetFenceStatus', vk.device, fence)).toBe(VkResult.NOT_READY);
    expect(firstDifference(host(), before)).toBeUndefined();
    const hostWrites = pattern(8, 3);
    host().set(hostWrites, 200);

    await vk.waitFence(fence);
    expect(vk.call('vkGetFenceStatus', vk.device, fence)).toBe(VkResult.SUCCESS);
    const expected = before.slice();
    expected.fill(0x55555555, 0, 128);
    expected.set(hostWrites, 200);
    expect(firstDifference(host(), expected)).toBeUndefined();

    vk.unmap(mem);
    vk.call('vkDestroyFence', vk.device, fence, 0);
    vk.call('vkDestroyBuffer', vk.device, buffer, 0);
    vk.call('vkFreeMemory', vk.device, mem, 0);
  });

  it('uploads non-coherent (HOST_CACHED) memory only on vkFlushMappedMemoryRanges', async () => {
    const memC = vk.allocateMemory(1024, MemoryType.HOST_CACHED);
    const memR = vk.allocateMemory(1024, MemoryType.HOST_CACHED);
    const c = vk.bufferIn(memC, 1024);
    const r = vk.bufferIn(memR, 1024);
    const data = pattern(256, 4);
    const pC = vk.map(memC);
    vk.heap.words(pC, 256).set(data);

    await vk.run((cb) => vk.copy(cb, c, r, 0, 0, 1024));
    const pR = vk.map(memR);
    expect(firstDifference(vk.heap.words(pR, 256), new Uint32Array(256))).toBeUndefined();

    vk.flush(memC);
    await vk.run((cb) => vk.copy(cb, c, r, 0, 0, 1024));
    expect(firstDifference(vk.heap.words(pR, 256), data)).toBeUndefined();

    vk.unmap(memR);
    vk.unmap(memC);
    for (const buffer of [c, r]) vk.call('vkDestroyBuffer', vk.device, buffer, 0);
    for (const memory of [memC, memR]) vk.call('vkFreeMemory', vk.device, memory, 0);
  });
});

describe('bad handles', () => {
  it('reports a destroyed buffer used again with VK_ERROR results and validation messages, never an exception', () => {
    const mem = vk.allocateMemory(1024, MemoryType.HOST_COHERENT);
    const buffer = vk.bufferIn(mem, 1024);
    vk.call('vkDestroyBuffer', vk.device, buffer, 0);

    const seen = vk.shim.validation.count;
    const cb = vk.begin();
    expect(() => vk.fill(cb, buffer, 0, 64, 1)).not.toThrow();
    expect(vk.shim.validation.count).toBe(seen + 1);
    expect(vk.shim.validation.last?.message).toMatch(/invalid VkBuffer/);
    expect(vk.call('vkBindBufferMemory', vk.device, buffer, mem, 0n)).toBeLessThan(0);
    expect(() => vk.call('vkDestroyBuffer', vk.device, buffer, 0)).not.toThrow();
    expect(vk.shim.validation.count).toBe(seen + 3);
    // The refused fill is what ending the command buffer reports (issue 21, item 6).
    expect(vk.call('vkEndCommandBuffer', cb)).toBe(VkResult.ERROR_VALIDATION_FAILED_EXT);
    expect(vk.shim.validation.last?.message).toMatch(/vkCmdFillBuffer: .*invalid VkBuffer/);

    vk.call('vkFreeMemory', vk.device, mem, 0);
  });

  it('rejects a handle of the wrong type (a memory passed as a buffer)', () => {
    const mem = vk.allocateMemory(1024, MemoryType.HOST_COHERENT);
    const seen = vk.shim.validation.count;
    expect(vk.call('vkBindBufferMemory', vk.device, mem, mem, 0n)).toBeLessThan(0);
    expect(vk.shim.validation.last?.message).toMatch(/invalid VkBuffer/);
    const pReq = vk.alloc(S.VkMemoryRequirements.size);
    expect(() => vk.call('vkGetBufferMemoryRequirements', vk.device, mem, pReq)).not.toThrow();
    expect(() => vk.call('vkDestroyBuffer', vk.device, mem, 0)).not.toThrow();
    expect(vk.shim.validation.count).toBe(seen + 3);
    // The memory survived being mistaken for a buffer.
    expect(vk.map(mem)).toBeGreaterThan(0);
    vk.unmap(mem);
    vk.call('vkFreeMemory', vk.device, mem, 0);
  });
});
