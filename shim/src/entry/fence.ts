// The fence calls. vkWaitForFences suspends wasm (Asyncify) until the fences are signalled;
// vkGetFenceStatus, answering VK_NOT_READY, lets the event loop run first, so a host loop
// polling it sees the fence signalled.

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkFenceCreateFlagBits } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, requirePointer, writeHandle64, handleArg, u64Arg } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import { Fence } from '../objects/fence.js';
import { blockedOnHost } from '../commands/queue.js';
import { answerAfterYield } from './queue.js';

export function vkCreateFence(vk: ShimState, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pFence: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkCreateFence');
  const info = readStruct(vk.heap, pCreateInfo, S.VkFenceCreateInfo, VkStructureType.FENCE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pFence, 8, 'pFence');
  const signaled = (info.u32('flags') & VkFenceCreateFlagBits.SIGNALED_BIT) !== 0;
  writeHandle64(vk.heap, pFence, vk.handles.fences.insert(new Fence(device, signaled)));
  return VkResult.SUCCESS;
}

export function vkDestroyFence(vk: ShimState, deviceHandle: number, fenceHandle: unknown, _pAllocator: number): void {
  vk.handles.devices.get(deviceHandle, 'vkDestroyFence');
  if (handleArg(fenceHandle) === 0) return;
  const fence = vk.handles.fences.get(fenceHandle, 'vkDestroyFence');
  if (fence.pending) vk.validation.report('vkDestroyFence', 'fence destroyed while its submission is still executing');
  vk.handles.fences.remove(handleArg(fenceHandle));
}

function fenceList(vk: ShimState, count: number, pFences: number, entryPoint: string): Fence[] {
  requirePointer(vk.heap, pFences, 8 * count, 'pFences');
  const fences: Fence[] = [];
  for (let i = 0; i < count; i++) fences.push(vk.handles.fences.get(vk.heap.u64(pFences + 8 * i), entryPoint));
  return fences;
}

export function vkResetFences(vk: ShimState, deviceHandle: number, count: number, pFences: number): VkResult {
  vk.handles.devices.get(deviceHandle, 'vkResetFences');
  const fences = fenceList(vk, count, pFences, 'vkResetFences');
  for (const f of fences) {
    if (f.pending) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkResetFences: fence is still in use by a submission');
  }
  for (const f of fences) {
    f.signaled = false;
    f.rejected = undefined;
  }
  return VkResult.SUCCESS;
}

export function vkGetFenceStatus(vk: ShimState, deviceHandle: number, fenceHandle: unknown): VkResult | Promise<VkResult> {
  const device = vk.handles.devices.get(deviceHandle, 'vkGetFenceStatus');
  const fence = vk.handles.fences.get(fenceHandle, 'vkGetFenceStatus');
  const status = (): VkResult => {
    if (device.lostReason !== undefined) return VkResult.ERROR_DEVICE_LOST;
    return fence.signaled ? VkResult.SUCCESS : VkResult.NOT_READY;
  };
  return status() === VkResult.NOT_READY ? answerAfterYield(vk, fence.pending, status) : status();
}

export function vkWaitForFences(vk: ShimState, deviceHandle: number, count: number, pFences: number, waitAll: number, timeoutArg: unknown): VkResult | Promise<VkResult> {
  const device = vk.handles.devices.get(deviceHandle, 'vkWaitForFences');
  const fences = fenceList(vk, count, pFences, 'vkWaitForFences');
  const settled = (): VkResult => {
    if (device.lostReason !== undefined) return VkResult.ERROR_DEVICE_LOST;
    const rejected = fences.find((f) => f.signaled && f.rejected !== undefined);
    if (!rejected) return VkResult.SUCCESS;
    vk.validation.report('vkWaitForFences', `the work this fence covers did not run: ${rejected.rejected}`);
    return VkResult.ERROR_VALIDATION_FAILED_EXT;
  };
  const ready = waitAll ? fences.every((f) => f.signaled) : fences.some((f) => f.signaled);
  if (ready || count === 0) return settled();
  const unsubmitted = fences.filter((f) => !f.signaled && !f.pending);
  const timeoutNs = u64Arg(timeoutArg);
  if (timeoutNs === 0n) return VkResult.TIMEOUT;
  if (!vk.canSuspend) {
    vk.validation.report('vkWaitForFences', 'cannot wait outside an async (Asyncify) call; answering VK_TIMEOUT');
    return VkResult.TIMEOUT;
  }
  if (waitAll && unsubmitted.length > 0 && timeoutNs === 0xffff_ffff_ffff_ffffn) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkWaitForFences: waiting forever on a fence that no submission will signal');
  }
  if (blockedOnHost(vk.handles.queueOf(device)) && timeoutNs === 0xffff_ffff_ffff_ffffn) {
    // Wasm is suspended while it waits, so nothing could call vkSetEvent: the wait would never end.
    vk.validation.report('vkWaitForFences', 'a submission waits for an event that only the host can set; an endless wait would never return');
    return VkResult.TIMEOUT;
  }
  const pendings = fences.map((f) => f.pending).filter((p): p is Promise<void> => p !== undefined);
  // One fence (a runtime waiting for its one submission in flight) needs no combined promise.
  const all = pendings.length === 1 ? pendings[0] : waitAll ? Promise.all(pendings) : Promise.any(pendings);
  const done = all.then(settled);
  if (timeoutNs === 0xffff_ffff_ffff_ffffn) return done;
  const ms = Number(timeoutNs / 1_000_000n);
  return Promise.race([done, new Promise<VkResult>((resolve) => setTimeout(() => resolve(VkResult.TIMEOUT), ms))]);
}
