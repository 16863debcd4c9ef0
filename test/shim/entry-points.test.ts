// The wasm build links a trampoline for every core Vulkan 1.0-1.3 command of the Khronos header
// (scripts/gen-bindings.mjs); the shim implements some, and the rest answer
// VK_ERROR_FEATURE_NOT_PRESENT (test/runtime/c-programs.test.ts calls them from C, and checks that
// vkGet*ProcAddr answers NULL for them). Here: the shim implements nothing the header lacks, and
// all of the compute subset a Vulkan compute program needs.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { VulkanShim } from '../../shim/src/vulkan.js';
import { VkResult } from '../../shim/src/abi/vk-enums.js';
import { TestHeap } from '../helpers/heap.js';

const HEADER = fileURLToPath(new URL('../../wasm/build/include/vulkan/vulkan_core.h', import.meta.url));

/** The core and VK_EXT_debug_utils commands of the header, found the way scripts/gen-bindings.mjs finds them. */
function coreCommands(): string[] {
  const core = readFileSync(HEADER, 'utf8')
    .split(/^(?=#define VK_[A-Z0-9]+_\w+ 1$)/m)
    .filter((block) => /^#define (VK_VERSION_1_[0-3]|VK_EXT_debug_utils) 1$/m.test(block.split('\n', 1)[0]))
    .join('\n');
  return [...new Set([...core.matchAll(/VKAPI_ATTR\s+[\w\s*]+?[\s*]VKAPI_CALL\s+(vk\w+)\s*\(/g)].map((m) => m[1]))].sort();
}

/** What a compute program needs, by command family. */
const COMPUTE = [
  'vkCreateInstance', 'vkEnumeratePhysicalDevices', 'vkGetPhysicalDeviceProperties', 'vkGetPhysicalDeviceMemoryProperties',
  'vkGetPhysicalDeviceQueueFamilyProperties', 'vkCreateDevice', 'vkGetDeviceQueue', 'vkAllocateMemory', 'vkMapMemory',
  'vkCreateBuffer', 'vkBindBufferMemory', 'vkCreateShaderModule', 'vkCreateDescriptorSetLayout', 'vkCreatePipelineLayout',
  'vkCreateComputePipelines', 'vkCreateDescriptorPool', 'vkAllocateDescriptorSets', 'vkUpdateDescriptorSets',
  'vkCreateCommandPool', 'vkAllocateCommandBuffers', 'vkBeginCommandBuffer', 'vkCmdBindPipeline', 'vkCmdBindDescriptorSets',
  'vkCmdPushConstants', 'vkCmdDispatch', 'vkCmdDispatchIndirect', 'vkCmdPipelineBarrier', 'vkCmdCopyBuffer',
  'vkCmdSetEvent', 'vkCmdWaitEvents', 'vkQueueSubmit', 'vkWaitForFences', 'vkQueueWaitIdle', 'vkDeviceWaitIdle',
  'vkGetPhysicalDeviceFeatures2', 'vkGetPhysicalDeviceProperties2',
];

describe('vk* entry points', () => {
  const core = coreCommands();
  const shim = new VulkanShim(new TestHeap(1), {});
  const implemented = Object.keys(shim.entryPoints);

  it('finds every core command of the Khronos header', () => {
    expect(core.length).toBeGreaterThan(200);
    expect(core).toContain('vkCmdDispatchBase');
    expect(core).toContain('vkCmdPipelineBarrier2');
  });

  it('implements nothing the header does not declare', () => {
    expect(implemented.filter((n) => !core.includes(n))).toEqual([]);
  });

  it('implements what compute programs use', () => {
    expect(COMPUTE.filter((n) => !implemented.includes(n))).toEqual([]);
  });

  it('answers VK_ERROR_FEATURE_NOT_PRESENT for the others and reports the call', () => {
    const missing = core.filter((n) => !implemented.includes(n) && n !== 'vkGetInstanceProcAddr' && n !== 'vkGetDeviceProcAddr');
    expect(missing).toContain('vkCreateGraphicsPipelines');
    expect(shim.unimplemented('vkCreateGraphicsPipelines')()).toBe(VkResult.ERROR_FEATURE_NOT_PRESENT);
    expect(shim.validation.last).toEqual(expect.objectContaining({ entryPoint: 'vkCreateGraphicsPipelines' }));
  });
});
