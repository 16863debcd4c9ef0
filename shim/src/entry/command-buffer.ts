// The command buffer calls: allocation, the recording state machine, and the vkCmd* calls that
// record buffer, dispatch, push constant and event commands (image ones: image-commands.ts).

import type { ShimState } from './state.js';
import { VkResult, VkStructureType, VkCommandBufferLevel, VkCommandBufferUsageFlagBits, VkCommandPoolCreateFlagBits, VkPipelineBindPoint } from '../abi/vk-enums.js';
import * as S from '../abi/vk-structs.js';
import { readStruct, readArray, requirePointer, writeHandle32, sizeArg, isWholeSize } from '../abi/structs.js';
import { VkFailure } from '../validation.js';
import type { Buffer } from '../objects/buffer.js';
import type { DescriptorSet } from '../objects/descriptor.js';
import { CommandBuffer } from '../commands/command-buffer.js';
import { readImageBarriers } from './image-commands.js';

export function vkAllocateCommandBuffers(vk: ShimState, deviceHandle: number, pAllocateInfo: number, pCommandBuffers: number): VkResult {
  const device = vk.handles.devices.get(deviceHandle, 'vkAllocateCommandBuffers');
  const info = readStruct(vk.heap, pAllocateInfo, S.VkCommandBufferAllocateInfo, VkStructureType.COMMAND_BUFFER_ALLOCATE_INFO, 'pAllocateInfo');
  const poolHandle = info.handle('commandPool');
  const pool = vk.handles.commandPools.get(poolHandle, 'vkAllocateCommandBuffers');
  if (pool.device !== device) throw new VkFailure(VkResult.ERROR_INITIALIZATION_FAILED, 'command pool belongs to another device');
  if (info.u32('level') !== VkCommandBufferLevel.PRIMARY) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'only primary command buffers are supported');
  const count = info.u32('commandBufferCount');
  requirePointer(vk.heap, pCommandBuffers, 4 * count, 'pCommandBuffers');
  const resettable = (pool.flags & VkCommandPoolCreateFlagBits.RESET_COMMAND_BUFFER_BIT) !== 0;
  for (let i = 0; i < count; i++) {
    const handle = vk.handles.commandBuffers.insert(new CommandBuffer(device, poolHandle, resettable));
    pool.commandBuffers.add(handle);
    writeHandle32(vk.heap, pCommandBuffers + 4 * i, handle);
  }
  return VkResult.SUCCESS;
}

export function vkFreeCommandBuffers(vk: ShimState, deviceHandle: number, poolHandle: unknown, count: number, pCommandBuffers: number): void {
  vk.handles.devices.get(deviceHandle, 'vkFreeCommandBuffers');
  const pool = vk.handles.commandPools.get(poolHandle, 'vkFreeCommandBuffers');
  requirePointer(vk.heap, pCommandBuffers, 4 * count, 'pCommandBuffers');
  for (let i = 0; i < count; i++) {
    const handle = vk.heap.u32(pCommandBuffers + 4 * i);
    if (handle === 0) continue;
    if (!pool.commandBuffers.has(handle) || !vk.handles.commandBuffers.lookup(handle)) {
      vk.validation.report('vkFreeCommandBuffers', `VkCommandBuffer ${handle} is not a live command buffer of this pool`);
      continue;
    }
    pool.commandBuffers.delete(handle);
    vk.handles.commandBuffers.remove(handle);
  }
}

export function vkBeginCommandBuffer(vk: ShimState, commandBuffer: number, pBeginInfo: number): VkResult {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkBeginCommandBuffer');
  const info = readStruct(vk.heap, pBeginInfo, S.VkCommandBufferBeginInfo, VkStructureType.COMMAND_BUFFER_BEGIN_INFO, 'pBeginInfo');
  if (cb.state === 'pending') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkBeginCommandBuffer: command buffer is still pending');
  if (cb.state === 'recording') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkBeginCommandBuffer: command buffer is already recording');
  if (cb.state !== 'initial' && !cb.resettable) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkBeginCommandBuffer: implicit reset needs a pool created with RESET_COMMAND_BUFFER_BIT');
  }
  cb.reset();
  cb.oneTimeSubmit = (info.u32('flags') & VkCommandBufferUsageFlagBits.ONE_TIME_SUBMIT_BIT) !== 0;
  cb.state = 'recording';
  return VkResult.SUCCESS;
}

