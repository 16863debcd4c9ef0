// VkFence: signalled when the submission it was given to has completed, host-visible results
// included (commands/queue.ts settles it).

import type { Device } from './device.js';

export class Fence {
  pending: Promise<void> | undefined;
  /** Why WebGPU rejected the submission that signalled the fence, if it did. */
  rejected: string | undefined;
  constructor(
    readonly device: Device,
    public signaled: boolean,
  ) {}
}
