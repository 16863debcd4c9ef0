// The shim: its state (entry/state.ts) and the table of vk* entry points that the emscripten
// library calls. Each object family's entry points live in entry/ and take the state first;
// this file binds them into the table and keeps any exception from crossing into wasm.

import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { ShimState } from './entry/state.js';
import { SUSPENDING_ENTRY_POINTS } from './entry/suspending.js';
import * as instance from './entry/instance.js';
import * as physicalDevice from './entry/physical-device.js';
import * as device from './entry/device.js';
import * as memory from './entry/memory.js';
import * as buffer from './entry/buffer.js';
import * as commandPool from './entry/command-pool.js';
import * as commandBuffer from './entry/command-buffer.js';
import * as queue from './entry/queue.js';
import * as fence from './entry/fence.js';
import * as semaphore from './entry/semaphore.js';
import * as event from './entry/event.js';
import * as shaderModule from './entry/shader-module.js';
import * as image from './entry/image.js';
import * as imageCommands from './entry/image-commands.js';
import * as sampler from './entry/sampler.js';
import * as descriptor from './entry/descriptor.js';
import * as pipeline from './entry/pipeline.js';
import * as debugUtils from './entry/debug-utils.js';

export type { GpuSource } from './objects/physical-device.js';

type EntryPoint = (...args: never[]) => unknown;
const families: Record<string, unknown>[] = [
  instance,
  physicalDevice,
  device,
  memory,
  buffer,
  commandPool,
  commandBuffer,
  queue,
  fence,
  semaphore,
  event,
  shaderModule,
  image,
  imageCommands,
  sampler,
  descriptor,
  pipeline,
  debugUtils,
];

export class VulkanShim extends ShimState {
  /** Entry points by name, bound to this shim; what the emscripten library calls. */
  readonly entryPoints: Record<string, (...args: unknown[]) => unknown> = {};

  constructor(...args: ConstructorParameters<typeof ShimState>) {
    super(...args);
    for (const family of families) {
      for (const [name, fn] of Object.entries(family)) {
        if (name.startsWith('vk') && typeof fn === 'function') {
          this.entryPoints[name] = this.guard(name, fn as EntryPoint, SUSPENDING_ENTRY_POINTS.includes(name));
        }
      }
    }
    for (const name of SUSPENDING_ENTRY_POINTS) {
      if (!this.entryPoints[name]) throw new Error(`${name} is listed as suspending but not implemented`);
    }
  }

  /**
   * Runs `call` (a C API call made with ccall's async mode) with the entry points allowed to
   * suspend wasm: without it, a waiting entry point answers at once instead of returning a
   * promise for Asyncify.
   */
  async suspending<T>(call: () => Promise<T>): Promise<T> {
    this.suspendDepth++;
    try {
      return await call();
    } finally {
      this.suspendDepth--;
    }
  }

  /** Runs `call` with suspension forbidden, as a call made while another is suspended must be. */
  notSuspending<T>(call: () => T): T {
    const depth = this.suspendDepth;
    this.suspendDepth = 0;
    try {
      return call();
    } finally {
      this.suspendDepth = depth;
    }
  }

  /** Live objects of every type, for leak checks. */
  liveObjects(): Record<string, number> {
    return this.handles.liveObjects();
  }

  totalLiveObjects(): number {
    return Object.values(this.liveObjects()).reduce((a, b) => a + b, 0);
  }

  /**
   * What the emscripten library calls for a vk* function the shim does not implement: it reports
   * the call and answers VK_ERROR_FEATURE_NOT_PRESENT (ignored by void commands), or `result`.
   */
  unimplemented(name: string, result: number | bigint = VkResult.ERROR_FEATURE_NOT_PRESENT): () => number | bigint {
    return () => {
      this.validation.report(name, 'not implemented by the taichi-wasm shim', 'warning');
      return result;
    };
  }

  /**
   * Runs an entry point so that nothing escapes into wasm: a VkFailure becomes its VkResult, any
   * other exception becomes VK_ERROR_UNKNOWN, both reported to the validation log (a suspending
   * entry point's promise settles the same way). The wrapper has the entry point's own arity, so
   * a call allocates no argument arrays.
   */
  private guard(name: string, fn: EntryPoint, suspends: boolean): (...args: unknown[]) => unknown {
    // A refused vkCmd* returns nothing its caller could check: its command buffer keeps the
    // first such failure and vkEndCommandBuffer reports it (entry/command-buffer.ts).
    const recording = name.startsWith('vkCmd');
    const fail = (e: unknown, commandBuffer?: unknown): number => {
      const message = e instanceof VkFailure ? e.message : `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      this.validation.report(name, message);
      if (recording) {
        const cb = this.handles.commandBuffers.lookup(commandBuffer as number);
        if (cb && cb.state === 'recording') cb.refused ??= message.startsWith(name) ? message : `${name}: ${message}`;
      }
      return e instanceof VkFailure ? e.result : VkResult.ERROR_UNKNOWN;
    };
    const f = fn as (...a: unknown[]) => unknown;
    const settle = suspends ? (result: unknown): unknown => (result instanceof Promise ? result.catch(fail) : result) : (result: unknown): unknown => result;
    const vk = this;
    switch (fn.length - 1) {
      case 1:
        return (a) => { try { return settle(f(vk, a)); } catch (e) { return fail(e, a); } };
      case 2:
        return (a, b) => { try { return settle(f(vk, a, b)); } catch (e) { return fail(e, a); } };
      case 3:
        return (a, b, c) => { try { return settle(f(vk, a, b, c)); } catch (e) { return fail(e, a); } };
      case 4:
        return (a, b, c, d) => { try { return settle(f(vk, a, b, c, d)); } catch (e) { return fail(e, a); } };
      case 5:
        return (a, b, c, d, e5) => { try { return settle(f(vk, a, b, c, d, e5)); } catch (e) { return fail(e, a); } };
      // The per-launch commands take more: vkCmdBindDescriptorSets 8, vkCmdPipelineBarrier 10.
      case 6:
        return (a, b, c, d, e5, f6) => { try { return settle(f(vk, a, b, c, d, e5, f6)); } catch (e) { return fail(e, a); } };
      case 7:
        return (a, b, c, d, e5, f6, g) => { try { return settle(f(vk, a, b, c, d, e5, f6, g)); } catch (e) { return fail(e, a); } };
      case 8:
        return (a, b, c, d, e5, f6, g, h) => { try { return settle(f(vk, a, b, c, d, e5, f6, g, h)); } catch (e) { return fail(e, a); } };
      case 9:
        return (a, b, c, d, e5, f6, g, h, i) => { try { return settle(f(vk, a, b, c, d, e5, f6, g, h, i)); } catch (e) { return fail(e, a); } };
      case 10:
        return (a, b, c, d, e5, f6, g, h, i, j) => { try { return settle(f(vk, a, b, c, d, e5, f6, g, h, i, j)); } catch (e) { return fail(e, a); } };
      default:
        return (...args: unknown[]) => { try { return settle(f(vk, ...args)); } catch (e) { return fail(e, args[0]); } };
    }
  }
}
