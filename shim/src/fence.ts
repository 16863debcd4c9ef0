// VkFence: signalled when the submission it was given to has completed, host-visible results
// included. vkWaitForFences suspends wasm (Asyncify) until then; vkGetFenceStatus, answering
// VK_NOT_READY, lets the event loop run first, so a host loop polling it sees the fence signalled.

import type { VulkanShim } from './vulkan.js';
import { lookupDevice } from './device.js';
import { VkResult } from './abi/vk-enums.js';
import { VkFailure } from './validation.js';
import { readStruct, requirePointer, writeHandle64, handleArg, u64Arg } from './structs.js';
import * as S from './abi/vk-structs.js';
import { VkStructureType, VkFenceCreateFlagBits } from './abi/vk-enums.js';
import type { Device } from './device.js';
import { answerAfterYield, blockedOnHost } from './queue.js';

export class Fence {
  pending: Promise<void> | undefined;
  /** Why WebGPU rejected the submission that signalled the fence, if it did. */
  rejected: string | undefined;
  constructor(
    readonly device: Device,
    public signaled: boolean,
  ) {}
}

export function lookupFence(vk: VulkanShim, handle: unknown, entryPoint: string): Fence {
  const f = vk.fences.lookup(handleArg(handle));
  if (!f) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${entryPoint}: invalid VkFence ${String(handle)}`);
  return f;
}

export function vkCreateFence(vk: VulkanShim, deviceHandle: number, pCreateInfo: number, _pAllocator: number, pFence: number): VkResult {
  const device = lookupDevice(vk, deviceHandle, 'vkCreateFence');
  const info = readStruct(vk.heap, pCreateInfo, S.VkFenceCreateInfo, VkStructureType.FENCE_CREATE_INFO, 'pCreateInfo');
  requirePointer(vk.heap, pFence, 8, 'pFence');
  const signaled = (info.u32('flags') & VkFenceCreateFlagBits.SIGNALED_BIT) !== 0;
  writeHandle64(vk.heap, pFence, vk.fences.insert(new Fence(device, signaled)));
  return VkResult.SUCCESS;
}

export function vkDestroyFence(vk: VulkanShim, deviceHandle: number, fenceHandle: unknown, _pAllocator: number): void {
  lookupDevice(vk, deviceHandle, 'vkDestroyFence');
  if (handleArg(fenceHandle) === 0) return;
  const fence = lookupFence(vk, fenceHandle, 'vkDestroyFence');
  if (fence.pending) vk.validation.report('vkDestroyFence', 'fence destroyed while its submission is still executing');
  vk.fences.remove(handleArg(fenceHandle));
}

function fenceList(vk: VulkanShim, count: number, pFences: number, entryPoint: string): Fence[] {
  requirePointer(vk.heap, pFences, 8 * count, 'pFences');
  const fences: Fence[] = [];
  for (let i = 0; i < count; i++) fences.push(lookupFence(vk, vk.heap.u64(pFences + 8 * i), entryPoint));
  return fences;
}

export function vkResetFences(vk: VulkanShim, deviceHandle: number, count: number, pFences: number): VkResult {
  lookupDevice(vk, deviceHandle, 'vkResetFences');
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

export function vkGetFenceStatus(vk: VulkanShim, deviceHandle: number, fenceHandle: unknown): VkResult | Promise<VkResult> {
  const device = lookupDevice(vk, deviceHandle, 'vkGetFenceStatus');
  const fence = lookupFence(vk, fenceHandle, 'vkGetFenceStatus');
  const status = (): VkResult => {
    if (device.lostReason !== undefined) return VkResult.ERROR_DEVICE_LOST;
    return fence.signaled ? VkResult.SUCCESS : VkResult.NOT_READY;
  };
  return status() === VkResult.NOT_READY ? answerAfterYield(vk, fence.pending, status) : status();
}

export function vkWaitForFences(vk: VulkanShim, deviceHandle: number, count: number, pFences: number, waitAll: number, timeoutArg: unknown): VkResult | Promise<VkResult> {
  const device = lookupDevice(vk, deviceHandle, 'vkWaitForFences');
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
  if (vk.suspendable === 0) {
    vk.validation.report('vkWaitForFences', 'cannot wait outside an async (Asyncify) call; answering VK_TIMEOUT');
    return VkResult.TIMEOUT;
  }
  if (waitAll && unsubmitted.length > 0 && timeoutNs === 0xffff_ffff_ffff_ffffn) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkWaitForFences: waiting forever on a fence that no submission will signal');
  }
  if (blockedOnHost(device.queue) && timeoutNs === 0xffff_ffff_ffff_ffffn) {
    // Wasm is suspended while it waits, so nothing could call vkSetEvent: the wait would never end.
    vk.validation.report('vkWaitForFences', 'a submission waits for an event that only the host can set; an endless wait would never return');
    return VkResult.TIMEOUT;
  }
  const pendings = fences.map((f) => f.pending).filter((p): p is Promise<void> => p !== undefined);
  const all = waitAll ? Promise.all(pendings) : Promise.any(pendings);
  const waits: Promise<VkResult>[] = [all.then(settled)];
  if (timeoutNs < 0xffff_ffff_ffff_ffffn) {
    const ms = Number(timeoutNs / 1_000_000n);
    waits.push(new Promise((resolve) => setTimeout(() => resolve(VkResult.TIMEOUT), ms)));
  }
  return Promise.race(waits);
}
