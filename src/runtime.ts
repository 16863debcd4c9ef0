import { TaichiWasm } from './wasm.js';
import { currentPlatform } from './platform/index.js';
import { TaichiError } from './errors.js';
import { Memory, copyMemory, type MemoryAllocateOptions, type MemorySlice } from './memory.js';
import { readCapabilities, type Capabilities } from './capabilities.js';
import type { RuntimeContext } from './context.js';
import { TiArch } from './abi/taichi-enums.js';
import { AotModule, type ModuleTypes, type UntypedModule } from './module.js';
import { Event } from './event.js';
import { VulkanInterop } from './interop.js';
import { NdArray, type NdArrayOptions } from './ndarray.js';
import type { DType } from './dtype.js';
import { Image, Sampler, type ImageAllocateOptions, type ImageDimension, type SamplerOptions } from './image.js';

export interface RuntimeOptions {
  /** Run Taichi on this existing GPUDevice (e.g. a renderer's); it is never destroyed by Taichi. */
  device?: GPUDevice;
  /** The adapter to request a device from; defaults to the platform's default adapter. */
  adapter?: GPUAdapter;
  /** Adapter preference when the default adapter is requested. */
  powerPreference?: GPUPowerPreference;
  /**
   * Where to load taichi.wasm from, for bundlers that leave `new URL(..., import.meta.url)` as it
   * is (esbuild): copy the package's `taichi-wasm/taichi.wasm` next to your bundle and pass its URL.
   */
  wasmUrl?: string | URL;
  /**
   * Deterministic mode (docs/deterministic.md): every task runs on one invocation, its range-for
   * in index order, so a module gives the same bits run after run and on every adapter. Kernels
   * whose results depend on the workgroup (shared arrays, barriers) load, and their launch throws
   * NOT_SUPPORTED naming the kernel and the reason. Slow: one GPU thread does all the work.
   */
  deterministic?: boolean;
  /**
   * @internal Whether a module's pipelines compile in parallel (GpuSource.parallelPipelines);
   * the platform decides by default. Tests run both ways on any machine.
   */
  parallelPipelines?: boolean;
}

/** TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT of ti_create_runtime_ext (taichi_wasm.h). */
const RUNTIME_FLAG_DETERMINISTIC = 1;

/** Diagnostic counters, for leak checks. */
export interface RuntimeDiagnostics {
  /** Live Vulkan objects in the shim, by type. */
  vulkanObjects: Record<string, number>;
  /** Bytes of wasm linear memory. */
  wasmHeapBytes: number;
  /** The shim's most recent validation messages. */
  validationMessages: readonly { entryPoint: string; message: string }[];
}

/**
 * A Taichi runtime on WebGPU (a TiRuntime of arch VULKAN over the shim).
 *
 * ```ts
 * const runtime = await Runtime.create();
 * const memory = runtime.allocateMemory({ size: 1024, hostWrite: true, hostRead: true });
 * memory.write(new Float32Array(256).fill(1));
 * console.log(await memory.read(Float32Array));
 * runtime.destroy();
 * ```
 */
export class Runtime implements RuntimeContext {
  private destroyed = false;
  /** Vulkan interop (taichi_vulkan.h): export and import runtimes' memory and events, and their WebGPU objects. */
  readonly vulkan: VulkanInterop = new VulkanInterop(this);

  private constructor(
    /** @internal */ readonly wasm: TaichiWasm,
    /** The TiRuntime handle. */ readonly handle: number,
    /** Adapter information (vendor, architecture, device) of the GPU in use. */ readonly adapterInfo: GPUAdapterInfo | undefined,
  ) {}

  /** Creates a runtime: Dawn's default adapter in Node, navigator.gpu in a browser, or `options.device`. */
  static async create(options: RuntimeOptions = {}): Promise<Runtime> {
    let adapter = options.adapter;
    let gpu: GPU | undefined;
    if (!options.device && !adapter) {
      gpu = await (await currentPlatform()).gpu();
      adapter = (await gpu.requestAdapter(options.powerPreference ? { powerPreference: options.powerPreference } : undefined)) ?? undefined;
      if (!adapter) throw new TaichiError('NOT_SUPPORTED', 'no WebGPU adapter is available');
    }
    const wasm = await TaichiWasm.instantiate({ gpu, adapter, device: options.device, parallelPipelines: options.parallelPipelines }, undefined, options.wasmUrl);
    const handle = await wasm.callAsync('ti_create_runtime_ext', TiArch.VULKAN, 0, options.deterministic ? RUNTIME_FLAG_DETERMINISTIC : 0);
    const info = adapter?.info ?? (options.device as { adapterInfo?: GPUAdapterInfo } | undefined)?.adapterInfo;
    return new Runtime(wasm, handle, info);
  }

  /** Allocates device memory. */
  allocateMemory(options: MemoryAllocateOptions): Memory {
    return Memory.allocate(this, options);
  }

  /** Allocates a 1D, 2D, 3D, 2D-array or cube image. */
  allocateImage(options: ImageAllocateOptions): Image {
    this.checkLive('allocateImage');
    return Image.allocate(this, options);
  }

  /** Creates a sampler for texture arguments (linear filters and repeat by default). */
  createSampler(options: SamplerOptions = {}): Sampler {
    this.checkLive('createSampler');
    return Sampler.create(this, options);
  }

