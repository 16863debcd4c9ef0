// Vulkan handles are small integers into one typed table per object type, stamped with a
// generation count and the object type (sokol_gfx style), so a stale, foreign or wrong-type
// handle is detected and reported instead of being dereferenced.
//
// Non-dispatchable handles are uint64 on wasm32 and arrive in JS as BigInt; they are encoded in
// 48 bits (type 8 | generation 16 | index 24) so they stay exact as JS numbers. Dispatchable
// handles are 32-bit pointers: type 4 | generation 8 | index 20.

import { VkObjectType } from './object-type.js';

export type HandleWidth = 32 | 64;

interface Slot<T> {
  generation: number;
  value: T | undefined;
}

export class StaleHandleError extends Error {}

export class HandleTable<T> {
  private readonly slots: Slot<T>[] = [];
  private readonly free: number[] = [];
  private liveCount = 0;
  // Powers of two, computed once: handles are decoded on every vk* call.
  private readonly indexScale: number;
  private readonly generationScale: number;
  private readonly typeScale: number;

  constructor(
    readonly objectType: VkObjectType,
    readonly width: HandleWidth,
  ) {
    // 64-bit handles: 24 index bits, 16 generation bits; 32-bit ones: 20 and 8.
    this.indexScale = 2 ** (width === 64 ? 24 : 20);
    this.generationScale = 2 ** (width === 64 ? 16 : 8);
    this.typeScale = this.indexScale * this.generationScale;
    // Slot 0 is never used so that no handle can encode as VK_NULL_HANDLE.
    this.slots.push({ generation: 0, value: undefined });
  }

  get live(): number {
    return this.liveCount;
  }

  insert(value: T): number {
    let index = this.free.pop();
    if (index === undefined) {
      index = this.slots.length;
      if (index >= this.indexScale) throw new RangeError(`too many live ${VkObjectType[this.objectType]} objects`);
      this.slots.push({ generation: 1, value: undefined });
    }
    const slot = this.slots[index];
    slot.value = value;
    this.liveCount++;
    return this.encode(index, slot.generation);
  }

  /** The object behind a handle, or undefined when the handle is null, stale or of another type. */
  lookup(handle: number): T | undefined {
    const index = this.decode(handle);
    return index === undefined ? undefined : this.slots[index].value;
  }

  remove(handle: number): T | undefined {
    const index = this.decode(handle);
    if (index === undefined) return undefined;
    const slot = this.slots[index];
    const value = slot.value;
    slot.value = undefined;
    slot.generation = (slot.generation % (this.generationScale - 1)) + 1;
    this.free.push(index);
    this.liveCount--;
    return value;
  }

  *values(): IterableIterator<T> {
    for (const slot of this.slots) if (slot.value !== undefined) yield slot.value;
  }

  private encode(index: number, generation: number): number {
    return this.objectType * this.typeScale + generation * this.indexScale + index;
  }

  private decode(handle: number): number | undefined {
    if (!Number.isSafeInteger(handle) || handle <= 0) return undefined;
    if (Math.floor(handle / this.typeScale) !== this.objectType) return undefined;
    const index = handle % this.indexScale;
    const generation = Math.floor(handle / this.indexScale) % this.generationScale;
    const slot = this.slots[index];
    if (slot === undefined || slot.value === undefined || slot.generation !== generation) return undefined;
    return index;
  }
}
