// What every entry point works with: the wasm heap, the validation log, the handle registry,
// the GPU source, and whether the caller can be suspended.

import { Heap, type HeapHost } from '../abi/heap.js';
import { ValidationLog } from '../validation.js';
import { HandleRegistry } from './registry.js';
import type { GpuSource } from '../objects/physical-device.js';

export class ShimState {
  readonly heap: Heap;
  readonly validation = new ValidationLog();
  readonly handles = new HandleRegistry();
  /** How many callers up the stack can be suspended (VulkanShim.suspending raises it). */
  protected suspendDepth = 0;

  constructor(
    host: HeapHost,
    readonly source: GpuSource,
  ) {
    this.heap = new Heap(host);
  }

  /**
   * Whether a waiting entry point may return a promise for Asyncify to wait on. When not, it
   * answers at once (VK_TIMEOUT) rather than unwinding a wasm stack that nobody would rewind.
   */
  get canSuspend(): boolean {
    return this.suspendDepth > 0;
  }
}
