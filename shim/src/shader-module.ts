// VkShaderModule: SPIR-V words kept as given. Translation to WGSL needs the entry point, which
// only vkCreateComputePipelines names, so it happens there (once per module and entry point).

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';
import type { TranslationResult } from '../spirv/translate.js';

const SPIRV_MAGIC = 0x07230203;

export class ShaderModule {
  /** Translations by entry point name (and specialization values, when there are any). */
  readonly translations = new Map<string, TranslationResult>();
  constructor(
    readonly device: Device,
    readonly words: Uint32Array,
  ) {}
}

export function lookupShaderModule(vk: VulkanShim, handle: unknown, entryPoint: string): ShaderModule {
  const m = vk.shaderModules.lookup(handleArg(handle));
  if (!m) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkShaderModule ${String(handle)}`);
  return m;
}

export function vkCreateShaderModule(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pShaderModule: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateShaderModule');
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
  writeHandle64(vk.heap, pShaderModule, vk.shaderModules.insert(new ShaderModule(device, words)));
  return VkResult.SUCCESS;
}

export function vkDestroyShaderModule(vk: VulkanShim, deviceHandle: number, moduleHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyShaderModule');
  if (handleArg(moduleHandle) === 0) return;
  lookupShaderModule(vk, moduleHandle, 'vkDestroyShaderModule');
  vk.shaderModules.remove(handleArg(moduleHandle));
}
