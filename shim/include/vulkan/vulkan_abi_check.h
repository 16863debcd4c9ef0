/*
 * vulkan_abi_check.h: the wasm32 layout of the Khronos Vulkan structs the shim reads (libvulkan-dev's
 * headers), pinned by static asserts.
 *
 * The TypeScript shim reads these structs out of the wasm heap with the offsets in
 * shim/src/abi/vk-structs.ts; a change of layout here must change there too. The numbers were
 * measured with emcc 3.1.6 and agree with the wasm32 C rules: pointers and size_t are 4 bytes,
 * VkDeviceSize and non-dispatchable handles are uint64_t aligned to 8 (hence the padding after
 * pNext in VkMappedMemoryRange and friends). Included by nothing by default; test/abi.test.ts
 * compiles it as C11 and C++17.
 */
#ifndef VULKAN_ABI_CHECK_H_
#define VULKAN_ABI_CHECK_H_ 1

#include <stddef.h>

#include <vulkan/vulkan.h>

#if defined(__wasm32__)

#if defined(__cplusplus)
#define VK_ABI_ASSERT(cond) static_assert(cond, #cond)
#define VK_ABI_ALIGNOF(type) alignof(type)
#else
#define VK_ABI_ASSERT(cond) _Static_assert(cond, #cond)
#define VK_ABI_ALIGNOF(type) _Alignof(type)
#endif

/* Handles: dispatchable ones are pointers, the others 64-bit integers. */
VK_ABI_ASSERT(sizeof(VkInstance) == 4);
VK_ABI_ASSERT(sizeof(VkPhysicalDevice) == 4);
VK_ABI_ASSERT(sizeof(VkDevice) == 4);
VK_ABI_ASSERT(sizeof(VkQueue) == 4);
VK_ABI_ASSERT(sizeof(VkCommandBuffer) == 4);
VK_ABI_ASSERT(sizeof(VkSemaphore) == 8);
VK_ABI_ASSERT(sizeof(VkFence) == 8);
VK_ABI_ASSERT(sizeof(VkDeviceMemory) == 8);
VK_ABI_ASSERT(sizeof(VkBuffer) == 8);
VK_ABI_ASSERT(sizeof(VkImage) == 8);
VK_ABI_ASSERT(sizeof(VkEvent) == 8);
VK_ABI_ASSERT(sizeof(VkQueryPool) == 8);
VK_ABI_ASSERT(sizeof(VkBufferView) == 8);
VK_ABI_ASSERT(sizeof(VkImageView) == 8);
VK_ABI_ASSERT(sizeof(VkShaderModule) == 8);
VK_ABI_ASSERT(sizeof(VkPipelineCache) == 8);
VK_ABI_ASSERT(sizeof(VkPipelineLayout) == 8);
VK_ABI_ASSERT(sizeof(VkRenderPass) == 8);
VK_ABI_ASSERT(sizeof(VkPipeline) == 8);
VK_ABI_ASSERT(sizeof(VkDescriptorSetLayout) == 8);
VK_ABI_ASSERT(sizeof(VkSampler) == 8);
VK_ABI_ASSERT(sizeof(VkDescriptorPool) == 8);
VK_ABI_ASSERT(sizeof(VkDescriptorSet) == 8);
VK_ABI_ASSERT(sizeof(VkFramebuffer) == 8);
VK_ABI_ASSERT(sizeof(VkCommandPool) == 8);

/* Enums: every one fits in 32 bits. */
VK_ABI_ASSERT(sizeof(VkResult) == 4);
VK_ABI_ASSERT(sizeof(VkStructureType) == 4);
VK_ABI_ASSERT(sizeof(VkObjectType) == 4);
VK_ABI_ASSERT(sizeof(VkFormat) == 4);
VK_ABI_ASSERT(sizeof(VkFormatFeatureFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceType) == 4);
VK_ABI_ASSERT(sizeof(VkQueueFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkMemoryPropertyFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkMemoryHeapFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkSampleCountFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkSubgroupFeatureFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkAccessFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkPipelineStageFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkDependencyFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkFenceCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkEventCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkSharingMode) == 4);
VK_ABI_ASSERT(sizeof(VkBufferCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkBufferUsageFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkImageType) == 4);
VK_ABI_ASSERT(sizeof(VkImageTiling) == 4);
VK_ABI_ASSERT(sizeof(VkImageViewType) == 4);
VK_ABI_ASSERT(sizeof(VkImageLayout) == 4);
VK_ABI_ASSERT(sizeof(VkComponentSwizzle) == 4);
VK_ABI_ASSERT(sizeof(VkImageCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkImageUsageFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkImageAspectFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkFilter) == 4);
VK_ABI_ASSERT(sizeof(VkSamplerMipmapMode) == 4);
VK_ABI_ASSERT(sizeof(VkSamplerAddressMode) == 4);
VK_ABI_ASSERT(sizeof(VkBorderColor) == 4);
VK_ABI_ASSERT(sizeof(VkCompareOp) == 4);
VK_ABI_ASSERT(sizeof(VkShaderStageFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkPipelineBindPoint) == 4);
VK_ABI_ASSERT(sizeof(VkPipelineCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkDescriptorType) == 4);
VK_ABI_ASSERT(sizeof(VkDescriptorPoolCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkDescriptorSetLayoutCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkCommandPoolCreateFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkCommandPoolResetFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkCommandBufferLevel) == 4);
VK_ABI_ASSERT(sizeof(VkCommandBufferUsageFlagBits) == 4);
VK_ABI_ASSERT(sizeof(VkCommandBufferResetFlagBits) == 4);