  /**
   * Loads an AOT module: a path (Node: a .tcm file or a module directory) or the bytes of a .tcm.
   * Every task's SPIR-V is translated and its pipeline built here. `M`, the interface that
   * `taichi-wasm types` writes for the module, types its kernels' and graphs' arguments.
   */
  async loadModule<M extends ModuleTypes = UntypedModule>(source: string | Uint8Array | ArrayBuffer): Promise<AotModule<M>> {
    this.checkLive('loadModule');
    const wasm = this.wasm;
    let handle: number;
    if (typeof source === 'string') {
      const path = wasm.allocCString(source);
      try {
        handle = await wasm.callAsync('ti_load_aot_module', this.handle, path);
      } finally {
        wasm.free(path);
      }
    } else if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
      const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
      handle = await wasm.withHeapAsync(bytes.length, async (ptr) => {
        wasm.heap.set(bytes, ptr);
        return wasm.callAsync('ti_create_aot_module', this.handle, ptr, BigInt(bytes.length));
      });
    } else {
      throw new TaichiError('INVALID_ARGUMENT', 'loadModule takes a path or the bytes of a .tcm archive');
    }
    // destroy() while the module loaded has freed it with everything else.
    this.checkLive('loadModule');
    return new AotModule<M>(this, handle);
  }

  /**
   * Allocates an ndarray of `dtype` with `shape` (and an optional element shape). Its type
   * carries the dtype, the number of dimensions and the element shape, as typed kernels check.
   */
  ndarray<D extends DType, const S extends readonly number[], const E extends readonly number[] = readonly []>(dtype: D, shape: S, options: NdArrayOptions<E> = {}): NdArray<D, S['length'], E> {
    this.checkLive('ndarray');
    return NdArray.allocate(this, dtype, shape, options) as NdArray<D, S['length'], E>;
  }

  /**
   * Allocates an ndarray holding the values of .npy bytes (what `np.save` and Taichi's
   * `ndarray.to_numpy()` users have): little-endian, C order. Its last `elementDims` dimensions
   * are the element shape (1: vectors, 2: matrices).
   */
  ndarrayFromNpy(bytes: Uint8Array, options: { elementDims?: number; hostRead?: boolean } = {}): NdArray {
    this.checkLive('ndarrayFromNpy');
    return NdArray.fromNpy(this, bytes, options.elementDims ?? 0, { hostRead: options.hostRead });
  }

  /** Creates a device-side event (TiEvent). */
  createEvent(): Event {
    this.checkLive('createEvent');
    return new Event(this, this.wasm.call('ti_create_event', this.handle));
  }

  /** The GPUDevice Taichi runs on; share it with your renderer. */
  get gpuDevice(): GPUDevice {
    return this.vulkan.gpuDevice();
  }

  /** Wraps an existing GPUBuffer (of `gpuDevice`, with STORAGE usage) as Taichi memory, zero-copy. */
  importBuffer(gpuBuffer: GPUBuffer, size?: number): Memory {
    return this.vulkan.importGpuBuffer(gpuBuffer, size);
  }

  /** Wraps an existing GPUTexture (of `gpuDevice`) as a Taichi image, zero-copy. */
  importTexture(texture: GPUTexture, dimension?: ImageDimension): Image {
    return this.vulkan.importGpuTexture(texture, dimension);
  }

  /**
   * Records a device-to-device copy between memories, ndarrays or slices `{ memory, offset?, size? }`;
   * `size` defaults to the rest of the source.
   */
  copy(dst: MemorySlice | Memory | NdArray, src: MemorySlice | Memory | NdArray): void {
    this.checkLive('copy');
    const [to, from] = [sliceOf(dst, 'dst'), sliceOf(src, 'src')];
    for (const m of [to.memory, from.memory]) {
      if (m.runtime !== this) throw new TaichiError('INVALID_ARGUMENT', 'copy: memory belongs to another runtime');
    }
    copyMemory(this, to, from);
  }

  /** Submits the work recorded so far. */
  flush(): void {
    this.checkLive('flush');
    this.wasm.call('ti_flush', this.handle);
  }

  /** Submits the work recorded so far and waits until the device has finished it. */
  async wait(): Promise<void> {
    this.checkLive('wait');
    await this.wasm.callAsync('ti_wait', this.handle);
  }

  /**
   * The runtime's capabilities by Taichi's names, each with its level (0 where not offered): what
   * a module's `required_caps` may ask for (docs/capabilities.md).
   *
   * ```ts
   * if (runtime.capabilities().spirv_has_float16) runtime.ndarray('f16', [n]);
   * ```
   */
  capabilities(): Capabilities {
    this.checkLive('capabilities');
    return readCapabilities(this.wasm, this.handle);
  }

  diagnostics(): RuntimeDiagnostics {
    return {
      vulkanObjects: this.wasm.shim.liveObjects(),
      wasmHeapBytes: this.wasm.heap.byteLength,
      validationMessages: this.wasm.shim.validation.messages(),
    };
  }

  /**
   * Destroys the runtime and everything allocated from it. Calls still waiting their turn are
   * rejected with INVALID_STATE; the one running (a wait, a load) finishes first.
   */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    this.wasm.cancelQueued(new TaichiError('INVALID_STATE', 'the runtime was destroyed before this call ran'));
    await this.wasm.callAsync('ti_destroy_runtime', this.handle);
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** @internal */
  checkLive(what: string): void {
    if (this.destroyed) throw new TaichiError('INVALID_STATE', `${what}: the runtime was destroyed`);
  }
}

/** A copy's end as a slice: a Memory or an NdArray is all of its memory. */
function sliceOf(end: MemorySlice | Memory | NdArray, which: string): MemorySlice {
  if (end instanceof Memory) return { memory: end };
  if (end instanceof NdArray) return { memory: end.memory };
  if (typeof end === 'object' && end !== null && end.memory instanceof Memory) return end;
  throw new TaichiError('INVALID_ARGUMENT', `copy: ${which} must be a Memory, an NdArray or { memory, offset?, size? }`);
}
