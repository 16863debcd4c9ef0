// Pipeline layouts, pipeline caches and compute pipelines. vkCreateComputePipelines translates
// the stage's SPIR-V to WGSL and builds the GPUComputePipeline with explicit bind group layouts
// made from the translator's reflection, checked against the Vulkan descriptor set layouts.
// When the caller can be suspended it waits for createComputePipelineAsync, so a shader WebGPU
// rejects fails the call itself instead of a later dispatch.

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { lookupShaderModule } from './shader-module.js';
import { lookupSetLayout, type DescriptorSetLayout } from './descriptor.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, StructReader } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType, VkDescriptorType } from './abi/vk-enums.js';
import { ShaderStage } from './webgpu-flags.js';
import { translateSpirv, type TranslationResult, type BindingReflection, type GridStride, type AliasGroup } from '../spirv/translate.js';
import { SpirvTranslationError } from '../spirv/errors.js';
import { MAX_PUSH_CONSTANTS_SIZE, PUSH_CONSTANT_ENTRY } from './push-constants.js';

export class PipelineLayout {
  constructor(
    readonly device: Device,
    readonly setLayouts: DescriptorSetLayout[],
    /** The end of the furthest VkPushConstantRange (0: none). */
    readonly pushConstantBytes: number,
  ) {}
}

export class PipelineCache {
  constructor(readonly device: Device) {}
}

/** What a dispatch needs per bind group of the pipeline. */
export interface PipelineGroup {
  layout: GPUBindGroupLayout;
  /** Bindings the shader declares, in order. */
  bindings: number[];
  /** Of those, the dynamic ones in binding order (their offsets go to setBindGroup). */
  dynamicBindings: number[];
  /** Of those, the storage buffers, and the ones the shader writes. */
  storageBindings: number[];
  writtenBindings: number[];
  /** Samplers split off combined image samplers: their binding -> the Vulkan binding holding them. */
  combinedSamplers: Map<number, number>;
  /** In a variant for aliased bindings (alias.ts): a merged binding -> the Vulkan bindings whose ranges it spans. */
  merged: Map<number, readonly number[]>;
}

/** A storage buffer binding the shader declares, for the aliasing check of each dispatch (alias.ts). */
export interface StorageBinding {
  set: number;
  binding: number;
  written: boolean;
}

/** What a pipeline was translated from, so variants can be made from the same SPIR-V. */
/** What a variant of the pipeline is translated from again (alias.ts). */
export interface PipelineSource {
  words: Uint32Array;
  entryPoint: string;
  specialization: Map<number, Uint8Array>;
  pushConstantSet: number;
}

export class Pipeline {
  constructor(
    readonly device: Device,
    readonly layout: PipelineLayout,
    readonly gpu: GPUComputePipeline,
    /** Indexed by set number; undefined for sets the shader does not use. */
    readonly groups: (PipelineGroup | undefined)[],
    readonly workgroupSize: [number, number, number],
    readonly wgsl: string,
    /** Set when a dispatch needs only the workgroups its loop range fills (encode.ts). */
    readonly gridStride: GridStride | undefined,
    /** The set and layout of the shader's push constants, bound per dispatch (push-constants.ts). */
    readonly pushConstants: { set: number; layout: GPUBindGroupLayout } | undefined,
    readonly source: PipelineSource,
  ) {
    this.storageBindings = groups.flatMap((g, set) => (g ? g.storageBindings.map((binding) => ({ set, binding, written: g.writtenBindings.includes(binding) })) : []));
  }

  readonly storageBindings: readonly StorageBinding[];
  /** Variants for aliased bindings, by aliasing pattern (alias.ts). */
  readonly variants = new Map<string, Pipeline>();
}

export function lookupPipelineLayout(vk: VulkanShim, handle: unknown, entryPoint: string): PipelineLayout {
  const l = vk.pipelineLayouts.lookup(handleArg(handle));
  if (!l) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkPipelineLayout ${String(handle)}`);
  return l;
}

export function lookupPipeline(vk: VulkanShim, handle: unknown, entryPoint: string): Pipeline {
  const p = vk.pipelines.lookup(handleArg(handle));
  if (!p) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkPipeline ${String(handle)}`);
  return p;
}

