// Push constants on WebGPU, which has none: the translator turns a shader's push constant block
// into a uniform buffer in the set after the pipeline layout's own (shim/spirv/passes/
// push-constants.ts), bound per dispatch (commands/push-constants.ts).

import { ShaderStage } from '../webgpu/flags.js';

/** maxPushConstantsSize: Vulkan's guaranteed minimum, which most compute programs stay within. */
export const MAX_PUSH_CONSTANTS_SIZE = 128;

/** The bind group layout entry of the push constant set (binding 0, a dynamic uniform buffer). */
export const PUSH_CONSTANT_ENTRY: GPUBindGroupLayoutEntry = {
  binding: 0,
  visibility: ShaderStage.COMPUTE,
  buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: MAX_PUSH_CONSTANTS_SIZE },
};
