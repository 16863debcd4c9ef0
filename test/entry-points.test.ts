// Every vk* prototype of the shim's header must be implemented by the shim or listed below as not
// implemented yet. The wasm build links a trampoline for every prototype, so an entry point that
// is neither would only show up when the C runtime first calls it. Remove names from the list as
// they land; the test fails on a listed name that has become implemented.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { VulkanShim } from '../shim/src/vulkan.js';
import { TestHeap } from './helpers/heap.js';

const HEADER = fileURLToPath(new URL('../shim/include/vulkan/vulkan_core.h', import.meta.url));

/** Implemented in C by the wasm build (they hand out C function pointers), not by the shim. */
const IMPLEMENTED_IN_C = ['vkGetInstanceProcAddr', 'vkGetDeviceProcAddr'];

/** Entry points of later issues (images, samplers, events, vkCmdDispatchBase). */
const NOT_YET_IMPLEMENTED = ['vkCmdDispatchBase'];

/** The vk* prototypes of the header, found the way scripts/gen-bindings.mjs finds them. */
function prototypes(): string[] {
  const text = readFileSync(HEADER, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const names = [...text.matchAll(/VKAPI_ATTR\s+[\w\s*]+?[\s*]VKAPI_CALL\s+(vk\w+)\s*\(/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

describe('vk* entry points', () => {
  const declared = prototypes();
  const implemented = new Set(Object.keys(new VulkanShim(new TestHeap(1), {}).entryPoints));

  it('finds the prototypes of the shim header', () => {
    expect(declared.length).toBeGreaterThan(50);
    expect(declared).toContain('vkQueueSubmit');
  });

  it('implements every prototype that is not on the not-yet-implemented list', () => {
    const missing = declared.filter((n) => !implemented.has(n) && !IMPLEMENTED_IN_C.includes(n) && !NOT_YET_IMPLEMENTED.includes(n));
    expect(missing, 'declared in vulkan_core.h but neither implemented nor listed as not yet implemented').toEqual([]);
  });

  it('lists only names that are declared and still unimplemented (shrink the list as they land)', () => {
    expect(NOT_YET_IMPLEMENTED.filter((n) => !declared.includes(n)), 'listed but not declared in vulkan_core.h').toEqual([]);
    expect(NOT_YET_IMPLEMENTED.filter((n) => implemented.has(n)), 'implemented now: remove from NOT_YET_IMPLEMENTED').toEqual([]);
  });

  it('exposes no entry point that the header does not declare', () => {
    expect([...implemented].filter((n) => !declared.includes(n))).toEqual([]);
  });
});
