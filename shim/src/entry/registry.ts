// The one registry of Vulkan handles: a typed table per object type (handles.ts encodes the
// handles), each answering a bad handle with the VkFailure its entry point reports, so every
// vk* function reaches its objects the same way.

import { HandleTable, type HandleWidth } from '../handles.js';
import { VkObjectType, VkResult } from '../abi/vk-enums.js';
import { handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import type { Instance } from '../objects/instance.js';
import type { PhysicalDevice } from '../objects/physical-device.js';
import type { Device } from '../objects/device.js';
import type { DeviceMemory } from '../objects/memory.js';
import type { Buffer } from '../objects/buffer.js';
import type { CommandPool } from '../objects/command-pool.js';
import type { Fence } from '../objects/fence.js';
import type { Semaphore } from '../objects/semaphore.js';
import type { VkEvent } from '../objects/event.js';
import type { ShaderModule } from '../objects/shader-module.js';
import type { Image, ImageView } from '../objects/image.js';
import type { Sampler } from '../objects/sampler.js';
import type { DescriptorSetLayout, DescriptorPool, DescriptorSet } from '../objects/descriptor.js';
import type { PipelineLayout, Pipeline, PipelineCache } from '../objects/pipeline.js';
import type { CommandBuffer } from '../commands/command-buffer.js';
import type { Queue } from '../commands/queue.js';

/** A handle table whose `get` resolves a handle as an entry point receives it, or fails the call. */
export class ObjectTable<T> extends HandleTable<T> {
  /** 'VkDeviceMemory' for DEVICE_MEMORY, as messages name the type. */
  private readonly vkName: string;

  constructor(
    objectType: VkObjectType,
    width: HandleWidth,
    /** What a bad handle of this type answers: the result each entry point has always given. */
    private readonly failure: VkResult,
    /** For objects that stop working when their device is lost. */
    private readonly deviceOf?: (object: T) => Device,
  ) {
    super(objectType, width);
    this.vkName = `Vk${this.typeName.toLowerCase().replace(/(?:^|_)(\w)/g, (_, c: string) => c.toUpperCase())}`;
  }

  /** The object behind `handle` (a number, or the BigInt wasm passes for a uint64 handle). */
  get(handle: unknown, entryPoint: string): T {
    const value = this.lookup(typeof handle === 'number' ? handle : handleArg(handle));
    if (value === undefined) throw new VkFailure(this.failure, `${entryPoint}: invalid ${this.vkName} ${String(handle)}`);
    this.deviceOf?.(value).checkAlive(entryPoint);
    return value;
  }
}

const INVALID = VkResult.ERROR_INITIALIZATION_FAILED;
const MISUSED = VkResult.ERROR_VALIDATION_FAILED_EXT;

export class HandleRegistry {
  readonly instances = new ObjectTable<Instance>(VkObjectType.INSTANCE, 32, INVALID);
  readonly physicalDevices = new ObjectTable<PhysicalDevice>(VkObjectType.PHYSICAL_DEVICE, 32, INVALID);
  readonly devices = new ObjectTable<Device>(VkObjectType.DEVICE, 32, INVALID, (d) => d);
  readonly queues = new ObjectTable<Queue>(VkObjectType.QUEUE, 32, INVALID, (q) => q.device);
  readonly commandBuffers = new ObjectTable<CommandBuffer>(VkObjectType.COMMAND_BUFFER, 32, MISUSED, (cb) => cb.device);
  readonly memories = new ObjectTable<DeviceMemory>(VkObjectType.DEVICE_MEMORY, 64, INVALID);
  readonly buffers = new ObjectTable<Buffer>(VkObjectType.BUFFER, 64, INVALID);
  readonly commandPools = new ObjectTable<CommandPool>(VkObjectType.COMMAND_POOL, 64, INVALID);
  readonly fences = new ObjectTable<Fence>(VkObjectType.FENCE, 64, MISUSED);
  readonly semaphores = new ObjectTable<Semaphore>(VkObjectType.SEMAPHORE, 64, MISUSED);
  readonly events = new ObjectTable<VkEvent>(VkObjectType.EVENT, 64, MISUSED);
  readonly shaderModules = new ObjectTable<ShaderModule>(VkObjectType.SHADER_MODULE, 64, MISUSED);
  readonly images = new ObjectTable<Image>(VkObjectType.IMAGE, 64, MISUSED);
  readonly imageViews = new ObjectTable<ImageView>(VkObjectType.IMAGE_VIEW, 64, MISUSED);
  readonly samplers = new ObjectTable<Sampler>(VkObjectType.SAMPLER, 64, MISUSED);
  readonly descriptorSetLayouts = new ObjectTable<DescriptorSetLayout>(VkObjectType.DESCRIPTOR_SET_LAYOUT, 64, MISUSED);
  readonly descriptorPools = new ObjectTable<DescriptorPool>(VkObjectType.DESCRIPTOR_POOL, 64, MISUSED);
  readonly descriptorSets = new ObjectTable<DescriptorSet>(VkObjectType.DESCRIPTOR_SET, 64, MISUSED);
  readonly pipelineLayouts = new ObjectTable<PipelineLayout>(VkObjectType.PIPELINE_LAYOUT, 64, MISUSED);
  readonly pipelineCaches = new ObjectTable<PipelineCache>(VkObjectType.PIPELINE_CACHE, 64, MISUSED);
  readonly pipelines = new ObjectTable<Pipeline>(VkObjectType.PIPELINE, 64, MISUSED);

  /** The one VkQueue of a device (made with it, removed with it). */
  queueOf(device: Device): Queue {
    return this.queues.lookup(device.queueHandle)!;
  }

  /** Live objects of every type, by table name, for leak checks. */
  liveObjects(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof HandleTable && value.live > 0) counts[key] = value.live;
    }
    return counts;
  }
}
