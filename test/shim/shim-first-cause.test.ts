// Issue 21, item 6: a failed submission names the failure that caused it, and nothing stays
// pending behind it. A vkCmd* call refused while recording makes vkEndCommandBuffer fail with its
// message; a command the shim cannot encode (a dispatch with nothing bound) fails its fence with
// its own message; either way the command buffer can be reset and the queue runs later work.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as S from '../../shim/src/abi/vk-structs.js';
import { VkResult, VkStructureType } from '../../shim/src/abi/vk-enums.js';
import { adapter } from '../helpers/gpu.js';
import { VkHarness, MemoryType, WHOLE_SIZE } from '../helpers/vk.js';

let vk: VkHarness;

beforeAll(async () => {
  vk = new VkHarness(await adapter());
  await vk.open();
});

afterAll(() => {
  vk?.close();
});

function submitEnded(cb: number, fence: bigint): unknown {
  const pCb = vk.alloc(4);
  vk.heap.view.setUint32(pCb, cb, true);
  const submit = vk.struct(S.VkSubmitInfo, { sType: VkStructureType.SUBMIT_INFO, commandBufferCount: 1, pCommandBuffers: pCb });
  return vk.call('vkQueueSubmit', vk.queue, 1, submit, fence);
}

/** Fills a host-visible buffer with `value` in a fresh submission and reads its first word. */
async function fillAndRead(value: number): Promise<number> {
  const memory = vk.allocateMemory(256, MemoryType.HOST_COHERENT);
  const buffer = vk.bufferIn(memory, 256);
  await vk.run((cb) => vk.fill(cb, buffer, 0, WHOLE_SIZE, value));
  const word = vk.heap.view.getUint32(vk.map(memory), true);
  vk.unmap(memory);
  vk.call('vkDestroyBuffer', vk.device, buffer, 0);
  vk.call('vkFreeMemory', vk.device, memory, 0);
  return word;
}

describe('the first cause of a failed submission', () => {
  it('a command refused while recording fails vkEndCommandBuffer with that command named', async () => {
    const memory = vk.allocateMemory(512, MemoryType.HOST_COHERENT);
    const [a, b] = [vk.bufferIn(memory, 128), vk.bufferIn(memory, 128, 256)];
    const cb = vk.begin();
    vk.copy(cb, a, b, 0, 0, 6); // WebGPU copies whole words only
    vk.fill(cb, b, 0, 128, 7);
    expect(vk.call('vkEndCommandBuffer', cb)).toBe(VkResult.ERROR_VALIDATION_FAILED_EXT);
    const last = vk.shim.validation.last!;
    expect(last.entryPoint).toBe('vkEndCommandBuffer');
    expect(last.message).toContain('vkCmdCopyBuffer');
    expect(last.message).toContain('multiples of 4');
    expect(vk.call('vkResetCommandBuffer', cb, 0)).toBe(VkResult.SUCCESS);
    expect(await fillAndRead(0x1234)).toBe(0x1234);
    for (const buffer of [a, b]) vk.call('vkDestroyBuffer', vk.device, buffer, 0);
    vk.call('vkFreeMemory', vk.device, memory, 0);
  });

  it('a dispatch with nothing bound fails its fence with its own message and leaves nothing pending', async () => {
    const cb = vk.begin();
    vk.call('vkCmdDispatch', cb, 1, 1, 1);
    expect(vk.call('vkEndCommandBuffer', cb)).toBe(VkResult.SUCCESS);
    const fence = vk.createFence();
    expect(submitEnded(cb, fence)).toBe(VkResult.SUCCESS);
    const pFence = vk.alloc(8);
    vk.heap.view.setBigUint64(pFence, fence, true);
    expect(await vk.callWaiting('vkWaitForFences', vk.device, 1, pFence, 1, WHOLE_SIZE)).toBe(VkResult.ERROR_VALIDATION_FAILED_EXT);
    const messages = vk.shim.validation.messages().map((m) => `${m.entryPoint}: ${m.message}`);
    expect(messages.at(-2)).toMatch(/^vkQueueSubmit: the submission did not run: vkCmdDispatch: no compute pipeline is bound/);
    expect(messages.at(-1)).toContain('no compute pipeline is bound');
    expect(vk.call('vkResetCommandBuffer', cb, 0)).toBe(VkResult.SUCCESS);
    expect(vk.call('vkResetFences', vk.device, 1, pFence)).toBe(VkResult.SUCCESS);
    vk.call('vkDestroyFence', vk.device, fence, 0);
    expect(await fillAndRead(0xbeef)).toBe(0xbeef);
  });
});