/* VkAllocationCallbacks */
VK_ABI_ASSERT(sizeof(VkAllocationCallbacks) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkAllocationCallbacks) == 4);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pUserData) == 0);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pfnAllocation) == 4);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pfnReallocation) == 8);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pfnFree) == 12);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pfnInternalAllocation) == 16);
VK_ABI_ASSERT(offsetof(VkAllocationCallbacks, pfnInternalFree) == 20);

/* VkApplicationInfo */
VK_ABI_ASSERT(sizeof(VkApplicationInfo) == 28);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkApplicationInfo) == 4);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, pApplicationName) == 8);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, applicationVersion) == 12);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, pEngineName) == 16);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, engineVersion) == 20);
VK_ABI_ASSERT(offsetof(VkApplicationInfo, apiVersion) == 24);

/* VkBufferCopy */
VK_ABI_ASSERT(sizeof(VkBufferCopy) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkBufferCopy) == 8);
VK_ABI_ASSERT(offsetof(VkBufferCopy, srcOffset) == 0);
VK_ABI_ASSERT(offsetof(VkBufferCopy, dstOffset) == 8);
VK_ABI_ASSERT(offsetof(VkBufferCopy, size) == 16);

/* VkBufferCreateInfo */
VK_ABI_ASSERT(sizeof(VkBufferCreateInfo) == 40);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkBufferCreateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, size) == 16);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, usage) == 24);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, sharingMode) == 28);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, queueFamilyIndexCount) == 32);
VK_ABI_ASSERT(offsetof(VkBufferCreateInfo, pQueueFamilyIndices) == 36);

/* VkBufferImageCopy */
VK_ABI_ASSERT(sizeof(VkBufferImageCopy) == 56);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkBufferImageCopy) == 8);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, bufferOffset) == 0);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, bufferRowLength) == 8);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, bufferImageHeight) == 12);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, imageSubresource) == 16);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, imageOffset) == 32);
VK_ABI_ASSERT(offsetof(VkBufferImageCopy, imageExtent) == 44);

/* VkBufferMemoryBarrier */
VK_ABI_ASSERT(sizeof(VkBufferMemoryBarrier) == 48);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkBufferMemoryBarrier) == 8);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, sType) == 0);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, srcAccessMask) == 8);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, dstAccessMask) == 12);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, srcQueueFamilyIndex) == 16);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, dstQueueFamilyIndex) == 20);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, buffer) == 24);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, offset) == 32);
VK_ABI_ASSERT(offsetof(VkBufferMemoryBarrier, size) == 40);

/* VkBufferViewCreateInfo */
VK_ABI_ASSERT(sizeof(VkBufferViewCreateInfo) == 48);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkBufferViewCreateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, buffer) == 16);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, format) == 24);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, offset) == 32);
VK_ABI_ASSERT(offsetof(VkBufferViewCreateInfo, range) == 40);

/* VkClearColorValue */
VK_ABI_ASSERT(sizeof(VkClearColorValue) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkClearColorValue) == 4);
VK_ABI_ASSERT(offsetof(VkClearColorValue, float32) == 0);
VK_ABI_ASSERT(offsetof(VkClearColorValue, int32) == 0);
VK_ABI_ASSERT(offsetof(VkClearColorValue, uint32) == 0);

/* VkClearDepthStencilValue */
VK_ABI_ASSERT(sizeof(VkClearDepthStencilValue) == 8);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkClearDepthStencilValue) == 4);
VK_ABI_ASSERT(offsetof(VkClearDepthStencilValue, depth) == 0);
VK_ABI_ASSERT(offsetof(VkClearDepthStencilValue, stencil) == 4);

/* VkCommandBufferAllocateInfo */
VK_ABI_ASSERT(sizeof(VkCommandBufferAllocateInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkCommandBufferAllocateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkCommandBufferAllocateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkCommandBufferAllocateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkCommandBufferAllocateInfo, commandPool) == 8);
VK_ABI_ASSERT(offsetof(VkCommandBufferAllocateInfo, level) == 16);
VK_ABI_ASSERT(offsetof(VkCommandBufferAllocateInfo, commandBufferCount) == 20);

/* VkCommandBufferBeginInfo */
VK_ABI_ASSERT(sizeof(VkCommandBufferBeginInfo) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkCommandBufferBeginInfo) == 4);
VK_ABI_ASSERT(offsetof(VkCommandBufferBeginInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkCommandBufferBeginInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkCommandBufferBeginInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkCommandBufferBeginInfo, pInheritanceInfo) == 12);

/* VkCommandBufferInheritanceInfo */
VK_ABI_ASSERT(sizeof(VkCommandBufferInheritanceInfo) == 48);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkCommandBufferInheritanceInfo) == 8);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, renderPass) == 8);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, subpass) == 16);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, framebuffer) == 24);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, occlusionQueryEnable) == 32);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, queryFlags) == 36);
VK_ABI_ASSERT(offsetof(VkCommandBufferInheritanceInfo, pipelineStatistics) == 40);

/* VkCommandPoolCreateInfo */
VK_ABI_ASSERT(sizeof(VkCommandPoolCreateInfo) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkCommandPoolCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkCommandPoolCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkCommandPoolCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkCommandPoolCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkCommandPoolCreateInfo, queueFamilyIndex) == 12);