export function vkCreatePipelineLayout(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pLayout: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreatePipelineLayout');
  const info = readStruct(vk.heap, pCreateInfo, S.VkPipelineLayoutCreateInfo, VkStructureType.PIPELINE_LAYOUT_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pLayout, 8, 'pPipelineLayout');
  const count = info.u32('setLayoutCount');
  const ptr = info.ptr('pSetLayouts');
  if (count > 0) requirePointer(vk.heap, ptr, 8 * count, 'pSetLayouts');
  if (count > device.gpu.limits.maxBindGroups) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${count} descriptor sets exceed maxBoundDescriptorSets ${device.gpu.limits.maxBindGroups}`);
  }
  const setLayouts = Array.from({ length: count }, (_, i) => lookupSetLayout(vk, vk.heap.u64(ptr + 8 * i), 'vkCreatePipelineLayout'));
  const ranges = readArray(vk.heap, info.ptr('pPushConstantRanges'), info.u32('pushConstantRangeCount'), S.VkPushConstantRange, 'pPushConstantRanges');
  let pushConstantBytes = 0;
  for (const r of ranges) {
    const [offset, size] = [r.u32('offset'), r.u32('size')];
    if (offset % 4 !== 0 || size % 4 !== 0 || size === 0 || offset + size > MAX_PUSH_CONSTANTS_SIZE) {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `push constant range ${offset}+${size}: offset and size must be multiples of 4, size above 0, and the end within maxPushConstantsSize ${MAX_PUSH_CONSTANTS_SIZE}`);
    }
    pushConstantBytes = Math.max(pushConstantBytes, offset + size);
  }
  // The push constants take a bind group of their own, after the sets.
  if (pushConstantBytes > 0 && count + 1 > device.gpu.limits.maxBindGroups) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${count} descriptor sets and push constants exceed WebGPU's ${device.gpu.limits.maxBindGroups} bind groups`);
  }
  writeHandle64(vk.heap, pLayout, vk.pipelineLayouts.insert(new PipelineLayout(device, setLayouts, pushConstantBytes)));
  return VkResult.SUCCESS;
}

export function vkDestroyPipelineLayout(vk: VulkanShim, deviceHandle: number, layoutHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyPipelineLayout');
  if (handleArg(layoutHandle) === 0) return;
  lookupPipelineLayout(vk, layoutHandle, 'vkDestroyPipelineLayout');
  vk.pipelineLayouts.remove(handleArg(layoutHandle));
}

export function vkCreatePipelineCache(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pCache: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreatePipelineCache');
  readStruct(vk.heap, pCreateInfo, S.VkPipelineCacheCreateInfo, VkStructureType.PIPELINE_CACHE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pCache, 8, 'pPipelineCache');
  writeHandle64(vk.heap, pCache, vk.pipelineCaches.insert(new PipelineCache(device)));
  return VkResult.SUCCESS;
}

export function vkDestroyPipelineCache(vk: VulkanShim, deviceHandle: number, cacheHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyPipelineCache');
  if (handleArg(cacheHandle) === 0) return;
  if (!vk.pipelineCaches.lookup(handleArg(cacheHandle))) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkDestroyPipelineCache: invalid VkPipelineCache');
  vk.pipelineCaches.remove(handleArg(cacheHandle));
}

const bindGroupLayouts = new WeakMap<GPUDevice, Map<string, GPUBindGroupLayout>>();

/** Equal entries give the same GPUBindGroupLayout, so bind groups are shared between pipelines. */
function cachedBindGroupLayout(gpu: GPUDevice, entries: GPUBindGroupLayoutEntry[]): GPUBindGroupLayout {
  let cache = bindGroupLayouts.get(gpu);
  if (!cache) bindGroupLayouts.set(gpu, (cache = new Map()));
  const key = JSON.stringify(entries);
  let layout = cache.get(key);
  if (!layout) {
    layout = gpu.createBindGroupLayout({ entries });
    cache.set(key, layout);
  }
  return layout;
}

const STORAGE_ACCESS: Record<string, GPUStorageTextureAccess> = { read: 'read-only', write: 'write-only', read_write: 'read-write' };

