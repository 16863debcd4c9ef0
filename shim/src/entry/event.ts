// The event calls; vkSetEvent releases submissions held back on the event (commands/queue.ts).

import type { ShimState } from './state.js';
import { VkResult, VkStructureType } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { VkEvent } from '../objects/event.js';
import { drainQueue } from '../commands/queue.js';
import { answerAfterYield } from './queue.js';

export function vkCreateEvent(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pEvent: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateEvent');
  readStruct(vk.heap, pCreateInfo, S.VkEventCreateInfo, VkStructureType.EVENT_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pEvent, 8, 'pEvent');
  writeHandle64(vk.heap, pEvent, vk.handles.events.insert(new VkEvent(device)));
  return VkResult.SUCCESS;
}

export function vkDestroyEvent(vk: ShimState, deviceHandle: number, eventHandle: unknown, _pAllocator: number): void {
  const device = vk.handles.devices.get(deviceHandle, 'vkDestroyEvent');
  if (handleArg(eventHandle) === 0) return;
  const event = vk.handles.events.get(eventHandle, 'vkDestroyEvent');
  if (vk.handles.queueOf(device).backlog.some((job) => job.waitingOn?.includes(event))) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkDestroyEvent: a submission is still waiting on this event');
  }
  vk.handles.events.remove(handleArg(eventHandle));
}

export function vkGetEventStatus(vk: ShimState, deviceHandle: number, eventHandle: unknown): VkResult | Promise<VkResult> {
  const device = vk.handles.devices.get(deviceHandle, 'vkGetEventStatus');
  const event = vk.handles.events.get(eventHandle, 'vkGetEventStatus');
  const status = (): VkResult => {
    if (device.lostReason !== undefined) return VkResult.ERROR_DEVICE_LOST;
    return event.signaled ? VkResult.EVENT_SET : VkResult.EVENT_RESET;
  };
  // Only a submission in flight can still set the event (by vkCmdSetEvent) for the host to see.
  const queue = vk.handles.queueOf(device);
  return status() === VkResult.EVENT_RESET && queue.inFlight.size > 0 ? answerAfterYield(vk, queue.idle, status) : status();
}

export function vkSetEvent(vk: ShimState, deviceHandle: number, eventHandle: unknown): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkSetEvent');
  const event = vk.handles.events.get(eventHandle, 'vkSetEvent');
  event.signaled = true;
  event.expected = true;
  drainQueue(vk.handles.queueOf(device));
  return VkResult.SUCCESS;
}

export function vkResetEvent(vk: ShimState, deviceHandle: number, eventHandle: unknown): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkResetEvent');
  const event = vk.handles.events.get(eventHandle, 'vkResetEvent');
  event.signaled = false;
  event.expected = false;
  return VkResult.SUCCESS;
}