/* VkComponentMapping */
VK_ABI_ASSERT(sizeof(VkComponentMapping) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkComponentMapping) == 4);
VK_ABI_ASSERT(offsetof(VkComponentMapping, r) == 0);
VK_ABI_ASSERT(offsetof(VkComponentMapping, g) == 4);
VK_ABI_ASSERT(offsetof(VkComponentMapping, b) == 8);
VK_ABI_ASSERT(offsetof(VkComponentMapping, a) == 12);

/* VkComputePipelineCreateInfo */
VK_ABI_ASSERT(sizeof(VkComputePipelineCreateInfo) == 72);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkComputePipelineCreateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, stage) == 16);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, layout) == 48);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, basePipelineHandle) == 56);
VK_ABI_ASSERT(offsetof(VkComputePipelineCreateInfo, basePipelineIndex) == 64);

/* VkCopyDescriptorSet */
VK_ABI_ASSERT(sizeof(VkCopyDescriptorSet) == 48);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkCopyDescriptorSet) == 8);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, sType) == 0);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, srcSet) == 8);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, srcBinding) == 16);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, srcArrayElement) == 20);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, dstSet) == 24);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, dstBinding) == 32);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, dstArrayElement) == 36);
VK_ABI_ASSERT(offsetof(VkCopyDescriptorSet, descriptorCount) == 40);

/* VkDescriptorBufferInfo */
VK_ABI_ASSERT(sizeof(VkDescriptorBufferInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorBufferInfo) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorBufferInfo, buffer) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorBufferInfo, offset) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorBufferInfo, range) == 16);

/* VkDescriptorImageInfo */
VK_ABI_ASSERT(sizeof(VkDescriptorImageInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorImageInfo) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorImageInfo, sampler) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorImageInfo, imageView) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorImageInfo, imageLayout) == 16);

/* VkDescriptorPoolCreateInfo */
VK_ABI_ASSERT(sizeof(VkDescriptorPoolCreateInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorPoolCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, maxSets) == 12);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, poolSizeCount) == 16);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolCreateInfo, pPoolSizes) == 20);

/* VkDescriptorPoolSize */
VK_ABI_ASSERT(sizeof(VkDescriptorPoolSize) == 8);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorPoolSize) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolSize, type) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorPoolSize, descriptorCount) == 4);

/* VkDescriptorSetAllocateInfo */
VK_ABI_ASSERT(sizeof(VkDescriptorSetAllocateInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorSetAllocateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorSetAllocateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorSetAllocateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorSetAllocateInfo, descriptorPool) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorSetAllocateInfo, descriptorSetCount) == 16);
VK_ABI_ASSERT(offsetof(VkDescriptorSetAllocateInfo, pSetLayouts) == 20);

/* VkDescriptorSetLayoutBinding */
VK_ABI_ASSERT(sizeof(VkDescriptorSetLayoutBinding) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorSetLayoutBinding) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutBinding, binding) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutBinding, descriptorType) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutBinding, descriptorCount) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutBinding, stageFlags) == 12);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutBinding, pImmutableSamplers) == 16);

/* VkDescriptorSetLayoutCreateInfo */
VK_ABI_ASSERT(sizeof(VkDescriptorSetLayoutCreateInfo) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDescriptorSetLayoutCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutCreateInfo, bindingCount) == 12);
VK_ABI_ASSERT(offsetof(VkDescriptorSetLayoutCreateInfo, pBindings) == 16);

/* VkDeviceCreateInfo */
VK_ABI_ASSERT(sizeof(VkDeviceCreateInfo) == 40);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDeviceCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, queueCreateInfoCount) == 12);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, pQueueCreateInfos) == 16);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, enabledLayerCount) == 20);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, ppEnabledLayerNames) == 24);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, enabledExtensionCount) == 28);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, ppEnabledExtensionNames) == 32);
VK_ABI_ASSERT(offsetof(VkDeviceCreateInfo, pEnabledFeatures) == 36);

/* VkDeviceQueueCreateInfo */
VK_ABI_ASSERT(sizeof(VkDeviceQueueCreateInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDeviceQueueCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, queueFamilyIndex) == 12);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, queueCount) == 16);
VK_ABI_ASSERT(offsetof(VkDeviceQueueCreateInfo, pQueuePriorities) == 20);

/* VkDispatchIndirectCommand */
VK_ABI_ASSERT(sizeof(VkDispatchIndirectCommand) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkDispatchIndirectCommand) == 4);
VK_ABI_ASSERT(offsetof(VkDispatchIndirectCommand, x) == 0);
VK_ABI_ASSERT(offsetof(VkDispatchIndirectCommand, y) == 4);
VK_ABI_ASSERT(offsetof(VkDispatchIndirectCommand, z) == 8);

/* VkEventCreateInfo */
VK_ABI_ASSERT(sizeof(VkEventCreateInfo) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkEventCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkEventCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkEventCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkEventCreateInfo, flags) == 8);

/* VkExtensionProperties */
VK_ABI_ASSERT(sizeof(VkExtensionProperties) == 260);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkExtensionProperties) == 4);
VK_ABI_ASSERT(offsetof(VkExtensionProperties, extensionName) == 0);
VK_ABI_ASSERT(offsetof(VkExtensionProperties, specVersion) == 256);