/** The layout entry of a texture or sampler binding, from the translator's reflection. */
function imageLayoutEntry(r: BindingReflection, declared: number, where: string): GPUBindGroupLayoutEntry {
  const mismatch = (): VkFailure => new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: the shader's ${r.kind} binding does not match descriptor type ${declared} of the pipeline layout`);
  const visibility = ShaderStage.COMPUTE;
  switch (r.kind) {
    case 'sampled-texture':
      if (declared !== VkDescriptorType.SAMPLED_IMAGE && declared !== VkDescriptorType.COMBINED_IMAGE_SAMPLER) throw mismatch();
      return { binding: r.binding, visibility, texture: { sampleType: r.sampleType, viewDimension: r.viewDimension } };
    case 'storage-texture':
      if (declared !== VkDescriptorType.STORAGE_IMAGE) throw mismatch();
      return { binding: r.binding, visibility, storageTexture: { access: STORAGE_ACCESS[r.access ?? 'read_write'], format: r.format!, viewDimension: r.viewDimension } };
    default: {
      const combined = r.combinedWith !== undefined;
      if ((combined && declared !== VkDescriptorType.COMBINED_IMAGE_SAMPLER) || (!combined && declared !== VkDescriptorType.SAMPLER)) throw mismatch();
      // A filtering binding also takes non-filtering samplers; comparison samplers are not supported.
      return { binding: r.binding, visibility, sampler: { type: 'filtering' } };
    }
  }
}

function layoutEntry(r: BindingReflection, declared: number, where: string): GPUBindGroupLayoutEntry {
  if (r.kind === 'sampled-texture' || r.kind === 'storage-texture' || r.kind === 'sampler') return imageLayoutEntry(r, declared, where);
  const dynamic = declared === VkDescriptorType.UNIFORM_BUFFER_DYNAMIC || declared === VkDescriptorType.STORAGE_BUFFER_DYNAMIC;
  const isUniform = declared === VkDescriptorType.UNIFORM_BUFFER || declared === VkDescriptorType.UNIFORM_BUFFER_DYNAMIC;
  const isStorage = declared === VkDescriptorType.STORAGE_BUFFER || declared === VkDescriptorType.STORAGE_BUFFER_DYNAMIC;
  if ((r.kind === 'uniform' && !isUniform) || (r.kind === 'storage' && !isStorage) || (r.kind !== 'uniform' && r.kind !== 'storage')) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${where}: the shader's ${r.kind} binding does not match descriptor type ${declared} of the pipeline layout`);
  }
  const type = isUniform ? 'uniform' : r.access === 'read' ? 'read-only-storage' : 'storage';
  return { binding: r.binding, visibility: ShaderStage.COMPUTE, buffer: { type, hasDynamicOffset: dynamic } };
}

function pipelineGroups(device: Device, layout: PipelineLayout, translation: TranslationResult): (PipelineGroup | undefined)[] {
  const groups: (PipelineGroup | undefined)[] = [];
  const bySet = new Map<number, BindingReflection[]>();
  for (const b of translation.bindings) {
    if (b.set === translation.pushConstantSet) continue;
    const list = bySet.get(b.set) ?? [];
    list.push(b);
    bySet.set(b.set, list);
  }
  for (const [set, reflected] of bySet) {
    const setLayout = layout.setLayouts[set];
    if (!setLayout) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `the shader uses descriptor set ${set}, which the pipeline layout lacks`);
    reflected.sort((a, b) => a.binding - b.binding);
    const entries = reflected.map((r) => {
      const vulkanBinding = r.combinedWith ?? r.binding;
      const declared = setLayout.bindings.get(vulkanBinding);
      if (!declared) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `the shader uses set ${set} binding ${vulkanBinding}, which its layout lacks`);
      return layoutEntry(r, declared.type, `set ${set} binding ${vulkanBinding}`);
    });
    groups[set] = {
      layout: cachedBindGroupLayout(device.gpu, entries),
      bindings: reflected.map((r) => r.binding),
      dynamicBindings: entries.filter((e) => e.buffer?.hasDynamicOffset).map((e) => e.binding),
      storageBindings: reflected.filter((r) => r.kind === 'storage').map((r) => r.binding),
      writtenBindings: reflected.filter((r) => r.kind === 'storage' && r.access !== 'read').map((r) => r.binding),
      combinedSamplers: new Map(reflected.flatMap((r) => (r.combinedWith === undefined ? [] : [[r.binding, r.combinedWith] as const]))),
      merged: new Map(),
    };
  }
  return groups;
}

