// The shim's state and its table of vk* entry points. Each object family lives in its own file
// (instance.ts, memory.ts, command-buffer.ts, ...) and exports its vk* functions, which take this
// state first; this file binds them into the table that the emscripten library calls.

import { Heap, type HeapHost } from './heap.js';
import { HandleTable } from './handles.js';
import { VkObjectType } from './object-type.js';
import { VkResult } from './abi/vk-enums.js';
import { ValidationLog, VkFailure } from './validation.js';
import type { Instance } from './instance.js';
import type { PhysicalDevice } from './physical-device.js';
import type { Device, Queue } from './device.js';
import type { DeviceMemory } from './memory.js';
import type { Buffer } from './buffer.js';
import type { CommandPool } from './command-pool.js';
import type { CommandBuffer } from './command-buffer.js';
import type { Fence } from './fence.js';
import type { Semaphore } from './semaphore.js';
import type { VkEvent } from './event.js';
import type { ShaderModule } from './shader-module.js';
import type { Image, ImageView } from './image.js';
import type { Sampler } from './sampler.js';
import type { DescriptorSetLayout, DescriptorPool, DescriptorSet } from './descriptor.js';
import type { PipelineLayout, Pipeline, PipelineCache } from './pipeline.js';
import * as instance from './instance.js';
import * as physicalDevice from './physical-device.js';
import * as device from './device.js';
import * as memory from './memory.js';
import * as buffer from './buffer.js';
import * as commandPool from './command-pool.js';
import * as commandBuffer from './command-buffer.js';
import * as queue from './queue.js';
import * as fence from './fence.js';
import * as semaphore from './semaphore.js';
import * as event from './event.js';
import * as shaderModule from './shader-module.js';
import * as image from './image.js';
import * as sampler from './sampler.js';
import * as descriptor from './descriptor.js';
import * as pipeline from './pipeline.js';
import * as debugUtils from './debug-utils.js';

export interface GpuSource {
  /** navigator.gpu in a browser, Dawn's `create([])` in Node. */
  gpu?: GPU;
  /** Run on this existing device instead of requesting one; the shim never destroys it. */
  device?: GPUDevice;
  /** The adapter of `device`, when the caller has it (limits are read from the device otherwise). */
  adapter?: GPUAdapter;
}


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
  sampler,
  descriptor,
  pipeline,
  debugUtils,
];

export class VulkanShim {
  readonly heap: Heap;
  readonly validation = new ValidationLog();
  readonly instances = new HandleTable<Instance>(VkObjectType.INSTANCE, 32);
  readonly physicalDevices = new HandleTable<PhysicalDevice>(VkObjectType.PHYSICAL_DEVICE, 32);
  readonly devices = new HandleTable<Device>(VkObjectType.DEVICE, 32);
  readonly queues = new HandleTable<Queue>(VkObjectType.QUEUE, 32);
  readonly commandBuffers = new HandleTable<CommandBuffer>(VkObjectType.COMMAND_BUFFER, 32);
  readonly memories = new HandleTable<DeviceMemory>(VkObjectType.DEVICE_MEMORY, 64);
  readonly buffers = new HandleTable<Buffer>(VkObjectType.BUFFER, 64);
  readonly commandPools = new HandleTable<CommandPool>(VkObjectType.COMMAND_POOL, 64);
  readonly fences = new HandleTable<Fence>(VkObjectType.FENCE, 64);
  readonly semaphores = new HandleTable<Semaphore>(VkObjectType.SEMAPHORE, 64);
  readonly events = new HandleTable<VkEvent>(VkObjectType.EVENT, 64);
  readonly shaderModules = new HandleTable<ShaderModule>(VkObjectType.SHADER_MODULE, 64);
  readonly images = new HandleTable<Image>(VkObjectType.IMAGE, 64);
  readonly imageViews = new HandleTable<ImageView>(VkObjectType.IMAGE_VIEW, 64);
  readonly samplers = new HandleTable<Sampler>(VkObjectType.SAMPLER, 64);
  readonly descriptorSetLayouts = new HandleTable<DescriptorSetLayout>(VkObjectType.DESCRIPTOR_SET_LAYOUT, 64);
  readonly descriptorPools = new HandleTable<DescriptorPool>(VkObjectType.DESCRIPTOR_POOL, 64);
  readonly descriptorSets = new HandleTable<DescriptorSet>(VkObjectType.DESCRIPTOR_SET, 64);
  readonly pipelineLayouts = new HandleTable<PipelineLayout>(VkObjectType.PIPELINE_LAYOUT, 64);
  readonly pipelineCaches = new HandleTable<PipelineCache>(VkObjectType.PIPELINE_CACHE, 64);
  readonly pipelines = new HandleTable<Pipeline>(VkObjectType.PIPELINE, 64);

  /** Entry points by name, bound to this shim; what the emscripten library calls. */
  readonly entryPoints: Record<string, (...args: unknown[]) => unknown> = {};

  /**
   * How many callers up the stack can be suspended: the TS API raises it around calls made with
   * ccall's async mode. Without it a waiting entry point answers at once (VK_TIMEOUT) rather than
   * unwinding a wasm stack that nobody would rewind.
   */
  suspendable = 0;

  constructor(
    host: HeapHost,
    readonly source: GpuSource,
  ) {
    this.heap = new Heap(host);
    for (const family of families) {
      for (const [name, fn] of Object.entries(family)) {
        if (name.startsWith('vk') && typeof fn === 'function') {
          this.entryPoints[name] = this.guard(name, fn as EntryPoint);
        }
      }
    }
  }

  /** Live objects of every type, for leak checks. */
  liveObjects(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof HandleTable && value.live > 0) counts[key] = value.live;
    }
    return counts;
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

  totalLiveObjects(): number {
    return Object.values(this.liveObjects()).reduce((a, b) => a + b, 0);
  }

  /**
   * Runs an entry point so that nothing escapes into wasm: a VkFailure becomes its VkResult, any
   * other exception becomes VK_ERROR_UNKNOWN, both reported to the validation log. The wrapper
   * has the entry point's own arity, so a call allocates no argument arrays.
   */
  private guard(name: string, fn: EntryPoint): (...args: unknown[]) => unknown {
    // A refused vkCmd* returns nothing its caller could check: its command buffer keeps the
    // first such failure and vkEndCommandBuffer reports it (command-buffer.ts).
    const recording = name.startsWith('vkCmd');
    const fail = (e: unknown, commandBuffer?: unknown): number => {
      const message = e instanceof VkFailure ? e.message : `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
      this.validation.report(name, message);
      if (recording) {
        const cb = this.commandBuffers.lookup(commandBuffer as number);
        if (cb && cb.state === 'recording') cb.refused ??= message.startsWith(name) ? message : `${name}: ${message}`;
      }
      return e instanceof VkFailure ? e.result : VkResult.ERROR_UNKNOWN;
    };
    const f = fn as (...a: unknown[]) => unknown;
    const settle = (result: unknown): unknown => (result instanceof Promise ? result.catch(fail) : result);
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
      default:
        return (...args: unknown[]) => { try { return settle(f(vk, ...args)); } catch (e) { return fail(e, args[0]); } };
    }
  }
}