/* VkExtent2D */
VK_ABI_ASSERT(sizeof(VkExtent2D) == 8);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkExtent2D) == 4);
VK_ABI_ASSERT(offsetof(VkExtent2D, width) == 0);
VK_ABI_ASSERT(offsetof(VkExtent2D, height) == 4);

/* VkExtent3D */
VK_ABI_ASSERT(sizeof(VkExtent3D) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkExtent3D) == 4);
VK_ABI_ASSERT(offsetof(VkExtent3D, width) == 0);
VK_ABI_ASSERT(offsetof(VkExtent3D, height) == 4);
VK_ABI_ASSERT(offsetof(VkExtent3D, depth) == 8);

/* VkFenceCreateInfo */
VK_ABI_ASSERT(sizeof(VkFenceCreateInfo) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkFenceCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkFenceCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkFenceCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkFenceCreateInfo, flags) == 8);

/* VkFormatProperties */
VK_ABI_ASSERT(sizeof(VkFormatProperties) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkFormatProperties) == 4);
VK_ABI_ASSERT(offsetof(VkFormatProperties, linearTilingFeatures) == 0);
VK_ABI_ASSERT(offsetof(VkFormatProperties, optimalTilingFeatures) == 4);
VK_ABI_ASSERT(offsetof(VkFormatProperties, bufferFeatures) == 8);

/* VkImageCopy */
VK_ABI_ASSERT(sizeof(VkImageCopy) == 68);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageCopy) == 4);
VK_ABI_ASSERT(offsetof(VkImageCopy, srcSubresource) == 0);
VK_ABI_ASSERT(offsetof(VkImageCopy, srcOffset) == 16);
VK_ABI_ASSERT(offsetof(VkImageCopy, dstSubresource) == 28);
VK_ABI_ASSERT(offsetof(VkImageCopy, dstOffset) == 44);
VK_ABI_ASSERT(offsetof(VkImageCopy, extent) == 56);

/* VkImageCreateInfo */
VK_ABI_ASSERT(sizeof(VkImageCreateInfo) == 68);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, imageType) == 12);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, format) == 16);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, extent) == 20);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, mipLevels) == 32);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, arrayLayers) == 36);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, samples) == 40);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, tiling) == 44);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, usage) == 48);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, sharingMode) == 52);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, queueFamilyIndexCount) == 56);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, pQueueFamilyIndices) == 60);
VK_ABI_ASSERT(offsetof(VkImageCreateInfo, initialLayout) == 64);

/* VkImageFormatProperties */
VK_ABI_ASSERT(sizeof(VkImageFormatProperties) == 32);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageFormatProperties) == 8);
VK_ABI_ASSERT(offsetof(VkImageFormatProperties, maxExtent) == 0);
VK_ABI_ASSERT(offsetof(VkImageFormatProperties, maxMipLevels) == 12);
VK_ABI_ASSERT(offsetof(VkImageFormatProperties, maxArrayLayers) == 16);
VK_ABI_ASSERT(offsetof(VkImageFormatProperties, sampleCounts) == 20);
VK_ABI_ASSERT(offsetof(VkImageFormatProperties, maxResourceSize) == 24);

/* VkImageMemoryBarrier */
VK_ABI_ASSERT(sizeof(VkImageMemoryBarrier) == 64);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageMemoryBarrier) == 8);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, sType) == 0);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, srcAccessMask) == 8);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, dstAccessMask) == 12);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, oldLayout) == 16);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, newLayout) == 20);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, srcQueueFamilyIndex) == 24);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, dstQueueFamilyIndex) == 28);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, image) == 32);
VK_ABI_ASSERT(offsetof(VkImageMemoryBarrier, subresourceRange) == 40);

/* VkImageSubresource */
VK_ABI_ASSERT(sizeof(VkImageSubresource) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageSubresource) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresource, aspectMask) == 0);
VK_ABI_ASSERT(offsetof(VkImageSubresource, mipLevel) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresource, arrayLayer) == 8);

/* VkImageSubresourceLayers */
VK_ABI_ASSERT(sizeof(VkImageSubresourceLayers) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageSubresourceLayers) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresourceLayers, aspectMask) == 0);
VK_ABI_ASSERT(offsetof(VkImageSubresourceLayers, mipLevel) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresourceLayers, baseArrayLayer) == 8);
VK_ABI_ASSERT(offsetof(VkImageSubresourceLayers, layerCount) == 12);

/* VkImageSubresourceRange */
VK_ABI_ASSERT(sizeof(VkImageSubresourceRange) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageSubresourceRange) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresourceRange, aspectMask) == 0);
VK_ABI_ASSERT(offsetof(VkImageSubresourceRange, baseMipLevel) == 4);
VK_ABI_ASSERT(offsetof(VkImageSubresourceRange, levelCount) == 8);
VK_ABI_ASSERT(offsetof(VkImageSubresourceRange, baseArrayLayer) == 12);
VK_ABI_ASSERT(offsetof(VkImageSubresourceRange, layerCount) == 16);

/* VkImageViewCreateInfo */
VK_ABI_ASSERT(sizeof(VkImageViewCreateInfo) == 72);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkImageViewCreateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, image) == 16);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, viewType) == 24);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, format) == 28);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, components) == 32);
VK_ABI_ASSERT(offsetof(VkImageViewCreateInfo, subresourceRange) == 48);

