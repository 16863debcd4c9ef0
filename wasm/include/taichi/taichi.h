/*
 * taichi.h: umbrella header of the Taichi C API as implemented by taichi-wasm.
 * This runtime is the Vulkan one (over the WebGPU shim), so Vulkan interop is on unless a
 * translation unit defines TI_WITHOUT_VULKAN.
 */
#ifndef TAICHI_H
#define TAICHI_H

#include "taichi/taichi_platform.h"
#include "taichi/taichi_core.h"

#if !defined(TI_WITH_VULKAN) && !defined(TI_WITHOUT_VULKAN)
#define TI_WITH_VULKAN 1
#endif

#ifdef TI_WITH_VULKAN
#include "taichi/taichi_vulkan.h"
#endif

#endif /* TAICHI_H */