export function vkEndCommandBuffer(vk: ShimState, commandBuffer: number): VkResult {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkEndCommandBuffer');
  if (cb.state !== 'recording') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkEndCommandBuffer: command buffer is ${cb.state}`);
  if (cb.refused !== undefined) {
    cb.state = 'invalid';
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkEndCommandBuffer: a command was refused while recording, so none will run: ${cb.refused}`);
  }
  cb.state = 'executable';
  return VkResult.SUCCESS;
}

export function vkResetCommandBuffer(vk: ShimState, commandBuffer: number, _flags: number): VkResult {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkResetCommandBuffer');
  if (!cb.resettable) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkResetCommandBuffer: pool lacks RESET_COMMAND_BUFFER_BIT');
  if (cb.state === 'pending') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkResetCommandBuffer: command buffer is pending');
  cb.reset();
  return VkResult.SUCCESS;
}

function checkRange(buffer: Buffer, offset: number, size: number, what: string): void {
  if (offset < 0 || size < 0 || offset + size > buffer.size) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `${what}: range [${offset}, +${size}) is outside the ${buffer.size}-byte buffer`);
  }
}

export function vkCmdCopyBuffer(vk: ShimState, commandBuffer: number, srcHandle: unknown, dstHandle: unknown, regionCount: number, pRegions: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdCopyBuffer');
  const src = vk.handles.buffers.get(srcHandle, 'vkCmdCopyBuffer');
  const dst = vk.handles.buffers.get(dstHandle, 'vkCmdCopyBuffer');
  const regions = readArray(vk.heap, pRegions, regionCount, S.VkBufferCopy, 'pRegions').map((r) => ({
    srcOffset: r.u64('srcOffset'),
    dstOffset: r.u64('dstOffset'),
    size: r.u64('size'),
  }));
  for (const r of regions) {
    checkRange(src, r.srcOffset, r.size, 'vkCmdCopyBuffer src');
    checkRange(dst, r.dstOffset, r.size, 'vkCmdCopyBuffer dst');
    if ((r.srcOffset | r.dstOffset | r.size) % 4 !== 0) {
      throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdCopyBuffer: WebGPU copies need offsets and sizes that are multiples of 4');
    }
  }
  cb.record('vkCmdCopyBuffer', { kind: 'copyBuffer', src, dst, regions });
}

export function vkCmdFillBuffer(vk: ShimState, commandBuffer: number, dstHandle: unknown, offsetArg: unknown, sizeArgValue: unknown, data: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdFillBuffer');
  const dst = vk.handles.buffers.get(dstHandle, 'vkCmdFillBuffer');
  const offset = sizeArg(offsetArg);
  const whole = isWholeSize(sizeArgValue);
  // VK_WHOLE_SIZE fills to the end rounded down to a multiple of 4.
  const size = whole ? Math.floor((dst.size - offset) / 4) * 4 : sizeArg(sizeArgValue);
  checkRange(dst, offset, size, 'vkCmdFillBuffer');
  if (offset % 4 !== 0 || size % 4 !== 0) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdFillBuffer: offset and size must be multiples of 4');
  cb.record('vkCmdFillBuffer', { kind: 'fillBuffer', dst, offset, size, data: data >>> 0 });
}

export function vkCmdUpdateBuffer(vk: ShimState, commandBuffer: number, dstHandle: unknown, offsetArg: unknown, sizeArgValue: unknown, pData: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdUpdateBuffer');
  const dst = vk.handles.buffers.get(dstHandle, 'vkCmdUpdateBuffer');
  const offset = sizeArg(offsetArg);
  const size = sizeArg(sizeArgValue);
  checkRange(dst, offset, size, 'vkCmdUpdateBuffer');
  if (offset % 4 !== 0 || size % 4 !== 0 || size === 0 || size > 65536) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdUpdateBuffer: offset and size must be multiples of 4 and size at most 65536');
  }
  requirePointer(vk.heap, pData, size, 'pData');
  cb.record('vkCmdUpdateBuffer', { kind: 'updateBuffer', dst, offset, data: vk.heap.u8.slice(pData, pData + size) });
}