/* VkInstanceCreateInfo */
VK_ABI_ASSERT(sizeof(VkInstanceCreateInfo) == 32);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkInstanceCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, pApplicationInfo) == 12);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, enabledLayerCount) == 16);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, ppEnabledLayerNames) == 20);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, enabledExtensionCount) == 24);
VK_ABI_ASSERT(offsetof(VkInstanceCreateInfo, ppEnabledExtensionNames) == 28);

/* VkLayerProperties */
VK_ABI_ASSERT(sizeof(VkLayerProperties) == 520);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkLayerProperties) == 4);
VK_ABI_ASSERT(offsetof(VkLayerProperties, layerName) == 0);
VK_ABI_ASSERT(offsetof(VkLayerProperties, specVersion) == 256);
VK_ABI_ASSERT(offsetof(VkLayerProperties, implementationVersion) == 260);
VK_ABI_ASSERT(offsetof(VkLayerProperties, description) == 264);

/* VkMappedMemoryRange */
VK_ABI_ASSERT(sizeof(VkMappedMemoryRange) == 32);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMappedMemoryRange) == 8);
VK_ABI_ASSERT(offsetof(VkMappedMemoryRange, sType) == 0);
VK_ABI_ASSERT(offsetof(VkMappedMemoryRange, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkMappedMemoryRange, memory) == 8);
VK_ABI_ASSERT(offsetof(VkMappedMemoryRange, offset) == 16);
VK_ABI_ASSERT(offsetof(VkMappedMemoryRange, size) == 24);

/* VkMemoryAllocateInfo */
VK_ABI_ASSERT(sizeof(VkMemoryAllocateInfo) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMemoryAllocateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryAllocateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkMemoryAllocateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkMemoryAllocateInfo, allocationSize) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryAllocateInfo, memoryTypeIndex) == 16);

/* VkMemoryBarrier */
VK_ABI_ASSERT(sizeof(VkMemoryBarrier) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMemoryBarrier) == 4);
VK_ABI_ASSERT(offsetof(VkMemoryBarrier, sType) == 0);
VK_ABI_ASSERT(offsetof(VkMemoryBarrier, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkMemoryBarrier, srcAccessMask) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryBarrier, dstAccessMask) == 12);

/* VkMemoryHeap */
VK_ABI_ASSERT(sizeof(VkMemoryHeap) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMemoryHeap) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryHeap, size) == 0);
VK_ABI_ASSERT(offsetof(VkMemoryHeap, flags) == 8);

/* VkMemoryRequirements */
VK_ABI_ASSERT(sizeof(VkMemoryRequirements) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMemoryRequirements) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryRequirements, size) == 0);
VK_ABI_ASSERT(offsetof(VkMemoryRequirements, alignment) == 8);
VK_ABI_ASSERT(offsetof(VkMemoryRequirements, memoryTypeBits) == 16);

/* VkMemoryType */
VK_ABI_ASSERT(sizeof(VkMemoryType) == 8);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkMemoryType) == 4);
VK_ABI_ASSERT(offsetof(VkMemoryType, propertyFlags) == 0);
VK_ABI_ASSERT(offsetof(VkMemoryType, heapIndex) == 4);

/* VkOffset2D */
VK_ABI_ASSERT(sizeof(VkOffset2D) == 8);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkOffset2D) == 4);
VK_ABI_ASSERT(offsetof(VkOffset2D, x) == 0);
VK_ABI_ASSERT(offsetof(VkOffset2D, y) == 4);

/* VkOffset3D */
VK_ABI_ASSERT(sizeof(VkOffset3D) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkOffset3D) == 4);
VK_ABI_ASSERT(offsetof(VkOffset3D, x) == 0);
VK_ABI_ASSERT(offsetof(VkOffset3D, y) == 4);
VK_ABI_ASSERT(offsetof(VkOffset3D, z) == 8);

/* VkPhysicalDevice16BitStorageFeatures */
VK_ABI_ASSERT(sizeof(VkPhysicalDevice16BitStorageFeatures) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDevice16BitStorageFeatures) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, storageBuffer16BitAccess) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, uniformAndStorageBuffer16BitAccess) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, storagePushConstant16) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice16BitStorageFeatures, storageInputOutput16) == 20);

/* VkPhysicalDevice8BitStorageFeatures */
VK_ABI_ASSERT(sizeof(VkPhysicalDevice8BitStorageFeatures) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDevice8BitStorageFeatures) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice8BitStorageFeatures, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice8BitStorageFeatures, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice8BitStorageFeatures, storageBuffer8BitAccess) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice8BitStorageFeatures, uniformAndStorageBuffer8BitAccess) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDevice8BitStorageFeatures, storagePushConstant8) == 16);

