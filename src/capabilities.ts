// Named runtime capabilities. The names are Taichi's (a module's required_caps spells them so,
// and wasm/src/capabilities.cpp refuses modules by them): TiCapability's keys in lower case, so
// the one list is taichi_core.h's TiCapability enum, which test/shim/abi.test.ts holds
// abi/taichi-enums.ts to.

import { TiCapability } from './abi/taichi-enums.js';
import { TiCapabilityLevelInfo } from './abi/taichi-structs.js';
import type { TaichiWasm } from './wasm.js';

/** A capability as Taichi names it: `spirv_version`, `spirv_has_float16`, `spirv_has_atomic_float_add`, ... */
export type CapabilityName = Lowercase<Exclude<keyof typeof TiCapability, 'RESERVED'>>;

/**
 * Every capability's level on a runtime: 0 where it is not offered, 1 where it is, and for
 * `spirv_version` the SPIR-V version (0x10300 is SPIR-V 1.3).
 *
 * ```ts
 * const caps = runtime.capabilities();
 * if (caps.spirv_has_float16) console.log('f16 ndarrays and kernels run here');
 * console.log(`SPIR-V ${caps.spirv_version >> 16}.${(caps.spirv_version >> 8) & 0xff}`);
 * ```
 */
export type Capabilities = { readonly [K in CapabilityName]: number };

const NAMES = new Map<number, CapabilityName>(
  Object.entries(TiCapability)
    .filter(([key]) => key !== 'RESERVED')
    .map(([key, value]) => [value, key.toLowerCase() as CapabilityName]),
);

/** What ti_get_runtime_capabilities reports for `runtime`, by name, every capability present. */
export function readCapabilities(wasm: TaichiWasm, runtime: number): Capabilities {
  const levels = Object.fromEntries([...NAMES.values()].map((name) => [name, 0])) as Record<CapabilityName, number>;
  wasm.withHeap(4, (countPtr) => {
    wasm.call('ti_get_runtime_capabilities', runtime, countPtr, 0);
    const count = wasm.view().getUint32(countPtr, true);
    const L = TiCapabilityLevelInfo;
    wasm.withHeap(count * L.size, (list) => {
      wasm.call('ti_get_runtime_capabilities', runtime, countPtr, list);
      const v = wasm.view();
      for (let i = 0; i < count; i++) {
        const name = NAMES.get(v.getUint32(list + i * L.size + L.offsets.capability, true));
        if (name) levels[name] = v.getUint32(list + i * L.size + L.offsets.level, true);
      }
    });
  });
  return levels;
}