/** WebGPU synchronises every command of a queue in order; the barrier is validated and its image layouts tracked. */
export function vkCmdPipelineBarrier(vk: ShimState, commandBuffer: number, _srcStage: number, _dstStage: number, _dependency: number, memoryBarrierCount: number, pMemoryBarriers: number, bufferBarrierCount: number, pBufferBarriers: number, imageBarrierCount: number, pImageBarriers: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdPipelineBarrier');
  // Runtimes record a barrier per dispatch: memory and buffer barriers are checked in place,
  // without building readers for them.
  if (memoryBarrierCount > 0) requirePointer(vk.heap, pMemoryBarriers, memoryBarrierCount * S.VkMemoryBarrier.size, 'pMemoryBarriers');
  if (bufferBarrierCount > 0) {
    const L = S.VkBufferMemoryBarrier;
    requirePointer(vk.heap, pBufferBarriers, bufferBarrierCount * L.size, 'pBufferMemoryBarriers');
    for (let i = 0; i < bufferBarrierCount; i++) vk.handles.buffers.get(vk.heap.u64(pBufferBarriers + i * L.size + L.offsets.buffer), 'vkCmdPipelineBarrier');
  }
  const transitions = imageBarrierCount > 0 ? readImageBarriers(vk, imageBarrierCount, pImageBarriers, 'vkCmdPipelineBarrier') : [];
  if (cb.state !== 'recording') throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdPipelineBarrier: command buffer is ${cb.state}`);
  // Layouts are tracked as the command buffer is replayed, in submission order.
  for (const t of transitions) cb.record('vkCmdPipelineBarrier', t);
}

export function vkCmdBindPipeline(vk: ShimState, commandBuffer: number, bindPoint: number, pipelineHandle: unknown): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdBindPipeline');
  if (bindPoint !== VkPipelineBindPoint.COMPUTE) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'vkCmdBindPipeline: only compute pipelines exist');
  cb.record('vkCmdBindPipeline', { kind: 'bindPipeline', pipeline: vk.handles.pipelines.get(pipelineHandle, 'vkCmdBindPipeline') });
}

export function vkCmdBindDescriptorSets(vk: ShimState, commandBuffer: number, bindPoint: number, layoutHandle: unknown, firstSet: number, setCount: number, pSets: number, dynamicOffsetCount: number, pDynamicOffsets: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdBindDescriptorSets');
  if (bindPoint !== VkPipelineBindPoint.COMPUTE) throw new VkFailure(VkResult.ERROR_FEATURE_NOT_PRESENT, 'vkCmdBindDescriptorSets: only compute pipelines exist');
  const layout = vk.handles.pipelineLayouts.get(layoutHandle, 'vkCmdBindDescriptorSets');
  requirePointer(vk.heap, pSets, 8 * setCount, 'pDescriptorSets');
  if (firstSet + setCount > layout.setLayouts.length) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdBindDescriptorSets: sets ${firstSet}..${firstSet + setCount - 1} exceed the layout's ${layout.setLayouts.length}`);
  }
  if (dynamicOffsetCount > 0) requirePointer(vk.heap, pDynamicOffsets, 4 * dynamicOffsetCount, 'pDynamicOffsets');
  let next = 0;
  const sets: { set: DescriptorSet; offsets: number[] }[] = [];
  for (let i = 0; i < setCount; i++) {
    const set = vk.handles.descriptorSets.get(vk.heap.u64(pSets + 8 * i), 'vkCmdBindDescriptorSets');
    const dynamic = set.layout.dynamicBindings.length;
    const offsets: number[] = [];
    for (let k = 0; k < dynamic; k++) offsets.push(vk.heap.u32(pDynamicOffsets + 4 * (next + k)));
    next += dynamic;
    sets.push({ set, offsets });
  }
  if (next !== dynamicOffsetCount) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdBindDescriptorSets: ${dynamicOffsetCount} dynamic offsets given, the sets have ${next} dynamic descriptors`);
  }
  cb.record('vkCmdBindDescriptorSets', { kind: 'bindDescriptorSets', firstSet, sets });
}

export function vkCmdDispatch(vk: ShimState, commandBuffer: number, x: number, y: number, z: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdDispatch');
  const max = cb.device.maxWorkgroupsPerDimension;
  if (x > max || y > max || z > max) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdDispatch: ${x}x${y}x${z} groups exceed maxComputeWorkGroupCount ${max}`);
  if (x === 0 || y === 0 || z === 0) return;
  cb.record('vkCmdDispatch', { kind: 'dispatch', x, y, z });
}

