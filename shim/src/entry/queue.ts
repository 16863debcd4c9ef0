// vkQueueSubmit (its arguments checked here, its job run by commands/queue.ts) and the waits
// for a queue to go idle.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readArray, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import type { Fence } from '../objects/fence.js';
import type { CommandBuffer } from '../commands/command-buffer.js';
import { submit, blockedOnHost, type Queue } from '../commands/queue.js';

export function vkQueueSubmit(vk: ShimState, queueHandle: number, submitCount: number, pSubmits: number, fenceHandle: unknown): VkResult {
  const queue = vk.handles.queues.get(queueHandle, 'vkQueueSubmit');
  const device = queue.device;
  const commandBuffers: CommandBuffer[] = [];
  for (const s of readArray(vk.heap, pSubmits, submitCount, S.VkSubmitInfo, 'pSubmits')) {
    if (s.u32('sType') !== VkStructureType.SUBMIT_INFO) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkSubmitInfo has the wrong sType');
    // The queue executes in order, so waiting on a semaphore signalled earlier on it is implicit.
    const waits = s.u32('waitSemaphoreCount');
    for (let i = 0; i < waits; i++) vk.handles.semaphores.get(vk.heap.u64(s.ptr('pWaitSemaphores') + 8 * i), 'vkQueueSubmit');
    const signals = s.u32('signalSemaphoreCount');
    for (let i = 0; i < signals; i++) vk.handles.semaphores.get(vk.heap.u64(s.ptr('pSignalSemaphores') + 8 * i), 'vkQueueSubmit');
    const count = s.u32('commandBufferCount');
    const list = s.ptr('pCommandBuffers');
    for (let i = 0; i < count; i++) {
      const cb = vk.handles.commandBuffers.get(vk.heap.u32(list + 4 * i), 'vkQueueSubmit');
      if (cb.device !== device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkQueueSubmit: command buffer of another device');
      if (cb.state !== 'executable' && cb.state !== 'pending') {
        throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkQueueSubmit: command buffer is ${cb.state}, not executable`);
      }
      commandBuffers.push(cb);
    }
  }
  let fence: Fence | undefined;
  if (handleArg(fenceHandle) !== 0) {
    fence = vk.handles.fences.get(fenceHandle, 'vkQueueSubmit');
    if (fence.signaled || fence.pending) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkQueueSubmit: fence is already signalled or in use');
  }
  submit(queue, commandBuffers, fence);
  return VkResult.SUCCESS;
}

/** Waits until every submission so far has completed (suspending wasm when allowed). */
export function waitQueueIdle(vk: ShimState, queue: Queue, entryPoint: string): VkResult | Promise<VkResult> {
  if (queue.inFlight.size === 0) return queue.device.lostReason === undefined ? VkResult.SUCCESS : VkResult.ERROR_DEVICE_LOST;
  if (blockedOnHost(queue)) {
    // Wasm is suspended while it waits, so nothing could call vkSetEvent: waiting would never end.
    vk.validation.report(entryPoint, 'a submission waits for an event that only the host can set; waiting for the queue would never end');
    return VkResult.TIMEOUT;
  }
  if (!vk.canSuspend) {
    vk.validation.report(entryPoint, 'cannot wait outside an async (Asyncify) call; answering VK_TIMEOUT');
    return VkResult.TIMEOUT;
  }
  return queue.idle.then(() => (queue.device.lostReason === undefined ? VkResult.SUCCESS : VkResult.ERROR_DEVICE_LOST));
}

/**
 * How a status query (vkGetFenceStatus, vkGetEventStatus) answers "not yet". WebGPU reports that
 * work completed through the event loop, which never runs while wasm spins in a loop of such
 * queries; so where wasm can suspend, the query first lets the event loop run, until `work`
 * completes or for one macrotask, whichever comes first, then answers what it sees. A synchronous
 * caller (nothing up the stack could resume wasm) gets the answer at once.
 */
export function answerAfterYield(vk: ShimState, work: Promise<unknown> | undefined, answer: () => VkResult): VkResult | Promise<VkResult> {
  if (!vk.canSuspend) return answer();
  const macrotask = new Promise<void>((resolve) => setTimeout(resolve, 0));
  return Promise.race(work ? [work, macrotask] : [macrotask]).then(answer, answer);
}

export function vkQueueWaitIdle(vk: ShimState, queueHandle: number): VkResult | Promise<VkResult> {
  const queue = vk.handles.queues.get(queueHandle, 'vkQueueWaitIdle');
  return waitQueueIdle(vk, queue, 'vkQueueWaitIdle');
}
