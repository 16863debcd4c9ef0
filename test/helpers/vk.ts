// A VulkanShim driven from TypeScript the way the C runtime drives it: structs written into a
// heap, entry points called by name from shim.entryPoints, 64-bit handles passed as BigInt (as
// wasm passes them). Each method is one or two Vulkan calls, so tests read like C.

import { VulkanShim, type GpuSource } from '../../shim/src/vulkan.js';
import * as S from '../../shim/src/abi/vk-structs.js';
import { VkStructureType, VkResult, VkCommandPoolCreateFlagBits, VkCommandBufferLevel, VkBufferUsageFlagBits } from '../../shim/src/abi/vk-enums.js';
import { TestHeap } from './heap.js';
import { writeStruct, readU64, type FieldValue } from './structs.js';
import type { StructLayout } from '../../shim/src/abi/layout.js';

/** VK_WHOLE_SIZE as wasm passes a uint64 of all ones (a signed BigInt). */
export const WHOLE_SIZE = -1n;

export const MemoryType = { DEVICE_LOCAL: 0, HOST_COHERENT: 1, HOST_CACHED: 2 } as const;

export class VkHarness {
  readonly heap = new TestHeap();
  readonly shim: VulkanShim;
  instance = 0;
  physicalDevice = 0;
  device = 0;
  queue = 0;
  commandPool = 0n;

  constructor(source: GpuSource) {
    this.shim = new VulkanShim(this.heap, source);
  }

