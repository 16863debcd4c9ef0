// VkEvent on WebGPU's single in-order queue.
//
// Device side: vkCmdSetEvent / vkCmdResetEvent take effect for later commands as soon as they are
// submitted, because the queue runs commands in order; `expected` is the state the event will
// have once everything submitted so far has run. A vkCmdWaitEvents whose events are expected set
// costs nothing. One that waits for an event only the host can set holds back the rest of its
// submission (and everything submitted after it) until vkSetEvent releases it (queue.ts).
// Host side: vkGetEventStatus reports `signaled`, which device-side changes reach when the
// submission that made them completes; while one is in flight it lets the event loop run before
// answering VK_EVENT_RESET, so a host loop polling it sees them.

import type { VulkanShim } from './vulkan.js';
import { lookupDevice, type Device } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType } from './abi/vk-enums.js';
import { answerAfterYield, drainQueue } from './queue.js';

export class VkEvent {
  signaled = false;
  expected = false;
  constructor(readonly device: Device) {}
}

export function lookupEvent(vk: VulkanShim, handle: unknown, entryPoint: string): VkEvent {
  const e = vk.events.lookup(handleArg(handle));
  if (!e) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkEvent ${String(handle)}`);
  return e;
}

export function vkCreateEvent(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pEvent: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateEvent');
  readStruct(vk.heap, pCreateInfo, S.VkEventCreateInfo, VkStructureType.EVENT_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pEvent, 8, 'pEvent');
  writeHandle64(vk.heap, pEvent, vk.events.insert(new VkEvent(device)));
  return VkResult.SUCCESS;
}

export function vkDestroyEvent(vk: VulkanShim, deviceHandle: number, eventHandle: unknown, _pAllocator: number): void {
  const device = lookupDevice(vk, deviceHandle, 'vkDestroyEvent');
  if (handleArg(eventHandle) === 0) return;
  const event = lookupEvent(vk, eventHandle, 'vkDestroyEvent');
  if (device.queue.backlog.some((job) => job.waitingOn?.includes(event))) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkDestroyEvent: a submission is still waiting on this event');
  }
  vk.events.remove(handleArg(eventHandle));
}

export function vkGetEventStatus(vk: VulkanShim, deviceHandle: number, eventHandle: unknown): VkResult | Promise<VkResult> {
  const device = lookupDevice(vk, deviceHandle, 'vkGetEventStatus');
  const event = lookupEvent(vk, eventHandle, 'vkGetEventStatus');
  const status = (): VkResult => {
    if (device.lostReason !== undefined) return VkResult.ERROR_DEVICE_LOST;
    return event.signaled ? VkResult.EVENT_SET : VkResult.EVENT_RESET;
  };
  // Only a submission in flight can still set the event (by vkCmdSetEvent) for the host to see.
  const inFlight = device.queue.inFlight.size > 0;
  return status() === VkResult.EVENT_RESET && inFlight ? answerAfterYield(vk, device.queue.idle, status) : status();
}

export function vkSetEvent(vk: VulkanShim, deviceHandle: number, eventHandle: unknown): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkSetEvent');
  const event = lookupEvent(vk, eventHandle, 'vkSetEvent');
  event.signaled = true;
  event.expected = true;
  drainQueue(vk, device.queue);
  return VkResult.SUCCESS;
}

export function vkResetEvent(vk: VulkanShim, deviceHandle: number, eventHandle: unknown): VkResult {
  lookupDevice(vk, deviceHandle, 'vkResetEvent');
  const event = lookupEvent(vk, eventHandle, 'vkResetEvent');
  event.signaled = false;
  event.expected = false;
  return VkResult.SUCCESS;
}