/* VkPhysicalDeviceFeatures */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceFeatures) == 220);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceFeatures) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, robustBufferAccess) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, fullDrawIndexUint32) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, imageCubeArray) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, independentBlend) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, geometryShader) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, tessellationShader) == 20);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sampleRateShading) == 24);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, dualSrcBlend) == 28);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, logicOp) == 32);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, multiDrawIndirect) == 36);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, drawIndirectFirstInstance) == 40);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, depthClamp) == 44);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, depthBiasClamp) == 48);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, fillModeNonSolid) == 52);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, depthBounds) == 56);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, wideLines) == 60);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, largePoints) == 64);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, alphaToOne) == 68);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, multiViewport) == 72);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, samplerAnisotropy) == 76);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, textureCompressionETC2) == 80);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, textureCompressionASTC_LDR) == 84);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, textureCompressionBC) == 88);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, occlusionQueryPrecise) == 92);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, pipelineStatisticsQuery) == 96);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, vertexPipelineStoresAndAtomics) == 100);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, fragmentStoresAndAtomics) == 104);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderTessellationAndGeometryPointSize) == 108);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderImageGatherExtended) == 112);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageImageExtendedFormats) == 116);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageImageMultisample) == 120);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageImageReadWithoutFormat) == 124);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageImageWriteWithoutFormat) == 128);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderUniformBufferArrayDynamicIndexing) == 132);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderSampledImageArrayDynamicIndexing) == 136);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageBufferArrayDynamicIndexing) == 140);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderStorageImageArrayDynamicIndexing) == 144);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderClipDistance) == 148);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderCullDistance) == 152);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderFloat64) == 156);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderInt64) == 160);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderInt16) == 164);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderResourceResidency) == 168);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, shaderResourceMinLod) == 172);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseBinding) == 176);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidencyBuffer) == 180);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidencyImage2D) == 184);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidencyImage3D) == 188);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidency2Samples) == 192);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidency4Samples) == 196);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidency8Samples) == 200);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidency16Samples) == 204);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, sparseResidencyAliased) == 208);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, variableMultisampleRate) == 212);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures, inheritedQueries) == 216);

/* VkPhysicalDeviceFeatures2 */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceFeatures2) == 228);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceFeatures2) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures2, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures2, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceFeatures2, features) == 8);

/* VkPhysicalDeviceLimits */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceLimits) == 496);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceLimits) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxImageDimension1D) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxImageDimension2D) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxImageDimension3D) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxImageDimensionCube) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxImageArrayLayers) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTexelBufferElements) == 20);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxUniformBufferRange) == 24);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxStorageBufferRange) == 28);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPushConstantsSize) == 32);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxMemoryAllocationCount) == 36);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxSamplerAllocationCount) == 40);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, bufferImageGranularity) == 48);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, sparseAddressSpaceSize) == 56);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxBoundDescriptorSets) == 64);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorSamplers) == 68);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorUniformBuffers) == 72);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorStorageBuffers) == 76);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorSampledImages) == 80);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorStorageImages) == 84);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageDescriptorInputAttachments) == 88);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxPerStageResources) == 92);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetSamplers) == 96);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetUniformBuffers) == 100);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetUniformBuffersDynamic) == 104);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetStorageBuffers) == 108);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetStorageBuffersDynamic) == 112);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetSampledImages) == 116);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetStorageImages) == 120);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDescriptorSetInputAttachments) == 124);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxVertexInputAttributes) == 128);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxVertexInputBindings) == 132);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxVertexInputAttributeOffset) == 136);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxVertexInputBindingStride) == 140);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxVertexOutputComponents) == 144);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationGenerationLevel) == 148);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationPatchSize) == 152);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationControlPerVertexInputComponents) == 156);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationControlPerVertexOutputComponents) == 160);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationControlPerPatchOutputComponents) == 164);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationControlTotalOutputComponents) == 168);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationEvaluationInputComponents) == 172);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTessellationEvaluationOutputComponents) == 176);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxGeometryShaderInvocations) == 180);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxGeometryInputComponents) == 184);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxGeometryOutputComponents) == 188);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxGeometryOutputVertices) == 192);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxGeometryTotalOutputComponents) == 196);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFragmentInputComponents) == 200);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFragmentOutputAttachments) == 204);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFragmentDualSrcAttachments) == 208);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFragmentCombinedOutputResources) == 212);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxComputeSharedMemorySize) == 216);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxComputeWorkGroupCount) == 220);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxComputeWorkGroupInvocations) == 232);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxComputeWorkGroupSize) == 236);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, subPixelPrecisionBits) == 248);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, subTexelPrecisionBits) == 252);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, mipmapPrecisionBits) == 256);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDrawIndexedIndexValue) == 260);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxDrawIndirectCount) == 264);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxSamplerLodBias) == 268);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxSamplerAnisotropy) == 272);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxViewports) == 276);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxViewportDimensions) == 280);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, viewportBoundsRange) == 288);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, viewportSubPixelBits) == 296);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minMemoryMapAlignment) == 300);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minTexelBufferOffsetAlignment) == 304);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minUniformBufferOffsetAlignment) == 312);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minStorageBufferOffsetAlignment) == 320);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minTexelOffset) == 328);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTexelOffset) == 332);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minTexelGatherOffset) == 336);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxTexelGatherOffset) == 340);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, minInterpolationOffset) == 344);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxInterpolationOffset) == 348);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, subPixelInterpolationOffsetBits) == 352);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFramebufferWidth) == 356);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFramebufferHeight) == 360);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxFramebufferLayers) == 364);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, framebufferColorSampleCounts) == 368);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, framebufferDepthSampleCounts) == 372);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, framebufferStencilSampleCounts) == 376);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, framebufferNoAttachmentsSampleCounts) == 380);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxColorAttachments) == 384);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, sampledImageColorSampleCounts) == 388);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, sampledImageIntegerSampleCounts) == 392);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, sampledImageDepthSampleCounts) == 396);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, sampledImageStencilSampleCounts) == 400);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, storageImageSampleCounts) == 404);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxSampleMaskWords) == 408);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, timestampComputeAndGraphics) == 412);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, timestampPeriod) == 416);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxClipDistances) == 420);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxCullDistances) == 424);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, maxCombinedClipAndCullDistances) == 428);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, discreteQueuePriorities) == 432);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, pointSizeRange) == 436);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, lineWidthRange) == 444);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, pointSizeGranularity) == 452);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, lineWidthGranularity) == 456);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, strictLines) == 460);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, standardSampleLocations) == 464);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, optimalBufferCopyOffsetAlignment) == 472);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, optimalBufferCopyRowPitchAlignment) == 480);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceLimits, nonCoherentAtomSize) == 488);

