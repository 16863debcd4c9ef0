// VkCommandPool: owns command buffers so that destroying or resetting the pool reaches them all.

import type { Device } from './device.js';

export class CommandPool {
  /** Handles of the command buffers allocated from this pool. */
  readonly commandBuffers = new Set<number>();
  constructor(
    readonly device: Device,
    readonly flags: number,
  ) {}
}
