// VkQueue submission. One vkQueueSubmit becomes a job: its command buffers' commands, replayed
// into one GPUCommandEncoder and submitted once. A job stops early only at a vkCmdWaitEvents on
// an event that only the host can still set (event.ts): what came before is submitted, the rest
// waits in the backlog, with every later job behind it, until vkSetEvent drains the queue.
// Completion is chained in submission order, so fences, vkQueueWaitIdle and host-visible
// read-backs all see the timeline WebGPU's in-order queue executes.

import { BufferUsage, MapMode } from './webgpu-flags.js';
import type { VulkanShim } from './vulkan.js';
import type { Queue } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readArray, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';
import { lookupCommandBuffer, type CommandBuffer } from './command-buffer.js';
import { uploadCoherentHostWrites, type DeviceMemory } from './memory.js';
import { lookupFence, type Fence } from './fence.js';
import { EncodeContext, type Command } from './encode.js';
import { lookupSemaphore } from './semaphore.js';
import type { VkEvent } from './event.js';

export interface Submission {
  done: Promise<void>;
}

/** The work of one vkQueueSubmit, possibly submitted to WebGPU in several parts. */
export interface Job {
  /** Set when WebGPU rejected a part of the job: its work did not run. */
  rejected: string | undefined;
  commands: Command[];
  cursor: number;
  commandBuffers: CommandBuffer[];
  fence: Fence | undefined;
  /** The events the job is held back on, while it is. */
  waitingOn: VkEvent[] | undefined;
  finished: () => void;
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

  const commands: Command[] = [];
  for (const cb of commandBuffers) {
    cb.state = 'pending';
    cb.pendingCount++;
    // A loop, not push(...commands): a large submission would overflow the call's argument limit.
    commands.push({ kind: 'beginCommandBuffer' });
    for (const c of cb.commands) commands.push(c);
  }
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const job: Job = { rejected: undefined, commands, cursor: 0, commandBuffers, fence, waitingOn: undefined, finished, done };
  const submission: Submission = { done };
  queue.inFlight.add(submission);
  queue.idle = done;
  done.then(() => queue.inFlight.delete(submission));
  if (fence) {
    const f = fence;
    f.pending = done.then(() => {
      f.rejected = job.rejected;
      f.signaled = true;
      f.pending = undefined;
    });
  }
  queue.backlog.push(job);
  drainQueue(vk, queue);
  return VkResult.SUCCESS;
}

/** Submits backlog jobs in order until one waits for an event the host has not set. */
export function drainQueue(vk: VulkanShim, queue: Queue): void {
  while (queue.backlog.length > 0) {
    const job = queue.backlog[0];
    // Find how far the job can run: events set earlier in it count as set.
    const expected = new Map<VkEvent, boolean>();
    let end = job.cursor;
    let blocked: VkEvent[] | undefined;
    for (; end < job.commands.length; end++) {
      const c = job.commands[end];
      if (c.kind === 'setEvent' || c.kind === 'resetEvent') expected.set(c.event, c.kind === 'setEvent');
      if (c.kind === 'waitEvents') {
        const unset = c.events.filter((e) => !(expected.get(e) ?? e.expected));
        if (unset.length > 0) {
          blocked = unset;
          break;
        }
      }
    }
    if (end > job.cursor || !blocked) submitPart(vk, queue, job, end, !blocked);
    job.cursor = end;
    job.waitingOn = blocked;
    if (blocked) return;
    queue.backlog.shift();
  }
}