/* VkPhysicalDeviceMemoryProperties */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceMemoryProperties) == 520);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceMemoryProperties) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceMemoryProperties, memoryTypeCount) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceMemoryProperties, memoryTypes) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceMemoryProperties, memoryHeapCount) == 260);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceMemoryProperties, memoryHeaps) == 264);

/* VkPhysicalDeviceProperties */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceProperties) == 816);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceProperties) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, apiVersion) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, driverVersion) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, vendorID) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, deviceID) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, deviceType) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, deviceName) == 20);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, pipelineCacheUUID) == 276);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, limits) == 296);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties, sparseProperties) == 792);

/* VkPhysicalDeviceProperties2 */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceProperties2) == 824);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceProperties2) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties2, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties2, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceProperties2, properties) == 8);

/* VkPhysicalDeviceShaderAtomicFloatFeaturesEXT */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT) == 56);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderBufferFloat32Atomics) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderBufferFloat32AtomicAdd) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderBufferFloat64Atomics) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderBufferFloat64AtomicAdd) == 20);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderSharedFloat32Atomics) == 24);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderSharedFloat32AtomicAdd) == 28);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderSharedFloat64Atomics) == 32);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderSharedFloat64AtomicAdd) == 36);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderImageFloat32Atomics) == 40);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, shaderImageFloat32AtomicAdd) == 44);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, sparseImageFloat32Atomics) == 48);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicFloatFeaturesEXT, sparseImageFloat32AtomicAdd) == 52);

/* VkPhysicalDeviceShaderAtomicInt64Features */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceShaderAtomicInt64Features) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceShaderAtomicInt64Features) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicInt64Features, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicInt64Features, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicInt64Features, shaderBufferInt64Atomics) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderAtomicInt64Features, shaderSharedInt64Atomics) == 12);

/* VkPhysicalDeviceShaderFloat16Int8Features */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceShaderFloat16Int8Features) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceShaderFloat16Int8Features) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderFloat16Int8Features, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderFloat16Int8Features, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderFloat16Int8Features, shaderFloat16) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceShaderFloat16Int8Features, shaderInt8) == 12);

/* VkPhysicalDeviceSparseProperties */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceSparseProperties) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceSparseProperties) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSparseProperties, residencyStandard2DBlockShape) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSparseProperties, residencyStandard2DMultisampleBlockShape) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSparseProperties, residencyStandard3DBlockShape) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSparseProperties, residencyAlignedMipSize) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSparseProperties, residencyNonResidentStrict) == 16);

/* VkPhysicalDeviceSubgroupProperties */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceSubgroupProperties) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceSubgroupProperties) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, subgroupSize) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, supportedStages) == 12);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, supportedOperations) == 16);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceSubgroupProperties, quadOperationsInAllStages) == 20);

/* VkPhysicalDeviceVariablePointersFeatures */
VK_ABI_ASSERT(sizeof(VkPhysicalDeviceVariablePointersFeatures) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPhysicalDeviceVariablePointersFeatures) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceVariablePointersFeatures, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceVariablePointersFeatures, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceVariablePointersFeatures, variablePointersStorageBuffer) == 8);
VK_ABI_ASSERT(offsetof(VkPhysicalDeviceVariablePointersFeatures, variablePointers) == 12);

/* VkPipelineCacheCreateInfo */
VK_ABI_ASSERT(sizeof(VkPipelineCacheCreateInfo) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPipelineCacheCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkPipelineCacheCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPipelineCacheCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPipelineCacheCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkPipelineCacheCreateInfo, initialDataSize) == 12);
VK_ABI_ASSERT(offsetof(VkPipelineCacheCreateInfo, pInitialData) == 16);

/* VkPipelineLayoutCreateInfo */
VK_ABI_ASSERT(sizeof(VkPipelineLayoutCreateInfo) == 28);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPipelineLayoutCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, setLayoutCount) == 12);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, pSetLayouts) == 16);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, pushConstantRangeCount) == 20);
VK_ABI_ASSERT(offsetof(VkPipelineLayoutCreateInfo, pPushConstantRanges) == 24);

/* VkPipelineShaderStageCreateInfo */
VK_ABI_ASSERT(sizeof(VkPipelineShaderStageCreateInfo) == 32);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPipelineShaderStageCreateInfo) == 8);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, stage) == 12);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, module) == 16);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, pName) == 24);
VK_ABI_ASSERT(offsetof(VkPipelineShaderStageCreateInfo, pSpecializationInfo) == 28);

