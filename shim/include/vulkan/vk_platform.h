/*
 * vk_platform.h: calling-convention macros and the integer types the Vulkan headers rely on.
 * taichi-wasm targets wasm32 (and the host compilers used to check the headers), where no
 * special calling convention exists, so the macros expand to nothing.
 */
#ifndef VK_PLATFORM_H_
#define VK_PLATFORM_H_

#if defined(_WIN32)
#define VKAPI_ATTR
#define VKAPI_CALL __stdcall
#define VKAPI_PTR VKAPI_CALL
#else
#define VKAPI_ATTR
#define VKAPI_CALL
#define VKAPI_PTR
#endif

#include <stddef.h>
#include <stdint.h>

#endif /* VK_PLATFORM_H_ */