export function vkCmdDispatchIndirect(vk: ShimState, commandBuffer: number, bufferHandle: unknown, offsetArg: unknown): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdDispatchIndirect');
  const buffer = vk.handles.buffers.get(bufferHandle, 'vkCmdDispatchIndirect');
  const offset = sizeArg(offsetArg);
  checkRange(buffer, offset, 12, 'vkCmdDispatchIndirect');
  if (offset % 4 !== 0) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdDispatchIndirect: offset must be a multiple of 4');
  cb.record('vkCmdDispatchIndirect', { kind: 'dispatchIndirect', buffer, offset });
}

export function vkCmdPushConstants(vk: ShimState, commandBuffer: number, layoutHandle: unknown, _stageFlags: number, offset: number, size: number, pValues: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdPushConstants');
  const layout = vk.handles.pipelineLayouts.get(layoutHandle, 'vkCmdPushConstants');
  if (offset % 4 !== 0 || size % 4 !== 0 || size === 0 || offset + size > layout.pushConstantBytes) {
    throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, `vkCmdPushConstants: ${size} bytes at offset ${offset} are not within the layout's push constant ranges (${layout.pushConstantBytes} bytes), or not multiples of 4`);
  }
  requirePointer(vk.heap, pValues, size, 'pValues');
  cb.record('vkCmdPushConstants', { kind: 'pushConstants', offset, data: vk.heap.u8.slice(pValues, pValues + size) });
}

export function vkCmdSetEvent(vk: ShimState, commandBuffer: number, eventHandle: unknown, _stageMask: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdSetEvent');
  cb.record('vkCmdSetEvent', { kind: 'setEvent', event: vk.handles.events.get(eventHandle, 'vkCmdSetEvent') });
}

export function vkCmdResetEvent(vk: ShimState, commandBuffer: number, eventHandle: unknown, _stageMask: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdResetEvent');
  cb.record('vkCmdResetEvent', { kind: 'resetEvent', event: vk.handles.events.get(eventHandle, 'vkCmdResetEvent') });
}

export function vkCmdWaitEvents(vk: ShimState, commandBuffer: number, eventCount: number, pEvents: number, _srcStage: number, _dstStage: number, memoryBarrierCount: number, pMemoryBarriers: number, bufferBarrierCount: number, pBufferBarriers: number, imageBarrierCount: number, pImageBarriers: number): void {
  const cb = vk.handles.commandBuffers.get(commandBuffer, 'vkCmdWaitEvents');
  requirePointer(vk.heap, pEvents, 8 * eventCount, 'pEvents');
  const events = Array.from({ length: eventCount }, (_, i) => vk.handles.events.get(vk.heap.u64(pEvents + 8 * i), 'vkCmdWaitEvents'));
  for (const e of events) if (e.device !== cb.device) throw new VkFailure(VkResult.ERROR_VALIDATION_FAILED_EXT, 'vkCmdWaitEvents: event of another device');
  // The barriers that come with the wait are ordered by the queue like any other.
  readArray(vk.heap, pMemoryBarriers, memoryBarrierCount, S.VkMemoryBarrier, 'pMemoryBarriers');
  readArray(vk.heap, pBufferBarriers, bufferBarrierCount, S.VkBufferMemoryBarrier, 'pBufferMemoryBarriers');
  readArray(vk.heap, pImageBarriers, imageBarrierCount, S.VkImageMemoryBarrier, 'pImageMemoryBarriers');
  cb.record('vkCmdWaitEvents', { kind: 'waitEvents', events });
}
