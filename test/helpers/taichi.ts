// The C API as a C test calls it: TaichiWasm's raw calls with structs written into the wasm heap,
// and the error slot read back after each call.

import { TaichiWasm } from '../../src/wasm.js';
import { TiMemoryAllocateInfo, TiMemorySlice } from '../../src/abi/taichi-structs.js';
import { adapter } from './gpu.js';
import { writeStruct, type FieldValue } from './structs.js';
import type { StructLayout } from '../../shim/src/abi/layout.js';

export async function instantiate(): Promise<TaichiWasm> {
  return TaichiWasm.instantiate(await adapter());
}

export class CApi {
  /** Heap blocks to free in release(). */
  private readonly blocks: number[] = [];

  constructor(readonly wasm: TaichiWasm) {}

  /** Zeroed heap memory, freed by release(). */
  alloc(size: number): number {
    const ptr = this.wasm.malloc(size);
    this.blocks.push(ptr);
    return ptr;
  }

  struct(layout: StructLayout, values: Record<string, FieldValue>): number {
    const ptr = this.alloc(layout.size);
    writeStruct(this.wasm.view(), ptr, layout, values);
    return ptr;
  }

  release(): void {
    for (const ptr of this.blocks.splice(0)) this.wasm.free(ptr);
  }

  u32(ptr: number): number {
    return this.wasm.view().getUint32(ptr, true);
  }

  setU32(ptr: number, value: number): void {
    this.wasm.view().setUint32(ptr, value >>> 0, true);
  }

  /** Clears the sticky error slot, as a C test does before the call it checks. */
  clearError(): void {
    this.wasm.raw('ti_set_last_error', 0n, 0);
  }

  error(): { code: number; message: string } {
    return this.wasm.lastError();
  }

  /** Runs `fn` with a clear error slot and returns its result with the slot afterwards. */
  check<T>(fn: () => T): { result: T; code: number; message: string } {
    this.clearError();
    const result = fn();
    return { result, ...this.error() };
  }

  allocateMemory(runtime: number, size: number | bigint, host: { write?: boolean; read?: boolean } = {}): number {
    const info = this.struct(TiMemoryAllocateInfo, { size: BigInt(size), host_write: host.write ? 1 : 0, host_read: host.read ? 1 : 0, usage: 1 });
    return this.wasm.raw('ti_allocate_memory', runtime, info);
  }

  slice(memory: number, offset: number, size: number): number {
    return this.struct(TiMemorySlice, { memory, offset: BigInt(offset), size: BigInt(size) });
  }
}