/** The bind group layout of the shader's push constants, checked against the pipeline layout's ranges. */
function pushConstantGroup(device: Device, layout: PipelineLayout, translation: TranslationResult): { set: number; layout: GPUBindGroupLayout } | undefined {
  const set = translation.pushConstantSet;
  if (set === undefined) return undefined;
  const size = translation.bindings.find((b) => b.set === set)?.minSize ?? 0;
  if (layout.pushConstantBytes === 0) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'the shader has push constants, and the pipeline layout has no push constant range');
  if (size > MAX_PUSH_CONSTANTS_SIZE) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `the shader's push constant block of ${size} bytes exceeds maxPushConstantsSize ${MAX_PUSH_CONSTANTS_SIZE}`);
  return { set, layout: cachedBindGroupLayout(device.gpu, [PUSH_CONSTANT_ENTRY]) };
}

/** The stage's VkSpecializationInfo as values by constant ID, and a key naming them for the cache. */
function specialization(vk: VulkanShim, stage: StructReader): { values: Map<number, Uint8Array>; key: string } {
  const values = new Map<number, Uint8Array>();
  const ptr = stage.ptr('pSpecializationInfo');
  if (ptr === 0) return { values, key: '' };
  const info = readStruct(vk.heap, ptr, S.VkSpecializationInfo, undefined, 'pSpecializationInfo');
  const dataSize = info.u32('dataSize');
  const pData = info.ptr('pData');
  if (dataSize > 0) requirePointer(vk.heap, pData, dataSize, 'pSpecializationInfo->pData');
  const entries = readArray(vk.heap, info.ptr('pMapEntries'), info.u32('mapEntryCount'), S.VkSpecializationMapEntry, 'pSpecializationInfo->pMapEntries');
  for (const e of entries) {
    const [id, offset, size] = [e.u32('constantID'), e.u32('offset'), e.u32('size')];
    if (size === 0 || size > 8 || offset + size > dataSize) {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `specialization constant ${id}: ${size} bytes at offset ${offset} do not fit in dataSize ${dataSize}`);
    }
    values.set(id, vk.heap.u8.slice(pData + offset, pData + offset + size));
  }
  const key = [...values].sort(([a], [b]) => a - b).map(([id, bytes]) => `${id}:${Array.from(bytes).join('.')}`).join(',');
  return { values, key };
}

function translate(vk: VulkanShim, stage: StructReader, pushConstantSet: number): { translation: TranslationResult; source: PipelineSource } {
  const module = lookupShaderModule(vk, stage.handle('module'), 'vkCreateComputePipelines');
  const name = vk.heap.cstring(stage.ptr('pName'), 256);
  const spec = specialization(vk, stage);
  // One translation per entry point and set of specialization values.
  const cacheKey = `${name}\u0000${pushConstantSet}\u0000${spec.key}`;
  let translation = module.translations.get(cacheKey);
  if (!translation) {
    try {
      translation = translateSpirv(module.words, { entryPoint: name, f16: module.device.gpu.features.has('shader-f16'), specialization: spec.values, pushConstantSet });
    } catch (e) {
      if (e instanceof SpirvTranslationError) throw new VkFailure(VkResult.ERROR_INVALID_SHADER_NV, `SPIR-V to WGSL: ${e.message}`);
      throw e;
    }
    module.translations.set(cacheKey, translation);
  }
  return { translation, source: { words: module.words, entryPoint: name, specialization: spec.values, pushConstantSet } };
}

function pipelineDescriptor(
  device: Device,
  layout: PipelineLayout,
  translation: TranslationResult,
): { groups: (PipelineGroup | undefined)[]; descriptor: GPUComputePipelineDescriptor; pushConstants: { set: number; layout: GPUBindGroupLayout } | undefined } {
  const groups = pipelineGroups(device, layout, translation);
  const bindGroupLayouts = Array.from({ length: layout.setLayouts.length }, (_, i) => groups[i]?.layout ?? cachedBindGroupLayout(device.gpu, []));
  const pushConstants = pushConstantGroup(device, layout, translation);
  if (pushConstants) bindGroupLayouts.push(pushConstants.layout);
  const descriptor: GPUComputePipelineDescriptor = {
    layout: device.gpu.createPipelineLayout({ bindGroupLayouts }),
    compute: { module: device.gpu.createShaderModule({ code: translation.wgsl }), entryPoint: translation.entryPoint },
    label: `vkCreateComputePipelines ${translation.entryPoint}`,
  };
  return { groups, descriptor, pushConstants };
}

