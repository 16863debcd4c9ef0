// VkQueue submission: every VkSubmitInfo of one vkQueueSubmit is replayed into one
// GPUCommandEncoder and submitted once. Completion is tracked per submission and chained in
// submission order, so fences, vkQueueWaitIdle and host-visible read-backs all see the same
// timeline that WebGPU's in-order queue executes.

import { BufferUsage, MapMode } from './webgpu-flags.js';
import type { VulkanShim } from './vulkan.js';
import type { Queue } from './device.js';
import { VkResult } from './result.js';
import { VkFailure } from './validation.js';
import { readArray, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';
import { lookupCommandBuffer, encodeCommandBuffer, type CommandBuffer } from './command-buffer.js';
import { uploadCoherentHostWrites, type DeviceMemory } from './memory.js';
import { lookupFence, type Fence } from './fence.js';
import { EncodeContext } from './encode.js';
import { lookupSemaphore } from './semaphore.js';

export interface Submission {
  done: Promise<void>;
}

export function lookupQueue(vk: VulkanShim, handle: number, entryPoint: string): Queue {
  const q = vk.queues.lookup(handle);
  if (!q) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkQueue ${handle}`);
  q.device.checkAlive(entryPoint);
  return q;
}

interface Readback {
  memory: DeviceMemory;
  staging: GPUBuffer;
}

export function vkQueueSubmit(vk: VulkanShim, queueHandle: number, submitCount: number, pSubmits: number, fenceHandle: unknown): VkResult {
  const queue = lookupQueue(vk, queueHandle, 'vkQueueSubmit');
  const device = queue.device;
  const commandBuffers: CommandBuffer[] = [];
  for (const s of readArray(vk.heap, pSubmits, submitCount, S.VkSubmitInfo, 'pSubmits')) {
    if (s.u32('sType') !== VkStructureType.SUBMIT_INFO) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkSubmitInfo has the wrong sType');
    // The queue executes in order, so waiting on a semaphore signalled earlier on it is implicit.
    const waits = s.u32('waitSemaphoreCount');
    for (let i = 0; i < waits; i++) lookupSemaphore(vk, vk.heap.u64(s.ptr('pWaitSemaphores') + 8 * i), 'vkQueueSubmit');
    const signals = s.u32('signalSemaphoreCount');
    for (let i = 0; i < signals; i++) lookupSemaphore(vk, vk.heap.u64(s.ptr('pSignalSemaphores') + 8 * i), 'vkQueueSubmit');
    const count = s.u32('commandBufferCount');
    const list = s.ptr('pCommandBuffers');
    for (let i = 0; i < count; i++) {
      const cb = lookupCommandBuffer(vk, vk.heap.u32(list + 4 * i), 'vkQueueSubmit');
      if (cb.device !== device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkQueueSubmit: command buffer of another device');
      if (cb.state !== 'executable' && cb.state !== 'pending') {
        throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkQueueSubmit: command buffer is ${cb.state}, not executable`);
      }
      commandBuffers.push(cb);
    }
  }
  let fence: Fence | undefined;
  if (handleArg(fenceHandle) !== 0) {
    fence = lookupFence(vk, fenceHandle, 'vkQueueSubmit');
    if (fence.signaled || fence.pending) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkQueueSubmit: fence is already signalled or in use');
  }

  uploadCoherentHostWrites(vk, device);
  const ctx = new EncodeContext(device);
  ctx.prepareUploads(commandBuffers.flatMap((cb) => cb.commands));
  for (const cb of commandBuffers) encodeCommandBuffer(cb, ctx);
  ctx.endPass();
  const readbacks: Readback[] = [];
  for (const memory of ctx.written) {
    if (!memory.hostVisible) continue;
    const staging = device.gpu.createBuffer({ size: memory.paddedSize, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST, label: 'host-visible read-back' });
    ctx.encoder.copyBufferToBuffer(memory.gpu(), 0, staging, 0, memory.paddedSize);
    readbacks.push({ memory, staging });
  }
  device.gpu.queue.submit([ctx.finish()]);

  for (const cb of commandBuffers) {
    cb.state = 'pending';
    cb.pendingCount++;
  }
  const previous = queue.idle;
  const submission: Submission = { done: previous };
  queue.inFlight.add(submission);
  const gpuDone = readbacks.length > 0 ? Promise.all(readbacks.map((r) => r.staging.mapAsync(MapMode.READ))) : device.gpu.queue.onSubmittedWorkDone();
  // A lost device may never finish the work; its `lost` promise ends the wait instead of hanging.
  const finished = Promise.race([gpuDone.then(() => true), device.gpu.lost.then(() => false)]).catch(() => false);
  submission.done = (async () => {
    const ok = await finished;
    await previous;
    for (const r of readbacks) {
      if (ok && r.memory.shadow !== 0) r.memory.mergeDeviceWrites(vk, new Uint32Array(r.staging.getMappedRange()));
      r.staging.destroy();
    }
    for (const t of ctx.temporaries) t.destroy();
    for (const cb of commandBuffers) {
      cb.pendingCount--;
      if (cb.pendingCount === 0 && cb.state === 'pending') cb.state = cb.oneTimeSubmit ? 'invalid' : 'executable';
    }
    queue.inFlight.delete(submission);
  })();
  const done = submission.done;
  queue.idle = done;
  if (fence) {
    const f = fence;
    f.pending = done.then(() => {
      f.signaled = true;
      f.pending = undefined;
    });
  }
  return VkResult.SUCCESS;
}

/** Waits until every submission so far has completed (suspending wasm when allowed). */
export function waitQueueIdle(vk: VulkanShim, queue: Queue, entryPoint: string): VkResult | Promise<VkResult> {
  if (queue.inFlight.size === 0) return queue.device.lostReason === undefined ? VkResult.SUCCESS : VkResult.ERROR_DEVICE_LOST;
  if (vk.suspendable === 0) {
    vk.validation.report(entryPoint, 'cannot wait outside an async (Asyncify) call; answering VK_TIMEOUT');
    return VkResult.TIMEOUT;
  }
  return queue.idle.then(() => (queue.device.lostReason === undefined ? VkResult.SUCCESS : VkResult.ERROR_DEVICE_LOST));
}

export function vkQueueWaitIdle(vk: VulkanShim, queueHandle: number): VkResult | Promise<VkResult> {
  const queue = lookupQueue(vk, queueHandle, 'vkQueueWaitIdle');
  return waitQueueIdle(vk, queue, 'vkQueueWaitIdle');
}