/** Encodes and submits job.commands[job.cursor, end); the last part completes the job. */
function submitPart(vk: VulkanShim, queue: Queue, job: Job, end: number, last: boolean): void {
  const device = queue.device;
  uploadCoherentHostWrites(vk, device);
  // WebGPU reports an invalid command buffer only to an error scope (or not at all): catch it, so
  // the fence can say the work did not run instead of signalling success.
  device.gpu.pushErrorScope('validation');
  const ctx = new EncodeContext(device);
  const readbacks: Readback[] = [];
  // A command that cannot be encoded (a dispatch with no descriptor set bound) fails this part
  // like a WebGPU rejection: nothing of it runs, its fence says why, and the command buffers and
  // the queue move on instead of staying pending behind it.
  let refused: string | undefined;
  try {
    ctx.prepareUploads(job.commands, job.cursor, end);
    for (let i = job.cursor; i < end; i++) ctx.encode(job.commands[i]);
    ctx.endPass();
  } catch (e) {
    refused = e instanceof VkFailure ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (refused === undefined) {
    for (const memory of ctx.written) {
      if (!memory.hostVisible) continue;
      const staging = memory.takeReadback();
      ctx.encoder.copyBufferToBuffer(memory.gpu(), 0, staging, 0, memory.paddedSize);
      readbacks.push({ memory, staging });
    }
    device.gpu.queue.submit([ctx.finish()]);
  }
  const validation = device.gpu.popErrorScope();
  if (ctx.refused !== undefined) {
    job.rejected ??= ctx.refused;
    vk.validation.report('vkQueueSubmit', ctx.refused);
  }

  const previous = queue.completed;
  const gpuDone = readbacks.length > 0 ? Promise.all(readbacks.map((r) => r.staging.mapAsync(MapMode.READ))) : device.gpu.queue.onSubmittedWorkDone();
  // A lost device may never finish the work: its loss ends the wait instead of hanging.
  const finished = device.untilDoneOrLost(gpuDone);
  queue.completed = (async () => {
    const ok = await finished;
    const error = await validation.catch(() => null);
    if (refused !== undefined) {
      job.rejected ??= refused;
      vk.validation.report('vkQueueSubmit', `the submission did not run: ${refused}`);
    } else if (error) {
      job.rejected ??= error.message;
      vk.validation.report('vkQueueSubmit', `WebGPU rejected the submission: ${error.message}`);
    }
    await previous;
    for (const r of readbacks) {
      if (ok && r.memory.shadow !== 0) r.memory.mergeDeviceWrites(vk, new Uint32Array(r.staging.getMappedRange()));
      r.memory.returnReadback(r.staging);
    }
    for (const t of ctx.temporaries) t.destroy();
    for (const [event, set] of ctx.eventChanges) event.signaled = set;
    if (last) {
      for (const cb of job.commandBuffers) {
        cb.pendingCount--;
        if (cb.pendingCount === 0 && cb.state === 'pending') cb.state = cb.oneTimeSubmit ? 'invalid' : 'executable';
      }
      job.finished();
    }
  })();
}

/**
 * How a status query (vkGetFenceStatus, vkGetEventStatus) answers "not yet". WebGPU reports that
 * work completed through the event loop, which never runs while wasm spins in a loop of such
 * queries; so where wasm can suspend, the query first lets the event loop run, until `work`
 * completes or for one macrotask, whichever comes first, then answers what it sees. A synchronous
 * caller (nothing up the stack could resume wasm) gets the answer at once.
 */
export function answerAfterYield(vk: VulkanShim, work: Promise<unknown> | undefined, answer: () => VkResult): VkResult | Promise<VkResult> {
  if (vk.suspendable === 0) return answer();
  const macrotask = new Promise<void>((resolve) => setTimeout(resolve, 0));
  return Promise.race(work ? [work, macrotask] : [macrotask]).then(answer, answer);
}

/** True when a job of this queue is held back on an event only the host can set. */
export function blockedOnHost(queue: Queue): boolean {
  return queue.backlog.length > 0;
}

/** Waits until every submission so far has completed (suspending wasm when allowed). */
export function waitQueueIdle(vk: VulkanShim, queue: Queue, entryPoint: string): VkResult | Promise<VkResult> {
  if (queue.inFlight.size === 0) return queue.device.lostReason === undefined ? VkResult.SUCCESS : VkResult.ERROR_DEVICE_LOST;
  if (blockedOnHost(queue)) {
    // Wasm is suspended while it waits, so nothing could call vkSetEvent: waiting would never end.
    vk.validation.report(entryPoint, 'a submission waits for an event that only the host can set; waiting for the queue would never end');
    return VkResult.TIMEOUT;
  }
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
