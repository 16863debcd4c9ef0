// vkCreateShaderModule and vkDestroyShaderModule.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { ShaderModule, SPIRV_MAGIC } from '../objects/shader-module.js';

export function vkCreateShaderModule(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pShaderModule: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateShaderModule');
  const info = readStruct(vk.heap, pCreateInfo, S.VkShaderModuleCreateInfo, VkStructureType.SHADER_MODULE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pShaderModule, 8, 'pShaderModule');
  const codeSize = info.u32('codeSize');
  const pCode = info.ptr('pCode');
  if (codeSize < 20 || codeSize % 4 !== 0) {
    throw new VkFailure(VkResult.ERROR_INVALID_SHADER_NV, `codeSize ${codeSize} is not a SPIR-V module (a multiple of 4, at least the 5-word header)`);
  }
  requirePointer(vk.heap, pCode, codeSize, 'pCode');
  const words = new Uint32Array(codeSize / 4);
  new Uint8Array(words.buffer).set(vk.heap.u8.subarray(pCode, pCode + codeSize));
  if (words[0] !== SPIRV_MAGIC) throw new VkFailure(VkResult.ERROR_INVALID_SHADER_NV, `bad SPIR-V magic 0x${words[0].toString(16)}`);
  writeHandle64(vk.heap, pShaderModule, vk.handles.shaderModules.insert(new ShaderModule(device, words)));
  return VkResult.SUCCESS;
}

export function vkDestroyShaderModule(vk: ShimState, deviceHandle: number, moduleHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyShaderModule');
  if (handleArg(moduleHandle) === 0) return;
  vk.handles.shaderModules.get(moduleHandle, 'vkDestroyShaderModule');
  vk.handles.shaderModules.remove(handleArg(moduleHandle));
}
