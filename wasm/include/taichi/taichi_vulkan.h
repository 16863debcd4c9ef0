/*
 * taichi_vulkan.h: Vulkan interop of the Taichi C API, version 1.7, with the event interop of
 * versions up to 1.3. The Vulkan types come from the shim's <vulkan/vulkan.h>, where
 * non-dispatchable handles are 64-bit integers on wasm32.
 *
 * Direction, as in the upstream code: import wraps an object made outside Taichi; export hands
 * Taichi's own object out. Imported objects are never destroyed by Taichi.
 */
#ifndef TAICHI_VULKAN_H
#define TAICHI_VULKAN_H

#include <vulkan/vulkan.h>

#include "taichi/taichi_core.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct TiVulkanRuntimeInteropInfo {
    PFN_vkGetInstanceProcAddr get_instance_proc_addr;
    uint32_t api_version;
    VkInstance instance;
    VkPhysicalDevice physical_device;
    VkDevice device;
    VkQueue compute_queue;
    uint32_t compute_queue_family_index;
    VkQueue graphics_queue;
    uint32_t graphics_queue_family_index;
} TiVulkanRuntimeInteropInfo;

typedef struct TiVulkanMemoryInteropInfo {
    VkBuffer buffer;
    uint64_t size;
    VkBufferUsageFlags usage;
    VkDeviceMemory memory;
    uint64_t offset;
} TiVulkanMemoryInteropInfo;

typedef struct TiVulkanImageInteropInfo {
    VkImage image;
    VkImageType image_type;
    VkFormat format;
    VkExtent3D extent;
    uint32_t mip_level_count;
    uint32_t array_layer_count;
    VkSampleCountFlagBits sample_count;
    VkImageTiling tiling;
    VkImageUsageFlags usage;
} TiVulkanImageInteropInfo;

typedef struct TiVulkanEventInteropInfo {
    VkEvent event;
} TiVulkanEventInteropInfo;

TI_DLL_EXPORT TiRuntime TI_API_CALL ti_create_vulkan_runtime_ext(
    uint32_t api_version, uint32_t instance_extension_count, const char **instance_extensions,
    uint32_t device_extension_count, const char **device_extensions);

TI_DLL_EXPORT TiRuntime TI_API_CALL
ti_import_vulkan_runtime(const TiVulkanRuntimeInteropInfo *interop_info);

TI_DLL_EXPORT void TI_API_CALL ti_export_vulkan_runtime(TiRuntime runtime,
                                                        TiVulkanRuntimeInteropInfo *interop_info);

TI_DLL_EXPORT TiMemory TI_API_CALL ti_import_vulkan_memory(
    TiRuntime runtime, const TiVulkanMemoryInteropInfo *interop_info);

TI_DLL_EXPORT void TI_API_CALL ti_export_vulkan_memory(TiRuntime runtime, TiMemory memory,
                                                       TiVulkanMemoryInteropInfo *interop_info);

TI_DLL_EXPORT TiImage TI_API_CALL ti_import_vulkan_image(
    TiRuntime runtime, const TiVulkanImageInteropInfo *interop_info, VkImageViewType view_type,
    VkImageLayout layout);

TI_DLL_EXPORT void TI_API_CALL ti_export_vulkan_image(TiRuntime runtime, TiImage image,
                                                      TiVulkanImageInteropInfo *interop_info);

TI_DLL_EXPORT TiEvent TI_API_CALL ti_import_vulkan_event(
    TiRuntime runtime, const TiVulkanEventInteropInfo *interop_info);

TI_DLL_EXPORT void TI_API_CALL ti_export_vulkan_event(TiRuntime runtime, TiEvent event,
                                                      TiVulkanEventInteropInfo *interop_info);

#ifdef __cplusplus
}
#endif

#endif /* TAICHI_VULKAN_H */
