import { interopCall, type RuntimeContext } from './context.js';
import { TaichiError, describe } from './errors.js';
import { TiMemoryAllocateInfo, TiMemorySlice, TiVulkanMemoryInteropInfo } from './abi/taichi-structs.js';
import { gpuBufferOf } from '../shim/src/entry/interop.js';

/** Usage of a memory allocation (TiMemoryUsageFlagBits). */
export const MemoryUsage = { STORAGE: 1, UNIFORM: 2, VERTEX: 4, INDEX: 8 } as const;

export interface MemoryAllocateOptions {
  /** Bytes to allocate (> 0). */
  size: number;
  /** The host reads it back (host-visible, cached). */
  hostRead?: boolean;
  /** The host writes it (host-visible, coherent). */
  hostWrite?: boolean;
  /** TiMemoryUsageFlagBits; defaults to STORAGE. */
  usage?: number;
}

type TypedArrayConstructor<T> = { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number };

/** A range of a memory allocation, for copies. */
export interface MemorySlice {
  memory: Memory;
  offset?: number;
  size?: number;
}

/** A TiMemory as Vulkan sees it (TiVulkanMemoryInteropInfo): non-dispatchable handles are uint64 (bigint). */
export interface VulkanMemoryInfo {
  buffer: bigint;
  size: number;
  usage: number;
  memory: bigint;
  offset: number;
}

/**
 * Device memory allocated by the runtime (a TiMemory). Host-visible memory is read and written
 * through ti_map_memory; device-only memory through a staging allocation and a device copy.
 */
export class Memory {
  private freed = false;
  /** @internal Runs after the TiMemory is freed (releases what an import made). */
  onFree: (() => void) | undefined;

  /** @internal */
  constructor(
    readonly runtime: RuntimeContext,
    /** The TiMemory handle. */
    readonly handle: number,
    readonly size: number,
    readonly hostRead: boolean,
    readonly hostWrite: boolean,
  ) {}