/* VkPushConstantRange */
VK_ABI_ASSERT(sizeof(VkPushConstantRange) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkPushConstantRange) == 4);
VK_ABI_ASSERT(offsetof(VkPushConstantRange, stageFlags) == 0);
VK_ABI_ASSERT(offsetof(VkPushConstantRange, offset) == 4);
VK_ABI_ASSERT(offsetof(VkPushConstantRange, size) == 8);

/* VkQueueFamilyProperties */
VK_ABI_ASSERT(sizeof(VkQueueFamilyProperties) == 24);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkQueueFamilyProperties) == 4);
VK_ABI_ASSERT(offsetof(VkQueueFamilyProperties, queueFlags) == 0);
VK_ABI_ASSERT(offsetof(VkQueueFamilyProperties, queueCount) == 4);
VK_ABI_ASSERT(offsetof(VkQueueFamilyProperties, timestampValidBits) == 8);
VK_ABI_ASSERT(offsetof(VkQueueFamilyProperties, minImageTransferGranularity) == 12);

/* VkSamplerCreateInfo */
VK_ABI_ASSERT(sizeof(VkSamplerCreateInfo) == 72);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSamplerCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, magFilter) == 12);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, minFilter) == 16);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, mipmapMode) == 20);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, addressModeU) == 24);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, addressModeV) == 28);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, addressModeW) == 32);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, mipLodBias) == 36);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, anisotropyEnable) == 40);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, maxAnisotropy) == 44);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, compareEnable) == 48);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, compareOp) == 52);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, minLod) == 56);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, maxLod) == 60);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, borderColor) == 64);
VK_ABI_ASSERT(offsetof(VkSamplerCreateInfo, unnormalizedCoordinates) == 68);

/* VkSemaphoreCreateInfo */
VK_ABI_ASSERT(sizeof(VkSemaphoreCreateInfo) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSemaphoreCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkSemaphoreCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkSemaphoreCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkSemaphoreCreateInfo, flags) == 8);

/* VkShaderModuleCreateInfo */
VK_ABI_ASSERT(sizeof(VkShaderModuleCreateInfo) == 20);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkShaderModuleCreateInfo) == 4);
VK_ABI_ASSERT(offsetof(VkShaderModuleCreateInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkShaderModuleCreateInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkShaderModuleCreateInfo, flags) == 8);
VK_ABI_ASSERT(offsetof(VkShaderModuleCreateInfo, codeSize) == 12);
VK_ABI_ASSERT(offsetof(VkShaderModuleCreateInfo, pCode) == 16);

/* VkSpecializationInfo */
VK_ABI_ASSERT(sizeof(VkSpecializationInfo) == 16);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSpecializationInfo) == 4);
VK_ABI_ASSERT(offsetof(VkSpecializationInfo, mapEntryCount) == 0);
VK_ABI_ASSERT(offsetof(VkSpecializationInfo, pMapEntries) == 4);
VK_ABI_ASSERT(offsetof(VkSpecializationInfo, dataSize) == 8);
VK_ABI_ASSERT(offsetof(VkSpecializationInfo, pData) == 12);

/* VkSpecializationMapEntry */
VK_ABI_ASSERT(sizeof(VkSpecializationMapEntry) == 12);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSpecializationMapEntry) == 4);
VK_ABI_ASSERT(offsetof(VkSpecializationMapEntry, constantID) == 0);
VK_ABI_ASSERT(offsetof(VkSpecializationMapEntry, offset) == 4);
VK_ABI_ASSERT(offsetof(VkSpecializationMapEntry, size) == 8);

/* VkSubmitInfo */
VK_ABI_ASSERT(sizeof(VkSubmitInfo) == 36);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSubmitInfo) == 4);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, sType) == 0);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, waitSemaphoreCount) == 8);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, pWaitSemaphores) == 12);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, pWaitDstStageMask) == 16);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, commandBufferCount) == 20);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, pCommandBuffers) == 24);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, signalSemaphoreCount) == 28);
VK_ABI_ASSERT(offsetof(VkSubmitInfo, pSignalSemaphores) == 32);

/* VkSubresourceLayout */
VK_ABI_ASSERT(sizeof(VkSubresourceLayout) == 40);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkSubresourceLayout) == 8);
VK_ABI_ASSERT(offsetof(VkSubresourceLayout, offset) == 0);
VK_ABI_ASSERT(offsetof(VkSubresourceLayout, size) == 8);
VK_ABI_ASSERT(offsetof(VkSubresourceLayout, rowPitch) == 16);
VK_ABI_ASSERT(offsetof(VkSubresourceLayout, arrayPitch) == 24);
VK_ABI_ASSERT(offsetof(VkSubresourceLayout, depthPitch) == 32);

/* VkWriteDescriptorSet */
VK_ABI_ASSERT(sizeof(VkWriteDescriptorSet) == 48);
VK_ABI_ASSERT(VK_ABI_ALIGNOF(VkWriteDescriptorSet) == 8);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, sType) == 0);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, pNext) == 4);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, dstSet) == 8);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, dstBinding) == 16);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, dstArrayElement) == 20);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, descriptorCount) == 24);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, descriptorType) == 28);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, pImageInfo) == 32);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, pBufferInfo) == 36);
VK_ABI_ASSERT(offsetof(VkWriteDescriptorSet, pTexelBufferView) == 40);

#undef VK_ABI_ASSERT
#undef VK_ABI_ALIGNOF

#endif /* __wasm32__ */

#endif /* VULKAN_ABI_CHECK_H_ */
