// The shim's own Vulkan handles (shim/src/handles.ts): a freed handle is never handed out again
// within any realistic run, for 64-bit (non-dispatchable) and 32-bit (dispatchable) handles alike,
// and a full table refuses a creation with VK_ERROR_OUT_OF_HOST_MEMORY without touching the live
// objects. Driven through the vk* entry points, as the C runtime drives them.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as S from '../../shim/src/abi/vk-structs.js';
import { VkCommandBufferLevel, VkResult, VkStructureType } from '../../shim/src/abi/vk-enums.js';
import { VkHarness } from '../helpers/vk.js';
import { adapter } from '../helpers/gpu.js';

/** More create/destroy cycles than a 16-bit generation can tell apart. */
const CYCLES = 2 ** 16 + 2;
// The slot index is the low bits of a handle (24 for 64-bit handles, 12 for 32-bit ones).
const slotOf64 = (h: bigint): bigint => h % 2n ** 24n;
const slotOf32 = (h: number): number => h % 2 ** 12;

describe('shim handle space', () => {
  let vk: VkHarness;
  beforeAll(async () => {
    vk = new VkHarness(await adapter());
    await vk.open();
  });
  afterAll(() => vk.close());

  test('a destroyed VkEvent stays refused through 2^16 reuses of the table, its slot included', () => {
    const info = vk.struct(S.VkEventCreateInfo, { sType: VkStructureType.EVENT_CREATE_INFO });
    const pEvent = vk.alloc(8);
    const create = (): bigint => {
      vk.expectSuccess('vkCreateEvent', vk.call('vkCreateEvent', vk.device, info, 0, pEvent));
      return vk.u64(pEvent);
    };
    const stale = create();
    vk.call('vkDestroyEvent', vk.device, stale, 0);
    let slotReused = 0;
    for (let i = 0; i < CYCLES; i++) {
      const live = create();
      expect(live).not.toBe(stale);
      if (slotOf64(live) === slotOf64(stale)) {
        slotReused++;
        expect(vk.call('vkGetEventStatus', vk.device, live)).toBe(VkResult.EVENT_RESET);
        expect(vk.call('vkGetEventStatus', vk.device, stale)).toBe(VkResult.ERROR_VALIDATION_FAILED_EXT);
      }
      vk.call('vkDestroyEvent', vk.device, live, 0);
    }
    expect(slotReused).toBeGreaterThan(0);
    expect(vk.shim.liveObjects().events).toBeUndefined();
  });

  test('a freed VkCommandBuffer (a 32-bit handle) stays refused through 2^16 reuses', () => {
    const info = vk.struct(S.VkCommandBufferAllocateInfo, {
      sType: VkStructureType.COMMAND_BUFFER_ALLOCATE_INFO,
      commandPool: vk.commandPool,
      level: VkCommandBufferLevel.PRIMARY,
      commandBufferCount: 1,
    });
    const pCb = vk.alloc(4);
    const allocate = (): number => {
      vk.expectSuccess('vkAllocateCommandBuffers', vk.call('vkAllocateCommandBuffers', vk.device, info, pCb));
      return vk.u32(pCb);
    };
    const free = (cb: number): void => {
      vk.heap.view.setUint32(pCb, cb, true);
      vk.call('vkFreeCommandBuffers', vk.device, vk.commandPool, 1, pCb);
    };
    const beginInfo = vk.struct(S.VkCommandBufferBeginInfo, { sType: VkStructureType.COMMAND_BUFFER_BEGIN_INFO });
    const stale = allocate();
    free(stale);
    let slotReused = 0;
    for (let i = 0; i < CYCLES; i++) {
      const live = allocate();
      expect(live).not.toBe(stale);
      if (slotOf32(live) === slotOf32(stale)) {
        slotReused++;
        expect(vk.call('vkBeginCommandBuffer', stale, beginInfo)).toBe(VkResult.ERROR_VALIDATION_FAILED_EXT);
        expect(vk.call('vkBeginCommandBuffer', live, beginInfo)).toBe(VkResult.SUCCESS);
      }
      free(live);
    }
    expect(slotReused).toBeGreaterThan(0);
  });

  test('a full command buffer table refuses one more with OUT_OF_HOST_MEMORY and keeps every live one', () => {
    const info = vk.struct(S.VkCommandBufferAllocateInfo, {
      sType: VkStructureType.COMMAND_BUFFER_ALLOCATE_INFO,
      commandPool: vk.commandPool,
      level: VkCommandBufferLevel.PRIMARY,
      commandBufferCount: 1,
    });
    const pCb = vk.alloc(4);
    const live: number[] = [];
    let result: unknown = VkResult.SUCCESS;
    while (live.length < 2 ** 13) {
      result = vk.call('vkAllocateCommandBuffers', vk.device, info, pCb);
      if (result !== VkResult.SUCCESS) break;
      live.push(vk.u32(pCb));
    }
    expect(result).toBe(VkResult.ERROR_OUT_OF_HOST_MEMORY);
    expect(vk.shim.validation.last?.message).toMatch(/too many live COMMAND_BUFFER objects/);
    expect(new Set(live).size).toBe(live.length);
    expect(vk.shim.liveObjects().commandBuffers).toBe(live.length);
    for (const cb of live) expect(vk.shim.handles.commandBuffers.lookup(cb)).toBeDefined();

    // One freed, one more fits, in the freed slot under a new generation.
    const pFree = vk.alloc(4);
    vk.heap.view.setUint32(pFree, live[0], true);
    vk.call('vkFreeCommandBuffers', vk.device, vk.commandPool, 1, pFree);
    vk.expectSuccess('vkAllocateCommandBuffers', vk.call('vkAllocateCommandBuffers', vk.device, info, pCb));
    expect(vk.u32(pCb)).not.toBe(live[0]);
    expect(slotOf32(vk.u32(pCb))).toBe(slotOf32(live[0]));
    live[0] = vk.u32(pCb);

    const all = vk.alloc(4 * live.length);
    live.forEach((cb, i) => vk.heap.view.setUint32(all + 4 * i, cb, true));
    vk.call('vkFreeCommandBuffers', vk.device, vk.commandPool, live.length, all);
    expect(vk.shim.liveObjects().commandBuffers).toBeUndefined();
  });
});
