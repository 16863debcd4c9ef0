// The pipeline calls: pipeline layouts and caches, and vkCreateComputePipelines, which reads each
// stage (its shader module, entry point and specialization) and builds the pipelines that
// objects/pipeline.ts describes. When the caller can be suspended it waits for WebGPU's verdict,
// so a shader WebGPU rejects fails the call itself instead of a later dispatch.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, readArray, requirePointer, writeHandle64, handleArg, StructReader } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import type { TranslationResult } from '../../spirv/translate.js';
import { PipelineLayout, PipelineCache, Pipeline, pipelineDescriptor, type PipelineSource } from '../objects/pipeline.js';
import { MAX_PUSH_CONSTANTS_SIZE } from '../objects/push-constants.js';

export function vkCreatePipelineLayout(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pLayout: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreatePipelineLayout');
  const info = readStruct(vk.heap, pCreateInfo, S.VkPipelineLayoutCreateInfo, VkStructureType.PIPELINE_LAYOUT_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pLayout, 8, 'pPipelineLayout');
  const count = info.u32('setLayoutCount');
  const ptr = info.ptr('pSetLayouts');
  if (count > 0) requirePointer(vk.heap, ptr, 8 * count, 'pSetLayouts');
  if (count > device.gpu.limits.maxBindGroups) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${count} descriptor sets exceed maxBoundDescriptorSets ${device.gpu.limits.maxBindGroups}`);
  }
  const setLayouts = Array.from({ length: count }, (_, i) => vk.handles.descriptorSetLayouts.get(vk.heap.u64(ptr + 8 * i), 'vkCreatePipelineLayout'));
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
  writeHandle64(vk.heap, pLayout, vk.handles.pipelineLayouts.insert(new PipelineLayout(device, setLayouts, pushConstantBytes)));
  return VkResult.SUCCESS;
}

export function vkDestroyPipelineLayout(vk: ShimState, deviceHandle: number, layoutHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyPipelineLayout');
  if (handleArg(layoutHandle) === 0) return;
  vk.handles.pipelineLayouts.get(layoutHandle, 'vkDestroyPipelineLayout');
  vk.handles.pipelineLayouts.remove(handleArg(layoutHandle));
}

export function vkCreatePipelineCache(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pCache: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreatePipelineCache');
  readStruct(vk.heap, pCreateInfo, S.VkPipelineCacheCreateInfo, VkStructureType.PIPELINE_CACHE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pCache, 8, 'pPipelineCache');
  writeHandle64(vk.heap, pCache, vk.handles.pipelineCaches.insert(new PipelineCache(device)));
  return VkResult.SUCCESS;
}

export function vkDestroyPipelineCache(vk: ShimState, deviceHandle: number, cacheHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyPipelineCache');
  if (handleArg(cacheHandle) === 0) return;
  if (!vk.handles.pipelineCaches.lookup(handleArg(cacheHandle))) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkDestroyPipelineCache: invalid VkPipelineCache');
  vk.handles.pipelineCaches.remove(handleArg(cacheHandle));
}

/** The stage's VkSpecializationInfo as values by constant ID, and a key naming them for the cache. */
function specialization(vk: ShimState, stage: StructReader): { values: Map<number, Uint8Array>; key: string } {
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

function translate(vk: ShimState, stage: StructReader, pushConstantSet: number): { translation: TranslationResult; source: PipelineSource } {
  const module = vk.handles.shaderModules.get(stage.handle('module'), 'vkCreateComputePipelines');
  const entryPoint = vk.heap.cstring(stage.ptr('pName'), 256);
  const spec = specialization(vk, stage);
  const translation = module.translate(entryPoint, spec.values, spec.key, pushConstantSet);
  return { translation, source: { words: module.words, entryPoint, specialization: spec.values, pushConstantSet } };
}

type Prepared = ReturnType<typeof pipelineDescriptor> & { layout: PipelineLayout; translation: TranslationResult; source: PipelineSource };

export function vkCreateComputePipelines(vk: ShimState, deviceHandle: number, _cache: unknown, count: number, pCreateInfos: number, _pAllocator: number, pPipelines: number): VkResult | Promise<VkResult> {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateComputePipelines');
  const infos = readArray(vk.heap, pCreateInfos, count, S.VkComputePipelineCreateInfo, 'pCreateInfos');
  requirePointer(vk.heap, pPipelines, 8 * count, 'pPipelines');
  for (let i = 0; i < count; i++) vk.heap.setU64(pPipelines + 8 * i, 0);
  // Where the caller can wait, the batch has two or more pipelines and the GPU source asks for
  // it (GpuSource.parallelPipelines), each compiles with createComputePipelineAsync, started as
  // soon as its stage is translated: Dawn compiles them on its worker threads, alongside each
  // other and the translation of the next stage, and the caller suspends once for the batch.
  // Otherwise they compile in place with createComputePipeline: Dawn's Node binding polls for
  // async completions on the main thread, which pays only where cores are left to overlap.
  // A pipeline compiled before from the same WGSL and layouts (a module loaded again) is reused;
  // only pipelines WebGPU accepted are kept for that. Errors of the whole batch come from one
  // pair of error scopes (createShaderModule reports there whichever form follows) and from the
  // async pipelines' own rejections.
  const parallel = vk.canSuspend && count > 1 && vk.source.parallelPipelines === true;
  const prepared: Prepared[] = [];
  const made: (GPUComputePipeline | Promise<GPUComputePipeline>)[] = [];
  let failure: unknown;
  device.gpu.pushErrorScope('internal');
  device.gpu.pushErrorScope('validation');
  try {
    for (const info of infos) {
      if (info.u32('sType') !== VkStructureType.COMPUTE_PIPELINE_CREATE_INFO) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'VkComputePipelineCreateInfo has the wrong sType');
      const layout = vk.handles.pipelineLayouts.get(info.handle('layout'), 'vkCreateComputePipelines');
      const stage = new StructReader(vk.heap, info.offset('stage'), S.VkPipelineShaderStageCreateInfo);
      const { translation, source } = translate(vk, stage, layout.setLayouts.length);
      const p: Prepared = { layout, translation, source, ...pipelineDescriptor(device, layout, translation) };
      prepared.push(p);
      if (parallel) made.push(device.recentPipelines.get(p.key) ?? device.gpu.createComputePipelineAsync(p.descriptor()));
    }
    // One after another, every stage is translated first: a stage the shim refuses (a
    // deterministic device's refusals, which the runtime then retries task by task) costs no
    // compilation of the others.
    if (!parallel) for (const p of prepared) made.push(device.recentPipelines.get(p.key) ?? device.gpu.createComputePipeline(p.descriptor()));
  } catch (e) {
    failure = e;
  }
  const errors = Promise.all([device.gpu.popErrorScope(), device.gpu.popErrorScope()]).then((scopes) => scopes.find((e) => e !== null) ?? null);
  if (failure !== undefined) {
    // Pipelines already started settle unobserved: nothing of this call is kept.
    for (const m of made) if (m instanceof Promise) m.catch(() => {});
    errors.catch(() => {});
    throw failure;
  }
  const finish = (gpuPipelines: GPUComputePipeline[]): VkResult => {
    gpuPipelines.forEach((gpu, i) => {
      const p = prepared[i];
      const pipeline = new Pipeline(device, p.layout, gpu, p.groups, p.translation.workgroupSize, p.translation.wgsl, p.translation.gridStride, p.translation.oneInvocation === true, p.pushConstants, p.source);
      writeHandle64(vk.heap, pPipelines + 8 * i, vk.handles.pipelines.insert(pipeline));
    });
    return VkResult.SUCCESS;
  };
  const keep = (gpuPipelines: GPUComputePipeline[]): void => prepared.forEach((p, i) => device.recentPipelines.set(p.key, gpuPipelines[i]));
  if (!vk.canSuspend) {
    const gpuPipelines = made as GPUComputePipeline[];
    void errors.then((error) => {
      if (error) vk.validation.report('vkCreateComputePipelines', `WebGPU rejected the pipeline: ${error.message}`);
      else keep(gpuPipelines);
    });
    return finish(gpuPipelines);
  }
  return Promise.allSettled([errors, Promise.all(made)]).then(([scoped, compiled]) => {
    // Not INVALID_SHADER: the SPIR-V was read; its translation is what WebGPU refused.
    const rejected = (reason: unknown): VkFailure => new VkFailure(VkResult.ERROR_UNKNOWN, `WebGPU rejected the translated pipeline: ${reason instanceof Error || (typeof reason === 'object' && reason !== null && 'message' in reason) ? (reason as { message: string }).message : String(reason)}`);
    if (scoped.status === 'rejected') throw rejected(scoped.reason);
    if (scoped.value) throw rejected(scoped.value);
    if (compiled.status === 'rejected') throw rejected(compiled.reason);
    keep(compiled.value);
    return finish(compiled.value);
  });
}

export function vkDestroyPipeline(vk: ShimState, deviceHandle: number, pipelineHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyPipeline');
  if (handleArg(pipelineHandle) === 0) return;
  vk.handles.pipelines.get(pipelineHandle, 'vkDestroyPipeline');
  vk.handles.pipelines.remove(handleArg(pipelineHandle));
}
