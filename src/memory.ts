import type { Runtime } from './runtime.js';
import { TaichiError, describe } from './errors.js';
import { TiMemorySlice } from './abi/taichi-structs.js';

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
    readonly runtime: Runtime,
    /** The TiMemory handle. */
    readonly handle: number,
    readonly size: number,
    readonly hostRead: boolean,
    readonly hostWrite: boolean,
  ) {}

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
    const staging = this.runtime.allocateMemory({ size: bytes.byteLength, hostWrite: true });
    try {
      staging.write(bytes);
      this.runtime.copy({ memory: this, offset, size: bytes.byteLength }, { memory: staging });
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
    // The copy is recorded now, so the read sees the calls made before it and none made after,
    // even those made while it waits. Copies move whole 4-byte words: the range grows to them.
    const start = offset - (offset % 4);
    const end = Math.min(Math.ceil((offset + size) / 4) * 4, this.size);
    if ((end - start) % 4 !== 0 && this.hostRead) {
      // Only at the ragged end of host-readable memory: read it in place after the wait.
      await this.runtime.wait();
      this.copyOut(this, offset, size, out);
      return type ? new type(out) : new Uint8Array(out);
    }
    const staging = this.runtime.takeStaging(end - start);
    try {
      this.runtime.copy({ memory: staging, size: end - start }, { memory: this, offset: start, size: end - start });
      await this.runtime.wait();
      this.copyOut(staging, offset - start, size, out);
    } finally {
      // A runtime destroyed meanwhile has freed the staging memory with everything else.
      if (!this.runtime.isDestroyed) this.runtime.returnStaging(staging);
    }
    return type ? new type(out) : new Uint8Array(out);
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
    return this.runtime.vulkan.gpuBuffer(this);
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

function checkRange(memory: Memory, offset: number, size: number, what: string): void {
  if (!Number.isInteger(offset) || !Number.isInteger(size) || offset < 0 || size < 0 || offset + size > memory.size) {
    throw new TaichiError('ARGUMENT_OUT_OF_RANGE', `${what}: [${offset}, +${size}) is outside the ${memory.size}-byte memory`);
  }
}