  /** Calls an entry point; a returned promise is what a suspending call hands to Asyncify. */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.shim.entryPoints[name];
    if (!fn) throw new Error(`${name} is not implemented by the shim`);
    return fn(...args);
  }

  /** Calls an entry point that may wait, with suspension allowed, and awaits its result. */
  async callWaiting(name: string, ...args: unknown[]): Promise<number> {
    return (await this.shim.suspending(async () => this.call(name, ...args))) as number;
  }

  alloc(size: number): number {
    const ptr = this.heap.malloc(size);
    if (!ptr) throw new Error('the test heap is full');
    return ptr;
  }

  struct(layout: StructLayout, values: Record<string, FieldValue>): number {
    const ptr = this.alloc(layout.size);
    writeStruct(this.heap.view, ptr, layout, values);
    return ptr;
  }

  u32(ptr: number): number {
    return this.heap.view.getUint32(ptr, true);
  }

  u64(ptr: number): bigint {
    return readU64(this.heap.view, ptr);
  }

  expectSuccess(name: string, result: unknown): void {
    if (result !== VkResult.SUCCESS) {
      const last = this.shim.validation.last;
      throw new Error(`${name} returned ${String(result)}${last ? ` (${last.entryPoint}: ${last.message})` : ''}`);
    }
  }

  /** Instance, physical device, device, queue and a resettable command pool. */
  async open(): Promise<void> {
    const createInfo = this.struct(S.VkInstanceCreateInfo, { sType: VkStructureType.INSTANCE_CREATE_INFO });
    const pInstance = this.alloc(4);
    this.expectSuccess('vkCreateInstance', this.call('vkCreateInstance', createInfo, 0, pInstance));
    this.instance = this.u32(pInstance);

    const pCount = this.alloc(4);
    const pDevices = this.alloc(4);
    this.heap.view.setUint32(pCount, 1, true);
    this.expectSuccess('vkEnumeratePhysicalDevices', this.call('vkEnumeratePhysicalDevices', this.instance, pCount, pDevices));
    this.physicalDevice = this.u32(pDevices);

    const priority = this.alloc(4);
    this.heap.view.setFloat32(priority, 1, true);
    const queueInfo = this.struct(S.VkDeviceQueueCreateInfo, { sType: VkStructureType.DEVICE_QUEUE_CREATE_INFO, queueFamilyIndex: 0, queueCount: 1, pQueuePriorities: priority });
    const deviceInfo = this.struct(S.VkDeviceCreateInfo, { sType: VkStructureType.DEVICE_CREATE_INFO, queueCreateInfoCount: 1, pQueueCreateInfos: queueInfo });
    const pDevice = this.alloc(4);
    this.expectSuccess('vkCreateDevice', await this.callWaiting('vkCreateDevice', this.physicalDevice, deviceInfo, 0, pDevice));
    this.device = this.u32(pDevice);

    const pQueue = this.alloc(4);
    this.call('vkGetDeviceQueue', this.device, 0, 0, pQueue);
    this.queue = this.u32(pQueue);

    const poolInfo = this.struct(S.VkCommandPoolCreateInfo, {
      sType: VkStructureType.COMMAND_POOL_CREATE_INFO,
      flags: VkCommandPoolCreateFlagBits.RESET_COMMAND_BUFFER_BIT,
      queueFamilyIndex: 0,
    });
    const pPool = this.alloc(8);
    this.expectSuccess('vkCreateCommandPool', this.call('vkCreateCommandPool', this.device, poolInfo, 0, pPool));
    this.commandPool = this.u64(pPool);
  }

  /** Destroys what open() made; the owned GPUDevice goes with the VkDevice. */
  close(): void {
    if (this.device) {
      this.call('vkDestroyCommandPool', this.device, this.commandPool, 0);
      this.call('vkDestroyDevice', this.device, 0);
      this.device = 0;
    }
    if (this.instance) {
      this.call('vkDestroyInstance', this.instance, 0);
      this.instance = 0;
    }
  }

  allocateMemory(size: number, typeIndex: number): bigint {
    const info = this.struct(S.VkMemoryAllocateInfo, { sType: VkStructureType.MEMORY_ALLOCATE_INFO, allocationSize: size, memoryTypeIndex: typeIndex });
    const pMemory = this.alloc(8);
    this.expectSuccess('vkAllocateMemory', this.call('vkAllocateMemory', this.device, info, 0, pMemory));
    return this.u64(pMemory);
  }

  createBuffer(size: number): bigint {
    const usage = VkBufferUsageFlagBits.TRANSFER_SRC_BIT | VkBufferUsageFlagBits.TRANSFER_DST_BIT | VkBufferUsageFlagBits.STORAGE_BUFFER_BIT;
    const info = this.struct(S.VkBufferCreateInfo, { sType: VkStructureType.BUFFER_CREATE_INFO, size, usage });
    const pBuffer = this.alloc(8);
    this.expectSuccess('vkCreateBuffer', this.call('vkCreateBuffer', this.device, info, 0, pBuffer));
    return this.u64(pBuffer);
  }

  bindBuffer(buffer: bigint, memory: bigint, offset: number): void {
    this.expectSuccess('vkBindBufferMemory', this.call('vkBindBufferMemory', this.device, buffer, memory, BigInt(offset)));
  }

  /** A buffer of `size` bytes bound at `offset` of `memory`. */
  bufferIn(memory: bigint, size: number, offset = 0): bigint {
    const buffer = this.createBuffer(size);
    this.bindBuffer(buffer, memory, offset);
    return buffer;
  }

  /** Maps the whole memory and returns the host address. */
  map(memory: bigint): number {
    const ppData = this.alloc(4);
    this.expectSuccess('vkMapMemory', this.call('vkMapMemory', this.device, memory, 0n, WHOLE_SIZE, 0, ppData));
    return this.u32(ppData);
  }

  unmap(memory: bigint): void {
    this.call('vkUnmapMemory', this.device, memory);
  }

  /** A primary command buffer in the recording state. */
  begin(): number {
    const info = this.struct(S.VkCommandBufferAllocateInfo, {
      sType: VkStructureType.COMMAND_BUFFER_ALLOCATE_INFO,
      commandPool: this.commandPool,
      level: VkCommandBufferLevel.PRIMARY,
      commandBufferCount: 1,
    });
    const pCb = this.alloc(4);
    this.expectSuccess('vkAllocateCommandBuffers', this.call('vkAllocateCommandBuffers', this.device, info, pCb));
    const cb = this.u32(pCb);
    const beginInfo = this.struct(S.VkCommandBufferBeginInfo, { sType: VkStructureType.COMMAND_BUFFER_BEGIN_INFO });
    this.expectSuccess('vkBeginCommandBuffer', this.call('vkBeginCommandBuffer', cb, beginInfo));
    return cb;
  }

  fill(cb: number, buffer: bigint, offset: number, size: number | bigint, data: number): void {
    this.call('vkCmdFillBuffer', cb, buffer, BigInt(offset), BigInt(size), data);
  }

  update(cb: number, buffer: bigint, offset: number, words: Uint32Array): void {
    const ptr = this.alloc(words.byteLength);
    this.heap.words(ptr, words.length).set(words);
    this.call('vkCmdUpdateBuffer', cb, buffer, BigInt(offset), BigInt(words.byteLength), ptr);
  }

  copy(cb: number, src: bigint, dst: bigint, srcOffset: number, dstOffset: number, size: number): void {
    const region = this.struct(S.VkBufferCopy, { srcOffset, dstOffset, size });
    this.call('vkCmdCopyBuffer', cb, src, dst, 1, region);
  }

  createFence(): bigint {
    const info = this.struct(S.VkFenceCreateInfo, { sType: VkStructureType.FENCE_CREATE_INFO });
    const pFence = this.alloc(8);
    this.expectSuccess('vkCreateFence', this.call('vkCreateFence', this.device, info, 0, pFence));
    return this.u64(pFence);
  }

  /** Ends `cb` and submits it with `fence`. */
  submit(cb: number, fence: bigint): void {
    this.expectSuccess('vkEndCommandBuffer', this.call('vkEndCommandBuffer', cb));
    const pCb = this.alloc(4);
    this.heap.view.setUint32(pCb, cb, true);
    const submit = this.struct(S.VkSubmitInfo, { sType: VkStructureType.SUBMIT_INFO, commandBufferCount: 1, pCommandBuffers: pCb });
    this.expectSuccess('vkQueueSubmit', this.call('vkQueueSubmit', this.queue, 1, submit, fence));
  }

  async waitFence(fence: bigint): Promise<void> {
    const pFence = this.alloc(8);
    this.heap.view.setBigUint64(pFence, fence, true);
    this.expectSuccess('vkWaitForFences', await this.callWaiting('vkWaitForFences', this.device, 1, pFence, 1, WHOLE_SIZE));
  }

  /** Records with `record`, submits with a fresh fence, waits for it, destroys the fence. */
  async run(record: (cb: number) => void): Promise<void> {
    const cb = this.begin();
    record(cb);
    const fence = this.createFence();
    this.submit(cb, fence);
    await this.waitFence(fence);
    this.call('vkDestroyFence', this.device, fence, 0);
  }

  flush(memory: bigint): void {
    const range = this.struct(S.VkMappedMemoryRange, { sType: VkStructureType.MAPPED_MEMORY_RANGE, memory, offset: 0, size: WHOLE_SIZE });
    this.expectSuccess('vkFlushMappedMemoryRanges', this.call('vkFlushMappedMemoryRanges', this.device, 1, range));
  }
}