/**
 * The variant of `base` whose aliased bindings are one binding (passes/alias-bindings.ts), made
 * from the same SPIR-V. Throws SpirvTranslationError where the bindings cannot be merged.
 */
export function pipelineVariant(base: Pipeline, aliases: readonly AliasGroup[]): Pipeline {
  const { words, entryPoint, specialization, pushConstantSet } = base.source;
  const translation = translateSpirv(words, { entryPoint, f16: base.device.gpu.features.has('shader-f16'), specialization, pushConstantSet, aliases });
  const { groups, descriptor, pushConstants } = pipelineDescriptor(base.device, base.layout, translation);
  for (const a of aliases) groups[a.set]?.merged.set(a.bindings[0], a.bindings);
  const gpu = base.device.gpu.createComputePipeline(descriptor);
  return new Pipeline(base.device, base.layout, gpu, groups, translation.workgroupSize, translation.wgsl, base.gridStride, pushConstants, base.source);
}

export function vkCreateComputePipelines(vk: VulkanShim, deviceHandle: number, _cache: unknown, count: number, pCreateInfos: number, _pAllocator: number, pPipelines: number): VkResult | Promise<VkResult> {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateComputePipelines');
  const infos = readArray(vk.heap, pCreateInfos, count, S.VkComputePipelineCreateInfo, 'pCreateInfos');
  requirePointer(vk.heap, pPipelines, 8 * count, 'pPipelines');
  const prepared = infos.map((info) => {
    if (info.u32('sType') !== VkStructureType.COMPUTE_PIPELINE_CREATE_INFO) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkComputePipelineCreateInfo has the wrong sType');
    const layout = lookupPipelineLayout(vk, info.handle('layout'), 'vkCreateComputePipelines');
    const stage = new StructReader(vk.heap, info.offset('stage'), S.VkPipelineShaderStageCreateInfo);
    const { translation, source } = translate(vk, stage, layout.setLayouts.length);
    return { layout, translation, source, ...pipelineDescriptor(device, layout, translation) };
  });
  for (let i = 0; i < count; i++) vk.heap.setU64(pPipelines + 8 * i, 0);
  const finish = (gpuPipelines: GPUComputePipeline[]): VkResult => {
    gpuPipelines.forEach((gpu, i) => {
      const p = prepared[i];
      const pipeline = new Pipeline(device, p.layout, gpu, p.groups, p.translation.workgroupSize, p.translation.wgsl, p.translation.gridStride, p.pushConstants, p.source);
      writeHandle64(vk.heap, pPipelines + 8 * i, vk.pipelines.insert(pipeline));
    });
    return VkResult.SUCCESS;
  };
  // createComputePipeline, not its async form: Dawn in Node compiles in place, while the async
  // form's completion is polled on the main thread, which took twice as long on two cores; in a
  // browser both return at once and compile in the GPU process. Errors of the whole batch come
  // from one pair of error scopes, awaited when the caller can wait.
  device.gpu.pushErrorScope('internal');
  device.gpu.pushErrorScope('validation');
  const pipelines = prepared.map((p) => device.gpu.createComputePipeline(p.descriptor));
  const errors = Promise.all([device.gpu.popErrorScope(), device.gpu.popErrorScope()]).then((scopes) => scopes.find((e) => e !== null) ?? null);
  if (vk.suspendable === 0) {
    void errors.then((error) => {
      if (error) vk.validation.report('vkCreateComputePipelines', `WebGPU rejected the pipeline: ${error.message}`);
    });
    return finish(pipelines);
  }
  return errors.then((error) => {
    // Not INVALID_SHADER: the SPIR-V was read; its translation is what WebGPU refused.
    if (error) throw new VkFailure(VkResult.ERROR_UNKNOWN, `WebGPU rejected the translated pipeline: ${error.message}`);
    return finish(pipelines);
  });
}

export function vkDestroyPipeline(vk: VulkanShim, deviceHandle: number, pipelineHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyPipeline');
  if (handleArg(pipelineHandle) === 0) return;
  lookupPipeline(vk, pipelineHandle, 'vkDestroyPipeline');
  vk.pipelines.remove(handleArg(pipelineHandle));
}
