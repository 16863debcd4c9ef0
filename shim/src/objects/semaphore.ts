// VkSemaphore: ordering between submissions of one in-order WebGPU queue is implicit, so a
// binary semaphore is only an object to validate.

import type { Device } from './device.js';

export class Semaphore {
  constructor(readonly device: Device) {}
}
