// Vulkan handles are small integers into one typed table per object type, stamped with a
// generation count and the object type (sokol_gfx style), so a stale, foreign or wrong-type
// handle is detected and reported instead of being dereferenced.
//
// Non-dispatchable handles are uint64 on wasm32 and arrive in JS as BigInt; they are encoded in
// 53 bits (type 8 | generation 21 | index 24) so they stay exact as JS numbers. Dispatchable
// handles are 32-bit pointers: type 4 | generation 16 | index 12 (the top bit stays clear, so the
// value is the same whether wasm passes it signed or not).
//
// A freed slot waits in a queue and is reused oldest first, and only once REUSE_AFTER slots are
// waiting (or the index space is used up): one slot comes back at most once per REUSE_AFTER frees,
// so a handle value recurs only after REUSE_AFTER x (2^generation-bits - 1) frees of its type
// (over 134 million for dispatchable handles, 4 billion for the others). Until then a stale handle is
// refused, never mistaken for the object that now holds its slot. The slot array stays bounded by
// the live count plus REUSE_AFTER, so long runs do not grow it.

import { VkObjectType, VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';

export type HandleWidth = 32 | 64;

/** Freed slots that must be waiting before the oldest is reused (a table holds up to this many empty slots). */
const REUSE_AFTER = 2048;

export class HandleTable<T> {
  // Slot i is values[i], generations[i] and positions[i] (where i sits in liveIndices while its
  // slot holds a value, else -1). Parallel arrays, the numbers typed: a table holds up to
  // REUSE_AFTER empty slots, which should cost the JS heap one reference each, not an object.
  private objects: (T | undefined)[] = [undefined];
  private generations = new Uint32Array(64);
  private positions = new Int32Array(64).fill(-1);
  private slotCount = 1;
  // Freed slot indices, oldest at `freeHead`; consumed entries are dropped in batches.
  private free: number[] = [];
  private freeHead = 0;
  // The indices of live slots, in no order: values() walks these alone, not the up to
  // REUSE_AFTER empty slots, since entry points (vkAllocateMemory, vkQueueSubmit) walk a table.
  private readonly liveIndices: number[] = [];
  // Powers of two, computed once: handles are decoded on every vk* call.
  private readonly indexScale: number;
  private readonly generationScale: number;
  private readonly typeScale: number;

  /** The object type's name in VkObjectType (DEVICE_MEMORY), for messages. */
  readonly typeName: string;

  constructor(
    readonly objectType: VkObjectType,
    readonly width: HandleWidth,
  ) {
    this.typeName = Object.keys(VkObjectType).find((k) => VkObjectType[k as keyof typeof VkObjectType] === objectType) ?? String(objectType);
    // 64-bit handles: 24 index bits, 21 generation bits; 32-bit ones: 12 and 16.
    this.indexScale = 2 ** (width === 64 ? 24 : 12);
    this.generationScale = 2 ** (width === 64 ? 21 : 16);
    this.typeScale = this.indexScale * this.generationScale;
    // Slot 0 is never used so that no handle can encode as VK_NULL_HANDLE.
  }

  get live(): number {
    return this.liveIndices.length;
  }

  /** Fails with VK_ERROR_OUT_OF_HOST_MEMORY, changing nothing, when every slot holds a live object. */
  insert(value: T): number {
    const waiting = this.free.length - this.freeHead;
    let index: number;
    if (waiting > 0 && (waiting >= REUSE_AFTER || this.slotCount >= this.indexScale)) {
      index = this.free[this.freeHead++];
      if (this.freeHead >= REUSE_AFTER) {
        this.free = this.free.slice(this.freeHead);
        this.freeHead = 0;
      }
    } else {
      index = this.slotCount;
      if (index >= this.indexScale) {
        throw new VkFailure(VkResult.ERROR_OUT_OF_HOST_MEMORY, `too many live ${this.typeName} objects`);
      }
      this.grow(index + 1);
      this.slotCount++;
      this.generations[index] = 1;
    }
    this.objects[index] = value;
    this.positions[index] = this.liveIndices.length;
    this.liveIndices.push(index);
    return this.encode(index, this.generations[index]);
  }

  /** The object behind a handle, or undefined when the handle is null, stale or of another type. */
  lookup(handle: number): T | undefined {
    const index = this.decode(handle);
    return index === undefined ? undefined : this.objects[index];
  }

  remove(handle: number): T | undefined {
    const index = this.decode(handle);
    if (index === undefined) return undefined;
    const value = this.objects[index];
    this.objects[index] = undefined;
    this.generations[index] = (this.generations[index] % (this.generationScale - 1)) + 1;
    this.free.push(index);
    const position = this.positions[index];
    const last = this.liveIndices.pop()!;
    if (last !== index) {
      this.liveIndices[position] = last;
      this.positions[last] = position;
    }
    this.positions[index] = -1;
    return value;
  }

  /** The live objects, in no particular order; the table must not change while they are walked. */
  *values(): IterableIterator<T> {
    for (const index of this.liveIndices) yield this.objects[index]!;
  }

  /** Room for `count` slots, doubling the typed arrays. */
  private grow(count: number): void {
    if (count <= this.generations.length) return;
    const capacity = Math.min(Math.max(count, 2 * this.generations.length), this.indexScale);
    const generations = new Uint32Array(capacity);
    generations.set(this.generations);
    const positions = new Int32Array(capacity).fill(-1);
    positions.set(this.positions);
    this.generations = generations;
    this.positions = positions;
  }

  private encode(index: number, generation: number): number {
    return this.objectType * this.typeScale + generation * this.indexScale + index;
  }

  private decode(handle: number): number | undefined {
    if (!Number.isSafeInteger(handle) || handle <= 0) return undefined;
    if (Math.floor(handle / this.typeScale) !== this.objectType) return undefined;
    const index = handle % this.indexScale;
    const generation = Math.floor(handle / this.indexScale) % this.generationScale;
    if (index >= this.slotCount || this.objects[index] === undefined || this.generations[index] !== generation) return undefined;
    return index;
  }
}
