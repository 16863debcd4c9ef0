// VkQueue submission. One vkQueueSubmit becomes a job: its command buffers' commands, replayed
// into one GPUCommandEncoder and submitted once. A job stops early only at a vkCmdWaitEvents on
// an event that only the host can still set (objects/event.ts): what came before is submitted,
// the rest waits in the backlog, with every later job behind it, until vkSetEvent drains the
// queue.
// Completion is chained in submission order, so fences, vkQueueWaitIdle and host-visible
// read-backs all see the timeline WebGPU's in-order queue executes.

import { MapMode } from '../webgpu/flags.js';
import type { Heap } from '../abi/heap.js';
import { VkFailure, type ValidationLog } from '../validation.js';
import type { Device } from '../objects/device.js';
import type { DeviceMemory } from '../objects/memory.js';
import type { Fence } from '../objects/fence.js';
import type { VkEvent } from '../objects/event.js';
import type { CommandBuffer } from './command-buffer.js';
import type { Command } from './command.js';
import { EncodeContext } from './encode.js';

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
  /** A command buffer of the job waits on events: only then can the job stop early. */
  waitsOnEvents: boolean;
  finished: () => void;
  done: Promise<void>;
}

/** Where a queue's submissions read and report: the wasm heap, the validation log, the memories. */
export interface QueueHost {
  heap: Heap;
  validation: ValidationLog;
  /** Every live VkDeviceMemory (of any device): host writes to coherent ones reach the GPU at submit. */
  memories(): Iterable<DeviceMemory>;
}

export class Queue {
  /** Settles when every submission so far has completed and its host-visible results landed. */
  idle: Promise<void> = Promise.resolve();
  /** Settles when every part handed to WebGPU so far has completed (parts complete in order). */
  completed: Promise<void> = Promise.resolve();
  /** Parts handed to WebGPU so far, and how many of them have completed, in order. */
  partsSubmitted = 0;
  partsCompleted = 0;
  readonly inFlight = new Set<Submission>();
  /** Jobs not yet fully handed to WebGPU; the first may be waiting for a host-set event. */
  readonly backlog: Job[] = [];
  constructor(
    readonly device: Device,
    readonly host: QueueHost,
  ) {}
}

interface Readback {
  memory: DeviceMemory;
  staging: GPUBuffer;
}

/** Queues the commands of `commandBuffers` (checked executable) as one job, signalling `fence` when done. */
export function submit(queue: Queue, commandBuffers: CommandBuffer[], fence: Fence | undefined): void {
  let waitsOnEvents = false;
  for (const cb of commandBuffers) {
    cb.state = 'pending';
    cb.pendingCount++;
    waitsOnEvents ||= cb.waitsOnEvents;
  }
  // One command buffer (a runtime's submission) runs from its own list, which nothing changes
  // while it is pending, and starts from no bound state as every part's encoder does.
  const commands: Command[] = commandBuffers.length === 1 ? commandBuffers[0].commands : [];
  if (commandBuffers.length > 1) {
    for (const cb of commandBuffers) {
      // A loop, not push(...commands): a large submission would overflow the call's argument limit.
      commands.push({ kind: 'beginCommandBuffer' });
      for (const c of cb.commands) commands.push(c);
    }
  }
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const job: Job = { rejected: undefined, commands, cursor: 0, commandBuffers, fence, waitingOn: undefined, waitsOnEvents, finished, done };
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
  drainQueue(queue);
}

/** Submits backlog jobs in order until one waits for an event the host has not set. */
export function drainQueue(queue: Queue): void {
  while (queue.backlog.length > 0) {
    const job = queue.backlog[0];
    if (!job.waitsOnEvents) {
      submitPart(queue, job, job.commands.length, true);
      queue.backlog.shift();
      continue;
    }
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
    if (end > job.cursor || !blocked) submitPart(queue, job, end, !blocked);
    job.cursor = end;
    job.waitingOn = blocked;
    if (blocked) return;
    queue.backlog.shift();
  }
}

/** Encodes and submits job.commands[job.cursor, end); the last part completes the job. */
function submitPart(queue: Queue, job: Job, end: number, last: boolean): void {
  const device = queue.device;
  const { heap, validation: log } = queue.host;
  uploadCoherentHostWrites(queue);
  // WebGPU reports an invalid command buffer only as an error (or not at all): catch it, so the
  // fence can say the work did not run instead of signalling success. Where WebGPU raises errors
  // during the call (Dawn in Node and Deno), the device's uncapturederror event names them
  // without an error scope per submission (objects/device.ts); where they arrive later (a
  // browser), each submission opens a scope.
  const scoped = device.errorsArriveLate;
  if (scoped) device.gpu.pushErrorScope('validation');
  const ctx = new EncodeContext(device);
  const readbacks: Readback[] = [];
  // A command that cannot be encoded (a dispatch with no descriptor set bound) fails this part
  // like a WebGPU rejection: nothing of it runs, its fence says why, and the command buffers and
  // the queue move on instead of staying pending behind it.
  let refused: string | undefined;
  const raised = device.watchErrors(() => {
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
    device.submitted();
    }
  });
  const validation = scoped ? device.gpu.popErrorScope() : undefined;
  if (ctx.refused !== undefined) {
    job.rejected ??= ctx.refused;
    log.report('vkQueueSubmit', ctx.refused);
  }

  const previous = queue.completed;
  const part = ++queue.partsSubmitted;
  // The read-backs' maps complete after the work; without them, the queue says when it is done.
  const gpuDone =
    readbacks.length === 1
      ? readbacks[0].staging.mapAsync(MapMode.READ)
      : readbacks.length > 0
        ? Promise.all(readbacks.map((r) => r.staging.mapAsync(MapMode.READ)))
        : device.gpu.queue.onSubmittedWorkDone();
  // A lost device may never finish the work: its loss ends the wait instead of hanging.
  const finished = device.untilDoneOrLost(gpuDone);
  queue.completed = (async () => {
    const ok = await finished;
    const error = validation ? await validation.catch(() => null) : raised === undefined ? null : { message: raised };
    if (refused !== undefined) {
      job.rejected ??= refused;
      log.report('vkQueueSubmit', `the submission did not run: ${refused}`);
    } else if (error) {
      job.rejected ??= error.message;
      log.report('vkQueueSubmit', `WebGPU rejected the submission: ${error.message}`);
    }
    // Parts complete in order; the one before has usually finished already.
    if (queue.partsCompleted < part - 1) await previous;
    for (const r of readbacks) {
      if (ok && r.memory.shadow !== 0) r.memory.mergeDeviceWrites(heap, new Uint32Array(r.staging.getMappedRange()));
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
    queue.partsCompleted = part;
  })();
}

/** Host writes to coherent memory reach the device at submit. */
function uploadCoherentHostWrites(queue: Queue): void {
  for (const m of queue.host.memories()) {
    if (m.device !== queue.device || !m.hostTouched || !m.coherent) continue;
    m.uploadHostWrites(queue.host.heap);
    if (!m.mapped) m.hostTouched = false;
  }
}

/** True when a job of this queue is held back on an event only the host can set. */
export function blockedOnHost(queue: Queue): boolean {
  return queue.backlog.length > 0;
}
