/*
 * vulkan.h: entry point of taichi-wasm's Vulkan subset (see vulkan_core.h). Like the Khronos
 * header it pulls in the platform macros and the core API; there are no window-system parts.
 */
#ifndef VULKAN_H_
#define VULKAN_H_ 1

#include "vk_platform.h"
#include "vulkan_core.h"

#endif /* VULKAN_H_ */
