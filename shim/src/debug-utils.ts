// VK_EXT_debug_utils messengers: each receives the shim's validation messages (validation.ts),
// the errors it refuses calls with and the warnings of calls it only half serves, as a Vulkan
// validation layer would send them, with VALIDATION as the type and the entry point as the
// message id. The callback is the program's C function, called through the wasm table.

import type { VulkanShim } from './vulkan.js';
import { lookupInstance } from './instance.js';
import { VkDebugUtilsMessageSeverityFlagBitsEXT, VkDebugUtilsMessageTypeFlagBitsEXT, VkResult, VkStructureType } from './abi/vk-enums.js';
import { VkFailure, type ValidationMessage } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';

const SEVERITY = { error: VkDebugUtilsMessageSeverityFlagBitsEXT.ERROR_BIT_EXT, warning: VkDebugUtilsMessageSeverityFlagBitsEXT.WARNING_BIT_EXT } as const;
const TYPE_VALIDATION = VkDebugUtilsMessageTypeFlagBitsEXT.VALIDATION_BIT_EXT;

class DebugMessenger {
  constructor(
    readonly severities: number,
    readonly types: number,
    readonly callback: number,
    readonly userData: number,
  ) {}
}

/** The messengers of one shim, and the listener that feeds them. */
class Messengers {
  readonly byHandle = new Map<number, DebugMessenger>();
  nextHandle = 1;
  /** Set while a callback runs, so a message it causes is not sent back into it. */
  delivering = false;

  constructor(private readonly vk: VulkanShim) {}

  readonly listener = (m: ValidationMessage): void => {
    if (this.delivering) return;
    const severity = SEVERITY[m.severity];
    const targets = [...this.byHandle.values()].filter((d) => d.severities & severity && d.types & TYPE_VALIDATION);
    if (targets.length === 0) return;
    const heap = this.vk.heap;
    const id = heap.malloc(m.entryPoint.length + 1);
    const text = `${m.entryPoint}: ${m.message}`;
    const size = new TextEncoder().encode(text).length + 1;
    const message = heap.malloc(size);
    const data = heap.malloc(S.VkDebugUtilsMessengerCallbackDataEXT.size);
    // On a full heap the message is dropped (it stays in the validation log) rather than written
    // through a null pointer.
    if (!id || !message || !data) {
      for (const p of [id, message, data]) if (p) heap.free(p);
      return;
    }
    try {
      heap.setCString(id, m.entryPoint.length + 1, m.entryPoint);
      heap.setCString(message, size, text);
      heap.u8.fill(0, data, data + S.VkDebugUtilsMessengerCallbackDataEXT.size);
      const at = S.VkDebugUtilsMessengerCallbackDataEXT.offsets;
      heap.setU32(data + at.sType, VkStructureType.DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT);
      heap.setU32(data + at.pMessageIdName, id);
      heap.setU32(data + at.pMessage, message);
      this.delivering = true;
      for (const d of targets) heap.call(d.callback, [severity, TYPE_VALIDATION, data, d.userData]);
    } finally {
      this.delivering = false;
      heap.free(data);
      heap.free(message);
      heap.free(id);
    }
  };
}

const shims = new WeakMap<VulkanShim, Messengers>();

function messengersOf(vk: VulkanShim): Messengers {
  let m = shims.get(vk);
  if (!m) {
    shims.set(vk, (m = new Messengers(vk)));
    vk.validation.listeners.add(m.listener);
  }
  return m;
}

export function vkCreateDebugUtilsMessengerEXT(vk: VulkanShim, instanceHandle: number, pCreateInfo: number, _pAllocator: number, pMessenger: number): VkResult {
  lookupInstance(vk, instanceHandle, 'vkCreateDebugUtilsMessengerEXT');
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

export function vkDestroyDebugUtilsMessengerEXT(vk: VulkanShim, instanceHandle: number, messengerHandle: unknown, _pAllocator: number): void {
  lookupInstance(vk, instanceHandle, 'vkDestroyDebugUtilsMessengerEXT');
  const handle = handleArg(messengerHandle);
  if (handle === 0) return;
  if (!messengersOf(vk).byHandle.delete(handle)) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkDestroyDebugUtilsMessengerEXT: invalid VkDebugUtilsMessengerEXT ${handle}`);
  }
}

/** A message of the program's own, sent to the messengers that take its severity and types. */
export function vkSubmitDebugUtilsMessageEXT(vk: VulkanShim, instanceHandle: number, severity: number, types: number, pCallbackData: number): void {
  lookupInstance(vk, instanceHandle, 'vkSubmitDebugUtilsMessageEXT');
  readStruct(vk.heap, pCallbackData, S.VkDebugUtilsMessengerCallbackDataEXT, VkStructureType.DEBUG_UTILS_MESSENGER_CALLBACK_DATA_EXT, 'pCallbackData');
  for (const d of messengersOf(vk).byHandle.values()) {
    if (d.severities & severity && d.types & types) vk.heap.call(d.callback, [severity, types, pCallbackData, d.userData]);
  }
}
