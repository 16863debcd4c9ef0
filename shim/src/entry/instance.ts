// vkCreateInstance and the instance-level queries: the version, the extensions offered, and the
// physical device.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, writeHandle32, enumerateInto } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { Instance, SHIM_API_VERSION } from '../objects/instance.js';
import { PhysicalDevice } from '../objects/physical-device.js';

/** Extensions the shim offers, with their spec versions; anything else asked for is VK_ERROR_EXTENSION_NOT_PRESENT. */
const INSTANCE_EXTENSIONS = new Map([['VK_EXT_debug_utils', 2]]); // debug-utils.ts

export function vkEnumerateInstanceVersion(vk: ShimState, pApiVersion: number): VkResult {
  if (!vk.heap.inBounds(pApiVersion, 4)) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'pApiVersion is NULL');
  vk.heap.setU32(pApiVersion, SHIM_API_VERSION);
  return VkResult.SUCCESS;
}

export function vkEnumerateInstanceExtensionProperties(vk: ShimState, pLayerName: number, pCount: number, pProperties: number): VkResult {
  if (pLayerName !== 0) return VkResult.ERROR_LAYER_NOT_PRESENT;
  return enumerateInto(vk.heap, pCount, pProperties, S.VkExtensionProperties.size, [...INSTANCE_EXTENSIONS], (ptr, [name, version]) => {
    vk.heap.setCString(ptr + S.VkExtensionProperties.offsets.extensionName, 256, name);
    vk.heap.setU32(ptr + S.VkExtensionProperties.offsets.specVersion, version);
  });
}

export function vkEnumerateInstanceLayerProperties(vk: ShimState, pCount: number, _pProperties: number): VkResult {
  return enumerateInto(vk.heap, pCount, 0, 0, [], () => undefined);
}

export function vkCreateInstance(vk: ShimState, pCreateInfo: number, _pAllocator: number, pInstance: number): VkResult {
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
  const instance = new Instance([vk.handles.physicalDevices.insert(physical)], apiVersion);
  writeHandle32(h, pInstance, vk.handles.instances.insert(instance));
  return VkResult.SUCCESS;
}

export function vkDestroyInstance(vk: ShimState, instanceHandle: number, _pAllocator: number): void {
  if (instanceHandle === 0) return;
  const instance = vk.handles.instances.get(instanceHandle, 'vkDestroyInstance');
  for (const d of vk.handles.devices.values()) {
    if (instance.physicalDevices.some((p) => vk.handles.physicalDevices.lookup(p) === d.physical)) {
      vk.validation.report('vkDestroyInstance', 'a VkDevice of this instance is still alive');
    }
  }
  for (const p of instance.physicalDevices) vk.handles.physicalDevices.remove(p);
  vk.handles.instances.remove(instanceHandle);
}

export function vkEnumeratePhysicalDevices(vk: ShimState, instanceHandle: number, pCount: number, pDevices: number): VkResult {
  const instance = vk.handles.instances.get(instanceHandle, 'vkEnumeratePhysicalDevices');
  return enumerateInto(vk.heap, pCount, pDevices, 4, instance.physicalDevices, (ptr, handle) => writeHandle32(vk.heap, ptr, handle));
}
