// VkSampler: a GPUSampler.

import type { Device } from './device.js';

export class Sampler {
  constructor(
    readonly device: Device,
    readonly gpu: GPUSampler,
    /** Some filter is linear: WebGPU calls it a filtering sampler. */
    readonly filtering: boolean,
  ) {}
}
