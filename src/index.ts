/// <reference types="@webgpu/types" preserve="true" />
export { Runtime, type RuntimeOptions, type RuntimeDiagnostics } from './runtime.js';
export { type Capabilities, type CapabilityName } from './capabilities.js';
export { Memory, MemoryUsage, type MemoryAllocateOptions, type MemorySlice } from './memory.js';
export { TaichiError, type TaichiErrorCode } from './errors.js';
export { NdArray, type NdArrayOptions, type Shape } from './ndarray.js';
export { type DType, type DataTypeName } from './dtype.js';
export { decodeNpy, encodeNpy, type NpyArray } from './npy.js';
export { Image, ImageUsage, Sampler, type ImageAllocateOptions, type ImageDimension, type ImageFormat, type ImageRegion, type SamplerOptions, type TextureArgument } from './image.js';
export { AotModule, Kernel, ComputeGraph, type ModuleTypes, type UntypedModule, type ArgumentSignature, type KernelSignature, type GraphSignature, type ArgumentValue } from './module.js';
export { describeModule, type ModuleDescription } from './describe.js';
export { Event } from './event.js';
export { VulkanInterop, type VulkanRuntimeInfo, type VulkanMemoryInfo, type VulkanEventInfo, type VulkanImageInfo } from './interop.js';
export { runMain, type RunMainOptions, type MainResult } from './program.js';
