// vkCreateDebugUtilsMessengerEXT and its kin (objects/debug-messenger.ts delivers the messages).

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { DebugMessenger, Messengers } from '../objects/debug-messenger.js';

const shims = new WeakMap<ShimState, Messengers>();

function messengersOf(vk: ShimState): Messengers {
  let m = shims.get(vk);
  if (!m) {
    shims.set(vk, (m = new Messengers(vk.heap)));
    vk.validation.listeners.add(m.listener);
  }
  return m;
}

export function vkCreateDebugUtilsMessengerEXT(vk: ShimState, instanceHandle: number, pCreateInfo: number, _pAllocator: number, pMessenger: number): VkResult {
  vk.handles.instances.get(instanceHandle, 'vkCreateDebugUtilsMessengerEXT');
  const info = readStruct(vk.heap, pCreateInfo, S.VkDebugUtilsMessengerCreateInfoEXT, VkStructureType.DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT, 'pCreateInfo');
  requirePointer(vk.heap, pMessenger, 8, 'pMessenger');
  const callback = info.ptr('pfnUserCallback');
  if (callback === 0) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCreateDebugUtilsMessengerEXT: pfnUserCallback is NULL');
  const messengers = messengersOf(vk);
  const handle = messengers.nextHandle++;
  messengers.byHandle.set(handle, new DebugMessenger(info.u32('messageSeverity'), info.u32('messageType'), callback, info.ptr('pUserData')));
  writeHandle64(vk.heap, pMessenger, handle);
  return VkResult.SUCCESS;
}

export function vkDestroyDebugUtilsMessengerEXT(vk: ShimState, instanceHandle: number, messengerHandle: unknown, _pAllocator: number): void {
  vk.handles.instances.get(instanceHandle, 'vkDestroyDebugUtilsMessengerEXT');
  const handle = handleArg(messengerHandle);
  if (handle === 0) return;
  if (!messengersOf(vk).byHandle.delete(handle)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkDestroyDebugUtilsMessengerEXT: invalid VkDebugUtilsMessengerEXT ${handle}`);
  }
}

/** A message of the program's own, sent to the messengers that take its severity and types. */
export function vkSubmitDebugUtilsMessageEXT(vk: ShimState, instanceHandle: number, severity: number, types: number, pCallbackData: number): void {
  vk.handles.instances.get(instanceHandle, 'vkSubmitDebugUtilsMessageEXT');
  readStruct(vk.heap, pCallbackData, S.VkDebugUtilsMessengerCallbackDataEXT, VkStructureType.DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT, 'pCallbackData');
  for (const d of messengersOf(vk).byHandle.values()) {
    if (d.severities & severity && d.types & types) vk.heap.call(d.callback, [severity, types, pCallbackData, d.userData]);
  }
}