  /** @internal Allocates device memory on `runtime` (Runtime.allocateMemory). */
  static allocate(runtime: RuntimeContext, options: MemoryAllocateOptions): Memory {
    runtime.checkLive('allocateMemory');
    const { size } = options;
    if (!Number.isSafeInteger(size) || size <= 0) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `allocateMemory: size must be a positive integer, got ${size}`);
    const usage = options.usage ?? MemoryUsage.STORAGE;
    if (!Number.isInteger(usage) || usage < 0 || usage > 15) throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `allocateMemory: usage ${usage} is not a set of MemoryUsage bits`);
    const L = TiMemoryAllocateInfo;
    const wasm = runtime.wasm;
    const handle = wasm.withHeap(L.size, (ptr) => {
      const v = wasm.view();
      v.setBigUint64(ptr + L.offsets.size, BigInt(size), true);
      v.setUint32(ptr + L.offsets.host_write, options.hostWrite ? 1 : 0, true);
      v.setUint32(ptr + L.offsets.host_read, options.hostRead ? 1 : 0, true);
      v.setUint32(ptr + L.offsets.export_sharing, 0, true);
      v.setUint32(ptr + L.offsets.usage, usage, true);
      return wasm.call('ti_allocate_memory', runtime.handle, ptr);
    });
    return new Memory(runtime, handle, size, !!options.hostRead, !!options.hostWrite);
  }

  get isFreed(): boolean {
    return this.freed;
  }

  /**
   * Writes `data` at byte `offset`. Host-writable memory is written in place; other memory goes
   * through a staging allocation and a copy recorded on the runtime (it lands in order with
   * launches).
   */
  write(data: ArrayBufferView, offset = 0): void {
    this.checkLive('write');
    if (!ArrayBuffer.isView(data)) throw new TypeError(`write: expected a typed array or DataView, got ${describe(data)}`);
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    checkRange(this, offset, bytes.byteLength, 'write');
    if (bytes.byteLength === 0) return;
    if (this.hostWrite) {
      const ptr = this.runtime.wasm.call('ti_map_memory', this.runtime.handle, this.handle);
      this.runtime.wasm.heap.set(bytes, ptr + offset);
      this.runtime.wasm.call('ti_unmap_memory', this.runtime.handle, this.handle);
      return;
    }
    const staging = Memory.allocate(this.runtime, { size: bytes.byteLength, hostWrite: true });
    try {
      staging.write(bytes);
      copyMemory(this.runtime, { memory: this, offset, size: bytes.byteLength }, { memory: staging });
    } finally {
      staging.free();
    }
  }

  /**
   * Waits for the runtime's work, then reads `size` bytes from `offset` (default: everything).
   * With a typed-array constructor the bytes come back as that type.
   */
  async read(): Promise<Uint8Array>;
  async read<T>(type: TypedArrayConstructor<T>, range?: { offset?: number; size?: number }): Promise<T>;
  async read<T>(type?: TypedArrayConstructor<T>, range: { offset?: number; size?: number } = {}): Promise<T | Uint8Array> {
    this.checkLive('read');
    const offset = range.offset ?? 0;
    const size = range.size ?? this.size - offset;
    checkRange(this, offset, size, 'read');
    if (type && size % type.BYTES_PER_ELEMENT !== 0) {
      throw new TaichiError('INVALID_ARGUMENT', `read: ${size} bytes is not a whole number of ${type.BYTES_PER_ELEMENT}-byte elements`);
    }
    const out = new ArrayBuffer(size);
    if (size === 0) return type ? new type(out) : new Uint8Array(out);
    if (this.hostRead) await this.readInPlace(offset, size, out);
    else await this.readThroughStaging(offset, size, out);
    return type ? new type(out) : new Uint8Array(out);
  }

  /**
   * Host-readable memory: the wait brings the device's writes into the host copy, which is read
   * as is. A call made before the read has its bytes (the wait gives them back only when nothing
   * was called in between) first records and submits a copy into staging, as a read of device
   * memory would, and the read takes the copy's bytes after a second wait.
   */
  private async readInPlace(offset: number, size: number, out: ArrayBuffer): Promise<void> {
    const wasm = this.runtime.wasm;
    let staging: { memory: Memory; start: number } | undefined;
    let failure: unknown;
    const waited = this.runtime.wait();
    const withdraw = wasm.beforeNextCall(() => {
      // Destroying the runtime frees this memory with it: the read then fails as any call would.
      if (this.runtime.isDestroyed) return;
      const [start, end] = wordRange(this, offset, size);
      try {
        staging = { memory: takeStaging(this.runtime, end - start), start };
        copyMemory(this.runtime, { memory: staging.memory, size: end - start }, { memory: this, offset: start, size: end - start });
        // Submitted now: host writes reach the device at the next submission, before its commands.
        wasm.call('ti_flush', this.runtime.handle);
      } catch (e) {
        // The call that ran the hook goes on; the read reports why it has no copy.
        failure = e;
      }
    });
    try {
      await waited;
    } finally {
      withdraw();
    }
    if (failure !== undefined) {
      if (staging && !this.runtime.isDestroyed) returnStaging(this.runtime, staging.memory);
      throw failure;
    }
    if (!staging) {
      this.copyOut(this, offset, size, out);
      return;
    }
    try {
      await this.runtime.wait();
      this.copyOut(staging.memory, offset - staging.start, size, out);
    } finally {
      if (!this.runtime.isDestroyed) returnStaging(this.runtime, staging.memory);
    }
  }

  /**
   * Device memory: a copy into host-readable staging, recorded now, so the read sees the calls
   * made before it and none made after, even those made while it waits.
   */
  private async readThroughStaging(offset: number, size: number, out: ArrayBuffer): Promise<void> {
    const [start, end] = wordRange(this, offset, size);
    const staging = takeStaging(this.runtime, end - start);
    try {
      copyMemory(this.runtime, { memory: staging, size: end - start }, { memory: this, offset: start, size: end - start });
      await this.runtime.wait();
      this.copyOut(staging, offset - start, size, out);
    } finally {
      // A runtime destroyed meanwhile has freed the staging memory with everything else.
      if (!this.runtime.isDestroyed) returnStaging(this.runtime, staging);
    }
  }

  /** Maps `from` (host-readable) and copies `size` bytes at `offset` into `out`. */
  private copyOut(from: Memory, offset: number, size: number, out: ArrayBuffer): void {
    this.runtime.checkLive('read');
    const wasm = this.runtime.wasm;
    const ptr = wasm.call('ti_map_memory', this.runtime.handle, from.handle);
    new Uint8Array(out).set(wasm.heap.subarray(ptr + offset, ptr + offset + size));
    wasm.call('ti_unmap_memory', this.runtime.handle, from.handle);
  }

  /** Frees the allocation (after submitting recorded work that may use it). Freeing twice throws. */
  free(): void {
    this.checkLive('free');
    this.runtime.wasm.call('ti_free_memory', this.runtime.handle, this.handle);
    this.freed = true;
    this.onFree?.();
  }

  /** The GPUBuffer holding this memory (shared, not copied): bind it in your own WebGPU passes. */
  get gpuBuffer(): GPUBuffer {
    this.checkLive('gpuBuffer');
    return interopCall(this.runtime, () => gpuBufferOf(this.runtime.wasm.shim, this.exportVulkan().buffer).buffer);
  }

  /** @internal The VkBuffer and VkDeviceMemory behind this memory (ti_export_vulkan_memory). */
  exportVulkan(): VulkanMemoryInfo {
    const L = TiVulkanMemoryInteropInfo;
    const wasm = this.runtime.wasm;
    return wasm.withHeap(L.size, (p) => {
      wasm.call('ti_export_vulkan_memory', this.runtime.handle, this.handle, p);
      const v = wasm.view();
      return {
        buffer: v.getBigUint64(p + L.offsets.buffer, true),
        size: Number(v.getBigUint64(p + L.offsets.size, true)),
        usage: v.getUint32(p + L.offsets.usage, true),
        memory: v.getBigUint64(p + L.offsets.memory, true),
        offset: Number(v.getBigUint64(p + L.offsets.offset, true)),
      };
    });
  }

  /** @internal Writes this memory as a TiMemorySlice at `ptr`. */
  writeSlice(ptr: number, offset: number, size: number): void {
    const view = this.runtime.wasm.view();
    view.setUint32(ptr + TiMemorySlice.offsets.memory, this.handle, true);
    view.setBigUint64(ptr + TiMemorySlice.offsets.offset, BigInt(offset), true);
    view.setBigUint64(ptr + TiMemorySlice.offsets.size, BigInt(size), true);
  }

  private checkLive(what: string): void {
    if (this.freed) throw new TaichiError('INVALID_STATE', `${what}: memory was freed`);
    this.runtime.checkLive(what);
  }
}

