// Pipeline layouts, pipeline caches and compute pipelines. A compute pipeline is its stage's
// SPIR-V translated to WGSL (shader-module.ts) in a GPUComputePipeline with explicit bind group
// layouts, made from the translator's reflection and checked against the Vulkan descriptor set
// layouts.

import { VkResult, VkDescriptorType } from '../abi/vk-enums.js';
import { VkFailure } from '../validation.js';
import { ShaderStage } from '../webgpu/flags.js';
import { translateSpirv, type TranslationResult, type BindingReflection, type GridStride, type AliasGroup } from '../../spirv/translate.js';
import type { Device } from './device.js';
import type { DescriptorSetLayout } from './descriptor.js';
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
  /** In a variant for aliased bindings (commands/alias.ts): a merged binding -> the Vulkan bindings whose ranges it spans. */
  merged: Map<number, readonly number[]>;
}

/** A storage buffer binding the shader declares, for the aliasing check of each dispatch (commands/alias.ts). */
export interface StorageBinding {
  set: number;
  binding: number;
  written: boolean;
}

/** What a variant of the pipeline is translated from again (commands/alias.ts). */
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
    /** Set when a dispatch needs only the workgroups its loop range fills (commands/encode.ts). */
    readonly gridStride: GridStride | undefined,
    /** Deterministic mode: every dispatch is one workgroup of one invocation (spirv/passes/index-order.ts). */
    readonly oneInvocation: boolean,
    /** The set and layout of the shader's push constants, bound per dispatch (commands/push-constants.ts). */
    readonly pushConstants: { set: number; layout: GPUBindGroupLayout } | undefined,
    readonly source: PipelineSource,
  ) {
    this.storageBindings = groups.flatMap((g, set) => (g ? g.storageBindings.map((binding) => ({ set, binding, written: g.writtenBindings.includes(binding) })) : []));
  }

  readonly storageBindings: readonly StorageBinding[];
  /** Variants for aliased bindings, by aliasing pattern (commands/alias.ts). */
  readonly variants = new Map<string, Pipeline>();
}

const bindGroupLayouts = new WeakMap<GPUDevice, Map<string, GPUBindGroupLayout>>();
/** The entries each cached bind group layout was made from, as its cache key. */
const bindGroupLayoutKeys = new WeakMap<GPUBindGroupLayout, string>();

/** Equal entries give the same GPUBindGroupLayout, so bind groups are shared between pipelines. */
function cachedBindGroupLayout(gpu: GPUDevice, entries: GPUBindGroupLayoutEntry[]): GPUBindGroupLayout {
  let cache = bindGroupLayouts.get(gpu);
  if (!cache) bindGroupLayouts.set(gpu, (cache = new Map()));
  const key = JSON.stringify(entries);
  let layout = cache.get(key);
  if (!layout) {
    layout = gpu.createBindGroupLayout({ entries });
    cache.set(key, layout);
    bindGroupLayoutKeys.set(layout, key);
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

export function pipelineDescriptor(
  device: Device,
  layout: PipelineLayout,
  translation: TranslationResult,
): {
  groups: (PipelineGroup | undefined)[];
  descriptor: () => GPUComputePipelineDescriptor;
  /** What the GPU pipeline is made from, in full: equal keys make interchangeable pipelines (Device.recentPipelines). */
  key: string;
  pushConstants: { set: number; layout: GPUBindGroupLayout } | undefined;
} {
  const groups = pipelineGroups(device, layout, translation);
  const bindGroupLayouts = Array.from({ length: layout.setLayouts.length }, (_, i) => groups[i]?.layout ?? cachedBindGroupLayout(device.gpu, []));
  const pushConstants = pushConstantGroup(device, layout, translation);
  if (pushConstants) bindGroupLayouts.push(pushConstants.layout);
  const descriptor = (): GPUComputePipelineDescriptor => ({
    layout: device.gpu.createPipelineLayout({ bindGroupLayouts }),
    compute: { module: device.gpu.createShaderModule({ code: translation.wgsl }), entryPoint: translation.entryPoint },
    label: `vkCreateComputePipelines ${translation.entryPoint}`,
  });
  // Bind group layouts of equal entries are one object (cachedBindGroupLayout), so their keys name them.
  const key = [translation.entryPoint, ...bindGroupLayouts.map((l) => bindGroupLayoutKeys.get(l)), translation.wgsl].join('\u0000');
  return { groups, descriptor, key, pushConstants };
}

/**
 * The variant of `base` whose aliased bindings are one binding (passes/alias-bindings.ts), made
 * from the same SPIR-V. Throws SpirvTranslationError where the bindings cannot be merged.
 */
export function pipelineVariant(base: Pipeline, aliases: readonly AliasGroup[]): Pipeline {
  const { words, entryPoint, specialization, pushConstantSet } = base.source;
  const translation = translateSpirv(words, { entryPoint, f16: base.device.gpu.features.has('shader-f16'), subgroups: base.device.gpu.features.has('subgroups'), specialization, pushConstantSet, aliases, indexOrder: base.oneInvocation });
  const { groups, descriptor, pushConstants } = pipelineDescriptor(base.device, base.layout, translation);
  for (const a of aliases) groups[a.set]?.merged.set(a.bindings[0], a.bindings);
  const gpu = base.device.gpu.createComputePipeline(descriptor());
  return new Pipeline(base.device, base.layout, gpu, groups, translation.workgroupSize, translation.wgsl, base.gridStride, base.oneInvocation, pushConstants, base.source);
}
