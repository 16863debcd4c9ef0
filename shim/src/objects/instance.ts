// VkInstance: the entry to the shim. It owns one physical device, the WebGPU adapter (or the
// caller's GPUDevice) that the shim was created with.

export const SHIM_API_VERSION = (1 << 22) | (3 << 12);

export class Instance {
  constructor(
    /** Handles of its physical devices (one). */
    readonly physicalDevices: number[],
    readonly apiVersion: number,
  ) {}
}
