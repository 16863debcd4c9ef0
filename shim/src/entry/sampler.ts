// VkSampler: a GPUSampler. What WebGPU samplers lack (border colours, mirror-clamp, LOD bias,
// unnormalised coordinates) is refused; comparison samplers are refused because compute shaders
// here sample colour only.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkFilter, VkSamplerMipmapMode, VkSamplerAddressMode } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { Sampler } from '../objects/sampler.js';

function filter(value: number, field: string): GPUFilterMode {
  if (value === VkFilter.NEAREST) return 'nearest';
  if (value === VkFilter.LINEAR) return 'linear';
  throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `${field} ${value} is not a filter WebGPU has`);
}

const ADDRESS_MODES: Record<number, GPUAddressMode> = {
  [VkSamplerAddressMode.REPEAT]: 'repeat',
  [VkSamplerAddressMode.MIRRORED_REPEAT]: 'mirror-repeat',
  [VkSamplerAddressMode.CLAMP_TO_EDGE]: 'clamp-to-edge',
};

function addressMode(value: number, field: string): GPUAddressMode {
  const mode = ADDRESS_MODES[value];
  if (!mode) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, `${field} ${value}: WebGPU has only REPEAT, MIRRORED_REPEAT and CLAMP_TO_EDGE`);
  return mode;
}

export function vkCreateSampler(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pSampler: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateSampler');
  const info = readStruct(vk.heap, pCreateInfo, S.VkSamplerCreateInfo, VkStructureType.SAMPLER_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pSampler, 8, 'pSampler');
  const magFilter = filter(info.u32('magFilter'), 'magFilter');
  const minFilter = filter(info.u32('minFilter'), 'minFilter');
  const mipmapFilter: GPUMipmapFilterMode = info.u32('mipmapMode') === VkSamplerMipmapMode.LINEAR ? 'linear' : 'nearest';
  if (info.u32('compareEnable')) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'comparison samplers are not supported');
  if (info.u32('unnormalizedCoordinates')) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'WebGPU samplers have no unnormalized coordinates');
  if (info.f32('mipLodBias') !== 0) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'WebGPU samplers have no LOD bias (maxSamplerLodBias is 0)');
  const lodMinClamp = info.f32('minLod');
  const lodMaxClamp = info.f32('maxLod');
  if (!(lodMinClamp >= 0) || !(lodMaxClamp >= lodMinClamp)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `minLod ${lodMinClamp} and maxLod ${lodMaxClamp}: need 0 <= minLod <= maxLod`);
  }
  let maxAnisotropy = 1;
  if (info.u32('anisotropyEnable')) {
    maxAnisotropy = Math.min(16, Math.max(1, Math.floor(info.f32('maxAnisotropy')) || 1));
    // WebGPU allows anisotropy only when every filter is linear; Vulkan does not mind, so drop it.
    if (maxAnisotropy > 1 && (magFilter !== 'linear' || minFilter !== 'linear' || mipmapFilter !== 'linear')) {
      vk.validation.report('vkCreateSampler', `maxAnisotropy ${maxAnisotropy} ignored: WebGPU needs linear mag, min and mipmap filters for anisotropy`);
      maxAnisotropy = 1;
    }
  }
  const gpu = device.gpu.createSampler({
    magFilter,
    minFilter,
    mipmapFilter,
    addressModeU: addressMode(info.u32('addressModeU'), 'addressModeU'),
    addressModeV: addressMode(info.u32('addressModeV'), 'addressModeV'),
    addressModeW: addressMode(info.u32('addressModeW'), 'addressModeW'),
    lodMinClamp,
    lodMaxClamp,
    maxAnisotropy,
    label: 'VkSampler',
  });
  const filtering = magFilter === 'linear' || minFilter === 'linear' || mipmapFilter === 'linear';
  writeHandle64(vk.heap, pSampler, vk.handles.samplers.insert(new Sampler(device, gpu, filtering)));
  return VkResult.SUCCESS;
}

export function vkDestroySampler(vk: ShimState, deviceHandle: number, samplerHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroySampler');
  if (handleArg(samplerHandle) === 0) return;
  vk.handles.samplers.get(samplerHandle, 'vkDestroySampler');
  vk.handles.samplers.remove(handleArg(samplerHandle));
}
