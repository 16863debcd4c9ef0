// Reading and writing Vulkan structs in the wasm heap by field name, with the checks every entry
// point needs: NULL and out-of-heap pointers, and the sType a struct must carry.

import type { Heap } from './heap.js';
import type { StructLayout } from './layout.js';
import { VkResult } from './vk-enums.js';
import { VkFailure } from '../validation.js';

export class StructReader {
  constructor(
    readonly heap: Heap,
    readonly base: number,
    readonly layout: StructLayout,
  ) {}

  offset(field: string): number {
    const off = this.layout.offsets[field];
    if (off === undefined) throw new Error(`${this.layout.name} has no field ${field}`);
    return this.base + off;
  }
  u32(field: string): number {
    return this.heap.u32(this.offset(field));
  }
  i32(field: string): number {
    return this.heap.i32(this.offset(field));
  }
  f32(field: string): number {
    return this.heap.f32(this.offset(field));
  }
  u64(field: string): number {
    return this.heap.u64(this.offset(field));
  }
  ptr(field: string): number {
    return this.heap.u32(this.offset(field));
  }
  /** A non-dispatchable (uint64) handle. */
  handle(field: string): number {
    return this.heap.u64(this.offset(field));
  }
  at(index: number): StructReader {
    return new StructReader(this.heap, this.base + index * this.layout.size, this.layout);
  }
}

export function requirePointer(heap: Heap, ptr: number, size: number, name: string): void {
  if (!heap.inBounds(ptr, size)) {
    throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${name} is ${ptr === 0 ? 'NULL' : `outside the heap (${ptr})`}`);
  }
}

/** A struct the caller passed in, checked for NULL, heap bounds and (when given) its sType. */
export function readStruct(heap: Heap, ptr: number, layout: StructLayout, sType: number | undefined, name: string): StructReader {
  requirePointer(heap, ptr, layout.size, name);
  const reader = new StructReader(heap, ptr, layout);
  if (sType !== undefined && heap.u32(ptr) !== sType) {
    throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${name}->sType is ${heap.u32(ptr)}, expected ${sType} for ${layout.name}`);
  }
  return reader;
}

/** An array of `count` structs at `ptr` (count 0 allows NULL). */
export function readArray(heap: Heap, ptr: number, count: number, layout: StructLayout, name: string): StructReader[] {
  if (count === 0) return [];
  requirePointer(heap, ptr, count * layout.size, name);
  const out: StructReader[] = [];
  for (let i = 0; i < count; i++) out.push(new StructReader(heap, ptr + i * layout.size, layout));
  return out;
}

export function writeHandle32(heap: Heap, ptr: number, handle: number): void {
  heap.setU32(ptr, handle);
}

export function writeHandle64(heap: Heap, ptr: number, handle: number): void {
  heap.setU64(ptr, handle);
}

/** A uint64 argument: wasm passes i64 as a signed BigInt (WASM_BIGINT); TS callers may pass numbers. */
export function u64Arg(value: unknown): bigint {
  if (typeof value === 'bigint') return BigInt.asUintN(64, value);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value);
  return -1n;
}

const MAX_SAFE_BIGINT = BigInt(Number.MAX_SAFE_INTEGER);

/** A uint64 handle as the number the handle tables use (-1 for anything that cannot be one). */
export function handleArg(value: unknown): number {
  // Handles arrive on every vk* call: the common in-range BigInt converts without asUintN.
  if (typeof value === 'bigint' && value >= 0n && value <= MAX_SAFE_BIGINT) return Number(value);
  const v = u64Arg(value);
  return v < 0n || v > MAX_SAFE_BIGINT ? -1 : Number(v);
}

/** A uint64 size or offset as a number, saturated at 2^53 - 1 (beyond any buffer). */
export function sizeArg(value: unknown): number {
  if (typeof value === 'bigint' && value >= 0n && value <= MAX_SAFE_BIGINT) return Number(value);
  const v = u64Arg(value);
  if (v < 0n) return -1;
  return v > MAX_SAFE_BIGINT ? Number.MAX_SAFE_INTEGER : Number(v);
}

/** VK_WHOLE_SIZE, ~0ULL. */
export function isWholeSize(value: unknown): boolean {
  return u64Arg(value) === 0xffff_ffff_ffff_ffffn;
}

/**
 * The Vulkan two-call idiom: with pItems NULL write the count; otherwise write up to *pCount
 * items and answer VK_INCOMPLETE when there were more.
 */
export function enumerateInto<T>(heap: Heap, pCount: number, pItems: number, itemSize: number, items: readonly T[], write: (ptr: number, item: T) => void): VkResult {
  requirePointer(heap, pCount, 4, 'pCount');
  if (pItems === 0) {
    heap.setU32(pCount, items.length);
    return VkResult.SUCCESS;
  }
  const capacity = heap.u32(pCount);
  const n = Math.min(capacity, items.length);
  requirePointer(heap, pItems, n * itemSize || 1, 'pItems');
  for (let i = 0; i < n; i++) write(pItems + i * itemSize, items[i]);
  heap.setU32(pCount, n);
  return n < items.length ? VkResult.INCOMPLETE : VkResult.SUCCESS;
}