/** [offset, offset + size) grown to whole 4-byte words, which is what copies move. */
function wordRange(memory: Memory, offset: number, size: number): [number, number] {
  return [offset - (offset % 4), Math.min(Math.ceil((offset + size) / 4) * 4, memory.size)];
}

function checkRange(memory: Memory, offset: number, size: number, what: string): void {
  if (!Number.isInteger(offset) || !Number.isInteger(size) || offset < 0 || size < 0 || offset + size > memory.size) {
    throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `${what}: [${offset}, +${size}) is outside the ${memory.size}-byte memory`);
  }
}

/** @internal Records a device-to-device copy of `from` into `to`, both of `runtime` (Runtime.copy checks them). */
export function copyMemory(runtime: RuntimeContext, to: MemorySlice, from: MemorySlice): void {
  const srcOffset = from.offset ?? 0;
  const size = from.size ?? from.memory.size - srcOffset;
  const dstOffset = to.offset ?? 0;
  const dstSize = to.size ?? size;
  const n = TiMemorySlice.size;
  runtime.wasm.withHeap(2 * n, (ptr) => {
    to.memory.writeSlice(ptr, dstOffset, dstSize);
    from.memory.writeSlice(ptr + n, srcOffset, size);
    runtime.wasm.call('ti_copy_memory_device_to_device', runtime.handle, ptr, ptr + n);
  });
}

/** Reads up to this many bytes reuse a staging allocation instead of allocating one each time. */
const REUSED_STAGING_BYTES = 64 * 1024;
/** How many staging allocations a runtime keeps for reuse (more only while reads overlap). */
const REUSED_STAGINGS = 4;
/** Host-readable staging kept from earlier small reads, by runtime (sizes are powers of two from 256). */
const stagings = new WeakMap<RuntimeContext, Memory[]>();

/**
 * A host-readable allocation of at least `size` bytes for a read's copy. A read in a loop (one
 * launch, wait, read back) would otherwise allocate, bind and free device memory, and a mappable
 * read-back buffer, every time.
 */
function takeStaging(runtime: RuntimeContext, size: number): Memory {
  const kept = stagings.get(runtime) ?? [];
  const i = kept.findIndex((m) => m.size >= size);
  if (i >= 0) return kept.splice(i, 1)[0];
  const bucket = size <= REUSED_STAGING_BYTES ? Math.max(256, 2 ** Math.ceil(Math.log2(size))) : size;
  return Memory.allocate(runtime, { size: bucket, hostRead: true });
}

/** Gives back what takeStaging returned, once the read has copied out of it. */
function returnStaging(runtime: RuntimeContext, staging: Memory): void {
  let kept = stagings.get(runtime);
  if (!kept) stagings.set(runtime, (kept = []));
  if (staging.size <= REUSED_STAGING_BYTES && kept.length < REUSED_STAGINGS) kept.push(staging);
  else staging.free();
}
