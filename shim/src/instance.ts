// VkInstance: the entry to the shim. It owns one physical device, the WebGPU adapter (or the
// caller's GPUDevice) that the shim was created with.

import type { VulkanShim } from './vulkan.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { PhysicalDevice } from './physical-device.js';
import { readStruct, writeHandle32, enumerateInto } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';

export const SHIM_API_VERSION = (1 << 22) | (3 << 12);

export class Instance {
  constructor(
    readonly physicalDevices: number[],
    readonly apiVersion: number,
  ) {}
}

/** Extensions the shim offers, with their spec versions; anything else asked for is VK_ERROR_EXTENSION_NOT_PRESENT. */
const INSTANCE_EXTENSIONS = new Map([['VK_EXT_debug_utils', 2]]); // debug-utils.ts

export function lookupInstance(vk: VulkanShim, handle: number, entryPoint: string): Instance {
  const instance = vk.instances.lookup(handle);
  if (!instance) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, `${entryPoint}: invalid VkInstance ${handle}`);
  return instance;
}

export function vkEnumerateInstanceVersion(vk: VulkanShim, pApiVersion: number): VkResult {
  if (!vk.heap.inBounds(pApiVersion, 4)) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'pApiVersion is NULL');
  vk.heap.setU32(pApiVersion, SHIM_API_VERSION);
  return VkResult.SUCCESS;
}

export function vkEnumerateInstanceExtensionProperties(vk: VulkanShim, pLayerName: number, pCount: number, pProperties: number): VkResult {
  if (pLayerName !== 0) return VkResult.ERROR_LAYER_NOT_PRESENT;
  return enumerateInto(vk.heap, pCount, pProperties, S.VkExtensionProperties.size, [...INSTANCE_EXTENSIONS], (ptr, [name, version]) => {
    vk.heap.setCString(ptr + S.VkExtensionProperties.offsets.extensionName, 256, name);
    vk.heap.setU32(ptr + S.VkExtensionProperties.offsets.specVersion, version);
  });
}

export function vkEnumerateInstanceLayerProperties(vk: VulkanShim, pCount: number, _pProperties: number): VkResult {
  return enumerateInto(vk.heap, pCount, 0, 0, [], () => undefined);
}

export function vkCreateInstance(vk: VulkanShim, pCreateInfo: number, _pAllocator: number, pInstance: number): VkResult {
  const info = readStruct(vk.heap, pCreateInfo, S.VkInstanceCreateInfo, VkStructureType.INSTANCE_CREATE_INFO, 'pCreateInfo');
  if (!vk.heap.inBounds(pInstance, 4)) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'pInstance is NULL');
  const h = vk.heap;
  if (info.u32('enabledLayerCount') > 0) return VkResult.ERROR_LAYER_NOT_PRESENT;
  const extCount = info.u32('enabledExtensionCount');
  const names = info.ptr('ppEnabledExtensionNames');
  for (let i = 0; i < extCount; i++) {
    const name = h.cstring(h.u32(names + 4 * i));
    if (!INSTANCE_EXTENSIONS.has(name)) {
      throw new VkFailure(VkResult.ERROR_EXTENSION_NOT_PRESENT, `instance extension ${name} is not offered`);
    }
  }
  const app = info.ptr('pApplicationInfo');
  const apiVersion = app ? h.u32(app + S.VkApplicationInfo.offsets.apiVersion) || SHIM_API_VERSION : SHIM_API_VERSION;
  const physical = new PhysicalDevice(vk.source);
  const instance = new Instance([vk.physicalDevices.insert(physical)], apiVersion);
  writeHandle32(h, pInstance, vk.instances.insert(instance));
  return VkResult.SUCCESS;
}

export function vkDestroyInstance(vk: VulkanShim, instanceHandle: number, _pAllocator: number): void {
  if (instanceHandle === 0) return;
  const instance = lookupInstance(vk, instanceHandle, 'vkDestroyInstance');
  for (const d of vk.devices.values()) {
    if (instance.physicalDevices.some((p) => vk.physicalDevices.lookup(p) === d.physical)) {
      vk.validation.report('vkDestroyInstance', 'a VkDevice of this instance is still alive');
    }
  }
  for (const p of instance.physicalDevices) vk.physicalDevices.remove(p);
  vk.instances.remove(instanceHandle);
}

export function vkEnumeratePhysicalDevices(vk: VulkanShim, instanceHandle: number, pCount: number, pDevices: number): VkResult {
  const instance = lookupInstance(vk, instanceHandle, 'vkEnumeratePhysicalDevices');
  return enumerateInto(vk.heap, pCount, pDevices, 4, instance.physicalDevices, (ptr, handle) => writeHandle32(vk.heap, ptr, handle));
}
