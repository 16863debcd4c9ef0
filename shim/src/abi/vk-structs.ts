// wasm32 layouts of the Vulkan structs of the Khronos vulkan_core.h (libvulkan-dev), in the
// same field order. Enums and flag words are 4 bytes ('u32', or 'i32' where C has int32_t);
// VkDeviceSize and non-dispatchable handles are 8 bytes aligned to 8, which is why several of
// these have padding that a 4-byte-everything reading would miss.

import { arrayOf, defineStruct, defineUnion } from './layout.js';

// ---- Small value structs ----

export const VkExtent2D = defineStruct('VkExtent2D', [
  ['width', 'u32'],
  ['height', 'u32'],
]);

export const VkExtent3D = defineStruct('VkExtent3D', [
  ['width', 'u32'],
  ['height', 'u32'],
  ['depth', 'u32'],
]);

export const VkOffset2D = defineStruct('VkOffset2D', [
  ['x', 'i32'],
  ['y', 'i32'],
]);

export const VkOffset3D = defineStruct('VkOffset3D', [
  ['x', 'i32'],
  ['y', 'i32'],
  ['z', 'i32'],
]);

// ---- Instance and physical device ----

export const VkAllocationCallbacks = defineStruct('VkAllocationCallbacks', [
  ['pUserData', 'ptr'],
  ['pfnAllocation', 'ptr'],
  ['pfnReallocation', 'ptr'],
  ['pfnFree', 'ptr'],
  ['pfnInternalAllocation', 'ptr'],
  ['pfnInternalFree', 'ptr'],
]);

export const VkApplicationInfo = defineStruct('VkApplicationInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['pApplicationName', 'ptr'],
  ['applicationVersion', 'u32'],
  ['pEngineName', 'ptr'],
  ['engineVersion', 'u32'],
  ['apiVersion', 'u32'],
]);

export const VkInstanceCreateInfo = defineStruct('VkInstanceCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['pApplicationInfo', 'ptr'],
  ['enabledLayerCount', 'u32'],
  ['ppEnabledLayerNames', 'ptr'],
  ['enabledExtensionCount', 'u32'],
  ['ppEnabledExtensionNames', 'ptr'],
]);

export const VkExtensionProperties = defineStruct('VkExtensionProperties', [
  ['extensionName', arrayOf('u8', 256)],
  ['specVersion', 'u32'],
]);

export const VkDebugUtilsMessengerCreateInfoEXT = defineStruct('VkDebugUtilsMessengerCreateInfoEXT', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['messageSeverity', 'u32'],
  ['messageType', 'u32'],
  ['pfnUserCallback', 'ptr'],
  ['pUserData', 'ptr'],
]);

export const VkDebugUtilsMessengerCallbackDataEXT = defineStruct('VkDebugUtilsMessengerCallbackDataEXT', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['pMessageIdName', 'ptr'],
  ['messageIdNumber', 'i32'],
  ['pMessage', 'ptr'],
  ['queueLabelCount', 'u32'],
  ['pQueueLabels', 'ptr'],
  ['cmdBufLabelCount', 'u32'],
  ['pCmdBufLabels', 'ptr'],
  ['objectCount', 'u32'],
  ['pObjects', 'ptr'],
]);

export const VkLayerProperties = defineStruct('VkLayerProperties', [
  ['layerName', arrayOf('u8', 256)],
  ['specVersion', 'u32'],
  ['implementationVersion', 'u32'],
  ['description', arrayOf('u8', 256)],
]);

const BOOL32 = 'u32';

export const VkPhysicalDeviceFeatures = defineStruct('VkPhysicalDeviceFeatures', [
  ['robustBufferAccess', BOOL32],
  ['fullDrawIndexUint32', BOOL32],
  ['imageCubeArray', BOOL32],
  ['independentBlend', BOOL32],
  ['geometryShader', BOOL32],
  ['tessellationShader', BOOL32],
  ['sampleRateShading', BOOL32],
  ['dualSrcBlend', BOOL32],
  ['logicOp', BOOL32],
  ['multiDrawIndirect', BOOL32],
  ['drawIndirectFirstInstance', BOOL32],
  ['depthClamp', BOOL32],
  ['depthBiasClamp', BOOL32],
  ['fillModeNonSolid', BOOL32],
  ['depthBounds', BOOL32],
  ['wideLines', BOOL32],
  ['largePoints', BOOL32],
  ['alphaToOne', BOOL32],
  ['multiViewport', BOOL32],
  ['samplerAnisotropy', BOOL32],
  ['textureCompressionETC2', BOOL32],
  ['textureCompressionASTC_LDR', BOOL32],
  ['textureCompressionBC', BOOL32],
  ['occlusionQueryPrecise', BOOL32],
  ['pipelineStatisticsQuery', BOOL32],
  ['vertexPipelineStoresAndAtomics', BOOL32],
  ['fragmentStoresAndAtomics', BOOL32],
  ['shaderTessellationAndGeometryPointSize', BOOL32],
  ['shaderImageGatherExtended', BOOL32],
  ['shaderStorageImageExtendedFormats', BOOL32],
  ['shaderStorageImageMultisample', BOOL32],
  ['shaderStorageImageReadWithoutFormat', BOOL32],
  ['shaderStorageImageWriteWithoutFormat', BOOL32],
  ['shaderUniformBufferArrayDynamicIndexing', BOOL32],
  ['shaderSampledImageArrayDynamicIndexing', BOOL32],
  ['shaderStorageBufferArrayDynamicIndexing', BOOL32],
  ['shaderStorageImageArrayDynamicIndexing', BOOL32],
  ['shaderClipDistance', BOOL32],
  ['shaderCullDistance', BOOL32],
  ['shaderFloat64', BOOL32],
  ['shaderInt64', BOOL32],
  ['shaderInt16', BOOL32],
  ['shaderResourceResidency', BOOL32],
  ['shaderResourceMinLod', BOOL32],
  ['sparseBinding', BOOL32],
  ['sparseResidencyBuffer', BOOL32],
  ['sparseResidencyImage2D', BOOL32],
  ['sparseResidencyImage3D', BOOL32],
  ['sparseResidency2Samples', BOOL32],
  ['sparseResidency4Samples', BOOL32],
  ['sparseResidency8Samples', BOOL32],
  ['sparseResidency16Samples', BOOL32],
  ['sparseResidencyAliased', BOOL32],
  ['variableMultisampleRate', BOOL32],
  ['inheritedQueries', BOOL32],
]);

export const VkPhysicalDeviceLimits = defineStruct('VkPhysicalDeviceLimits', [
  ['maxImageDimension1D', 'u32'],
  ['maxImageDimension2D', 'u32'],
  ['maxImageDimension3D', 'u32'],
  ['maxImageDimensionCube', 'u32'],
  ['maxImageArrayLayers', 'u32'],
  ['maxTexelBufferElements', 'u32'],
  ['maxUniformBufferRange', 'u32'],
  ['maxStorageBufferRange', 'u32'],
  ['maxPushConstantsSize', 'u32'],
  ['maxMemoryAllocationCount', 'u32'],
  ['maxSamplerAllocationCount', 'u32'],
  ['bufferImageGranularity', 'u64'],
  ['sparseAddressSpaceSize', 'u64'],
  ['maxBoundDescriptorSets', 'u32'],
  ['maxPerStageDescriptorSamplers', 'u32'],
  ['maxPerStageDescriptorUniformBuffers', 'u32'],
  ['maxPerStageDescriptorStorageBuffers', 'u32'],
  ['maxPerStageDescriptorSampledImages', 'u32'],
  ['maxPerStageDescriptorStorageImages', 'u32'],
  ['maxPerStageDescriptorInputAttachments', 'u32'],
  ['maxPerStageResources', 'u32'],
  ['maxDescriptorSetSamplers', 'u32'],
  ['maxDescriptorSetUniformBuffers', 'u32'],
  ['maxDescriptorSetUniformBuffersDynamic', 'u32'],
  ['maxDescriptorSetStorageBuffers', 'u32'],
  ['maxDescriptorSetStorageBuffersDynamic', 'u32'],
  ['maxDescriptorSetSampledImages', 'u32'],
  ['maxDescriptorSetStorageImages', 'u32'],
  ['maxDescriptorSetInputAttachments', 'u32'],
  ['maxVertexInputAttributes', 'u32'],
  ['maxVertexInputBindings', 'u32'],
  ['maxVertexInputAttributeOffset', 'u32'],
  ['maxVertexInputBindingStride', 'u32'],
  ['maxVertexOutputComponents', 'u32'],
  ['maxTessellationGenerationLevel', 'u32'],
  ['maxTessellationPatchSize', 'u32'],
  ['maxTessellationControlPerVertexInputComponents', 'u32'],
  ['maxTessellationControlPerVertexOutputComponents', 'u32'],
  ['maxTessellationControlPerPatchOutputComponents', 'u32'],
  ['maxTessellationControlTotalOutputComponents', 'u32'],
  ['maxTessellationEvaluationInputComponents', 'u32'],
  ['maxTessellationEvaluationOutputComponents', 'u32'],
  ['maxGeometryShaderInvocations', 'u32'],
  ['maxGeometryInputComponents', 'u32'],
  ['maxGeometryOutputComponents', 'u32'],
  ['maxGeometryOutputVertices', 'u32'],
  ['maxGeometryTotalOutputComponents', 'u32'],
  ['maxFragmentInputComponents', 'u32'],
  ['maxFragmentOutputAttachments', 'u32'],
  ['maxFragmentDualSrcAttachments', 'u32'],
  ['maxFragmentCombinedOutputResources', 'u32'],
  ['maxComputeSharedMemorySize', 'u32'],
  ['maxComputeWorkGroupCount', arrayOf('u32', 3)],
  ['maxComputeWorkGroupInvocations', 'u32'],
  ['maxComputeWorkGroupSize', arrayOf('u32', 3)],
  ['subPixelPrecisionBits', 'u32'],
  ['subTexelPrecisionBits', 'u32'],
  ['mipmapPrecisionBits', 'u32'],
  ['maxDrawIndexedIndexValue', 'u32'],
  ['maxDrawIndirectCount', 'u32'],
  ['maxSamplerLodBias', 'f32'],
  ['maxSamplerAnisotropy', 'f32'],
  ['maxViewports', 'u32'],
  ['maxViewportDimensions', arrayOf('u32', 2)],
  ['viewportBoundsRange', arrayOf('f32', 2)],
  ['viewportSubPixelBits', 'u32'],
  ['minMemoryMapAlignment', 'usize'],
  ['minTexelBufferOffsetAlignment', 'u64'],
  ['minUniformBufferOffsetAlignment', 'u64'],
  ['minStorageBufferOffsetAlignment', 'u64'],
  ['minTexelOffset', 'i32'],
  ['maxTexelOffset', 'u32'],
  ['minTexelGatherOffset', 'i32'],
  ['maxTexelGatherOffset', 'u32'],
  ['minInterpolationOffset', 'f32'],
  ['maxInterpolationOffset', 'f32'],
  ['subPixelInterpolationOffsetBits', 'u32'],
  ['maxFramebufferWidth', 'u32'],
  ['maxFramebufferHeight', 'u32'],
  ['maxFramebufferLayers', 'u32'],
  ['framebufferColorSampleCounts', 'u32'],
  ['framebufferDepthSampleCounts', 'u32'],
  ['framebufferStencilSampleCounts', 'u32'],
  ['framebufferNoAttachmentsSampleCounts', 'u32'],
  ['maxColorAttachments', 'u32'],
  ['sampledImageColorSampleCounts', 'u32'],
  ['sampledImageIntegerSampleCounts', 'u32'],
  ['sampledImageDepthSampleCounts', 'u32'],
  ['sampledImageStencilSampleCounts', 'u32'],
  ['storageImageSampleCounts', 'u32'],
  ['maxSampleMaskWords', 'u32'],
  ['timestampComputeAndGraphics', BOOL32],
  ['timestampPeriod', 'f32'],
  ['maxClipDistances', 'u32'],
  ['maxCullDistances', 'u32'],
  ['maxCombinedClipAndCullDistances', 'u32'],
  ['discreteQueuePriorities', 'u32'],
  ['pointSizeRange', arrayOf('f32', 2)],
  ['lineWidthRange', arrayOf('f32', 2)],
  ['pointSizeGranularity', 'f32'],
  ['lineWidthGranularity', 'f32'],
  ['strictLines', BOOL32],
  ['standardSampleLocations', BOOL32],
  ['optimalBufferCopyOffsetAlignment', 'u64'],
  ['optimalBufferCopyRowPitchAlignment', 'u64'],
  ['nonCoherentAtomSize', 'u64'],
]);

export const VkPhysicalDeviceSparseProperties = defineStruct('VkPhysicalDeviceSparseProperties', [
  ['residencyStandard2DBlockShape', BOOL32],
  ['residencyStandard2DMultisampleBlockShape', BOOL32],
  ['residencyStandard3DBlockShape', BOOL32],
  ['residencyAlignedMipSize', BOOL32],
  ['residencyNonResidentStrict', BOOL32],
]);

export const VkPhysicalDeviceProperties = defineStruct('VkPhysicalDeviceProperties', [
  ['apiVersion', 'u32'],
  ['driverVersion', 'u32'],
  ['vendorID', 'u32'],
  ['deviceID', 'u32'],
  ['deviceType', 'u32'],
  ['deviceName', arrayOf('u8', 256)],
  ['pipelineCacheUUID', arrayOf('u8', 16)],
  ['limits', VkPhysicalDeviceLimits],
  ['sparseProperties', VkPhysicalDeviceSparseProperties],
]);

export const VkPhysicalDeviceFeatures2 = defineStruct('VkPhysicalDeviceFeatures2', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['features', VkPhysicalDeviceFeatures],
]);

export const VkPhysicalDeviceProperties2 = defineStruct('VkPhysicalDeviceProperties2', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['properties', VkPhysicalDeviceProperties],
]);

export const VkPhysicalDeviceSubgroupProperties = defineStruct(
  'VkPhysicalDeviceSubgroupProperties',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['subgroupSize', 'u32'],
    ['supportedStages', 'u32'],
    ['supportedOperations', 'u32'],
    ['quadOperationsInAllStages', BOOL32],
  ],
);

export const VkPhysicalDeviceVariablePointersFeatures = defineStruct(
  'VkPhysicalDeviceVariablePointersFeatures',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['variablePointersStorageBuffer', BOOL32],
    ['variablePointers', BOOL32],
  ],
);

export const VkPhysicalDeviceShaderFloat16Int8Features = defineStruct(
  'VkPhysicalDeviceShaderFloat16Int8Features',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['shaderFloat16', BOOL32],
    ['shaderInt8', BOOL32],
  ],
);

export const VkPhysicalDevice16BitStorageFeatures = defineStruct(
  'VkPhysicalDevice16BitStorageFeatures',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['storageBuffer16BitAccess', BOOL32],
    ['uniformAndStorageBuffer16BitAccess', BOOL32],
    ['storagePushConstant16', BOOL32],
    ['storageInputOutput16', BOOL32],
  ],
);

export const VkPhysicalDevice8BitStorageFeatures = defineStruct(
  'VkPhysicalDevice8BitStorageFeatures',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['storageBuffer8BitAccess', BOOL32],
    ['uniformAndStorageBuffer8BitAccess', BOOL32],
    ['storagePushConstant8', BOOL32],
  ],
);

export const VkPhysicalDeviceShaderAtomicInt64Features = defineStruct(
  'VkPhysicalDeviceShaderAtomicInt64Features',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['shaderBufferInt64Atomics', BOOL32],
    ['shaderSharedInt64Atomics', BOOL32],
  ],
);

export const VkPhysicalDeviceShaderAtomicFloatFeaturesEXT = defineStruct(
  'VkPhysicalDeviceShaderAtomicFloatFeaturesEXT',
  [
    ['sType', 'u32'],
    ['pNext', 'ptr'],
    ['shaderBufferFloat32Atomics', BOOL32],
    ['shaderBufferFloat32AtomicAdd', BOOL32],
    ['shaderBufferFloat64Atomics', BOOL32],
    ['shaderBufferFloat64AtomicAdd', BOOL32],
    ['shaderSharedFloat32Atomics', BOOL32],
    ['shaderSharedFloat32AtomicAdd', BOOL32],
    ['shaderSharedFloat64Atomics', BOOL32],
    ['shaderSharedFloat64AtomicAdd', BOOL32],
    ['shaderImageFloat32Atomics', BOOL32],
    ['shaderImageFloat32AtomicAdd', BOOL32],
    ['sparseImageFloat32Atomics', BOOL32],
    ['sparseImageFloat32AtomicAdd', BOOL32],
  ],
);

export const VkQueueFamilyProperties = defineStruct('VkQueueFamilyProperties', [
  ['queueFlags', 'u32'],
  ['queueCount', 'u32'],
  ['timestampValidBits', 'u32'],
  ['minImageTransferGranularity', VkExtent3D],
]);

export const VkMemoryType = defineStruct('VkMemoryType', [
  ['propertyFlags', 'u32'],
  ['heapIndex', 'u32'],
]);

export const VkMemoryHeap = defineStruct('VkMemoryHeap', [
  ['size', 'u64'],
  ['flags', 'u32'],
]);

export const VkPhysicalDeviceMemoryProperties = defineStruct('VkPhysicalDeviceMemoryProperties', [
  ['memoryTypeCount', 'u32'],
  ['memoryTypes', arrayOf(VkMemoryType, 32)],
  ['memoryHeapCount', 'u32'],
  ['memoryHeaps', arrayOf(VkMemoryHeap, 16)],
]);

export const VkFormatProperties = defineStruct('VkFormatProperties', [
  ['linearTilingFeatures', 'u32'],
  ['optimalTilingFeatures', 'u32'],
  ['bufferFeatures', 'u32'],
]);

export const VkImageFormatProperties = defineStruct('VkImageFormatProperties', [
  ['maxExtent', VkExtent3D],
  ['maxMipLevels', 'u32'],
  ['maxArrayLayers', 'u32'],
  ['sampleCounts', 'u32'],
  ['maxResourceSize', 'u64'],
]);

// ---- Device and queues ----

export const VkDeviceQueueCreateInfo = defineStruct('VkDeviceQueueCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['queueFamilyIndex', 'u32'],
  ['queueCount', 'u32'],
  ['pQueuePriorities', 'ptr'],
]);

export const VkDeviceCreateInfo = defineStruct('VkDeviceCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['queueCreateInfoCount', 'u32'],
  ['pQueueCreateInfos', 'ptr'],
  ['enabledLayerCount', 'u32'],
  ['ppEnabledLayerNames', 'ptr'],
  ['enabledExtensionCount', 'u32'],
  ['ppEnabledExtensionNames', 'ptr'],
  ['pEnabledFeatures', 'ptr'],
]);

// ---- Synchronisation ----

export const VkSubmitInfo = defineStruct('VkSubmitInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['waitSemaphoreCount', 'u32'],
  ['pWaitSemaphores', 'ptr'],
  ['pWaitDstStageMask', 'ptr'],
  ['commandBufferCount', 'u32'],
  ['pCommandBuffers', 'ptr'],
  ['signalSemaphoreCount', 'u32'],
  ['pSignalSemaphores', 'ptr'],
]);

export const VkFenceCreateInfo = defineStruct('VkFenceCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
]);

export const VkSemaphoreCreateInfo = defineStruct('VkSemaphoreCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
]);

export const VkEventCreateInfo = defineStruct('VkEventCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
]);

export const VkMemoryBarrier = defineStruct('VkMemoryBarrier', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['srcAccessMask', 'u32'],
  ['dstAccessMask', 'u32'],
]);

// ---- Memory ----

export const VkMemoryAllocateInfo = defineStruct('VkMemoryAllocateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['allocationSize', 'u64'],
  ['memoryTypeIndex', 'u32'],
]);

export const VkMappedMemoryRange = defineStruct('VkMappedMemoryRange', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['memory', 'handle64'],
  ['offset', 'u64'],
  ['size', 'u64'],
]);

export const VkMemoryRequirements = defineStruct('VkMemoryRequirements', [
  ['size', 'u64'],
  ['alignment', 'u64'],
  ['memoryTypeBits', 'u32'],
]);

// ---- Buffers ----

export const VkBufferCreateInfo = defineStruct('VkBufferCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['size', 'u64'],
  ['usage', 'u32'],
  ['sharingMode', 'u32'],
  ['queueFamilyIndexCount', 'u32'],
  ['pQueueFamilyIndices', 'ptr'],
]);

export const VkBufferViewCreateInfo = defineStruct('VkBufferViewCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['buffer', 'handle64'],
  ['format', 'u32'],
  ['offset', 'u64'],
  ['range', 'u64'],
]);

// ---- Images and image views ----

export const VkImageCreateInfo = defineStruct('VkImageCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['imageType', 'u32'],
  ['format', 'u32'],
  ['extent', VkExtent3D],
  ['mipLevels', 'u32'],
  ['arrayLayers', 'u32'],
  ['samples', 'u32'],
  ['tiling', 'u32'],
  ['usage', 'u32'],
  ['sharingMode', 'u32'],
  ['queueFamilyIndexCount', 'u32'],
  ['pQueueFamilyIndices', 'ptr'],
  ['initialLayout', 'u32'],
]);

export const VkSubresourceLayout = defineStruct('VkSubresourceLayout', [
  ['offset', 'u64'],
  ['size', 'u64'],
  ['rowPitch', 'u64'],
  ['arrayPitch', 'u64'],
  ['depthPitch', 'u64'],
]);

export const VkComponentMapping = defineStruct('VkComponentMapping', [
  ['r', 'u32'],
  ['g', 'u32'],
  ['b', 'u32'],
  ['a', 'u32'],
]);

export const VkImageSubresource = defineStruct('VkImageSubresource', [
  ['aspectMask', 'u32'],
  ['mipLevel', 'u32'],
  ['arrayLayer', 'u32'],
]);

export const VkImageSubresourceRange = defineStruct('VkImageSubresourceRange', [
  ['aspectMask', 'u32'],
  ['baseMipLevel', 'u32'],
  ['levelCount', 'u32'],
  ['baseArrayLayer', 'u32'],
  ['layerCount', 'u32'],
]);

export const VkImageSubresourceLayers = defineStruct('VkImageSubresourceLayers', [
  ['aspectMask', 'u32'],
  ['mipLevel', 'u32'],
  ['baseArrayLayer', 'u32'],
  ['layerCount', 'u32'],
]);

export const VkImageViewCreateInfo = defineStruct('VkImageViewCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['image', 'handle64'],
  ['viewType', 'u32'],
  ['format', 'u32'],
  ['components', VkComponentMapping],
  ['subresourceRange', VkImageSubresourceRange],
]);

export const VkBufferMemoryBarrier = defineStruct('VkBufferMemoryBarrier', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['srcAccessMask', 'u32'],
  ['dstAccessMask', 'u32'],
  ['srcQueueFamilyIndex', 'u32'],
  ['dstQueueFamilyIndex', 'u32'],
  ['buffer', 'handle64'],
  ['offset', 'u64'],
  ['size', 'u64'],
]);

export const VkImageMemoryBarrier = defineStruct('VkImageMemoryBarrier', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['srcAccessMask', 'u32'],
  ['dstAccessMask', 'u32'],
  ['oldLayout', 'u32'],
  ['newLayout', 'u32'],
  ['srcQueueFamilyIndex', 'u32'],
  ['dstQueueFamilyIndex', 'u32'],
  ['image', 'handle64'],
  ['subresourceRange', VkImageSubresourceRange],
]);

// ---- Samplers ----

export const VkSamplerCreateInfo = defineStruct('VkSamplerCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['magFilter', 'u32'],
  ['minFilter', 'u32'],
  ['mipmapMode', 'u32'],
  ['addressModeU', 'u32'],
  ['addressModeV', 'u32'],
  ['addressModeW', 'u32'],
  ['mipLodBias', 'f32'],
  ['anisotropyEnable', BOOL32],
  ['maxAnisotropy', 'f32'],
  ['compareEnable', BOOL32],
  ['compareOp', 'u32'],
  ['minLod', 'f32'],
  ['maxLod', 'f32'],
  ['borderColor', 'u32'],
  ['unnormalizedCoordinates', BOOL32],
]);

// ---- Shaders and pipelines ----

export const VkShaderModuleCreateInfo = defineStruct('VkShaderModuleCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['codeSize', 'usize'],
  ['pCode', 'ptr'],
]);

export const VkPipelineCacheCreateInfo = defineStruct('VkPipelineCacheCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['initialDataSize', 'usize'],
  ['pInitialData', 'ptr'],
]);

export const VkSpecializationMapEntry = defineStruct('VkSpecializationMapEntry', [
  ['constantID', 'u32'],
  ['offset', 'u32'],
  ['size', 'usize'],
]);

export const VkSpecializationInfo = defineStruct('VkSpecializationInfo', [
  ['mapEntryCount', 'u32'],
  ['pMapEntries', 'ptr'],
  ['dataSize', 'usize'],
  ['pData', 'ptr'],
]);

export const VkPipelineShaderStageCreateInfo = defineStruct('VkPipelineShaderStageCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['stage', 'u32'],
  ['module', 'handle64'],
  ['pName', 'ptr'],
  ['pSpecializationInfo', 'ptr'],
]);

export const VkComputePipelineCreateInfo = defineStruct('VkComputePipelineCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['stage', VkPipelineShaderStageCreateInfo],
  ['layout', 'handle64'],
  ['basePipelineHandle', 'handle64'],
  ['basePipelineIndex', 'i32'],
]);

export const VkPushConstantRange = defineStruct('VkPushConstantRange', [
  ['stageFlags', 'u32'],
  ['offset', 'u32'],
  ['size', 'u32'],
]);

export const VkPipelineLayoutCreateInfo = defineStruct('VkPipelineLayoutCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['setLayoutCount', 'u32'],
  ['pSetLayouts', 'ptr'],
  ['pushConstantRangeCount', 'u32'],
  ['pPushConstantRanges', 'ptr'],
]);

// ---- Descriptors ----

export const VkDescriptorSetLayoutBinding = defineStruct('VkDescriptorSetLayoutBinding', [
  ['binding', 'u32'],
  ['descriptorType', 'u32'],
  ['descriptorCount', 'u32'],
  ['stageFlags', 'u32'],
  ['pImmutableSamplers', 'ptr'],
]);

export const VkDescriptorSetLayoutCreateInfo = defineStruct('VkDescriptorSetLayoutCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['bindingCount', 'u32'],
  ['pBindings', 'ptr'],
]);

export const VkDescriptorPoolSize = defineStruct('VkDescriptorPoolSize', [
  ['type', 'u32'],
  ['descriptorCount', 'u32'],
]);

export const VkDescriptorPoolCreateInfo = defineStruct('VkDescriptorPoolCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['maxSets', 'u32'],
  ['poolSizeCount', 'u32'],
  ['pPoolSizes', 'ptr'],
]);

export const VkDescriptorSetAllocateInfo = defineStruct('VkDescriptorSetAllocateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['descriptorPool', 'handle64'],
  ['descriptorSetCount', 'u32'],
  ['pSetLayouts', 'ptr'],
]);

export const VkDescriptorImageInfo = defineStruct('VkDescriptorImageInfo', [
  ['sampler', 'handle64'],
  ['imageView', 'handle64'],
  ['imageLayout', 'u32'],
]);

export const VkDescriptorBufferInfo = defineStruct('VkDescriptorBufferInfo', [
  ['buffer', 'handle64'],
  ['offset', 'u64'],
  ['range', 'u64'],
]);

export const VkWriteDescriptorSet = defineStruct('VkWriteDescriptorSet', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['dstSet', 'handle64'],
  ['dstBinding', 'u32'],
  ['dstArrayElement', 'u32'],
  ['descriptorCount', 'u32'],
  ['descriptorType', 'u32'],
  ['pImageInfo', 'ptr'],
  ['pBufferInfo', 'ptr'],
  ['pTexelBufferView', 'ptr'],
]);

export const VkCopyDescriptorSet = defineStruct('VkCopyDescriptorSet', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['srcSet', 'handle64'],
  ['srcBinding', 'u32'],
  ['srcArrayElement', 'u32'],
  ['dstSet', 'handle64'],
  ['dstBinding', 'u32'],
  ['dstArrayElement', 'u32'],
  ['descriptorCount', 'u32'],
]);

// ---- Command pools and command buffers ----

export const VkCommandPoolCreateInfo = defineStruct('VkCommandPoolCreateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['queueFamilyIndex', 'u32'],
]);

export const VkCommandBufferAllocateInfo = defineStruct('VkCommandBufferAllocateInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['commandPool', 'handle64'],
  ['level', 'u32'],
  ['commandBufferCount', 'u32'],
]);

export const VkCommandBufferInheritanceInfo = defineStruct('VkCommandBufferInheritanceInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['renderPass', 'handle64'],
  ['subpass', 'u32'],
  ['framebuffer', 'handle64'],
  ['occlusionQueryEnable', BOOL32],
  ['queryFlags', 'u32'],
  ['pipelineStatistics', 'u32'],
]);

export const VkCommandBufferBeginInfo = defineStruct('VkCommandBufferBeginInfo', [
  ['sType', 'u32'],
  ['pNext', 'ptr'],
  ['flags', 'u32'],
  ['pInheritanceInfo', 'ptr'],
]);

// ---- Transfer and dispatch command payloads ----

export const VkBufferCopy = defineStruct('VkBufferCopy', [
  ['srcOffset', 'u64'],
  ['dstOffset', 'u64'],
  ['size', 'u64'],
]);

export const VkImageCopy = defineStruct('VkImageCopy', [
  ['srcSubresource', VkImageSubresourceLayers],
  ['srcOffset', VkOffset3D],
  ['dstSubresource', VkImageSubresourceLayers],
  ['dstOffset', VkOffset3D],
  ['extent', VkExtent3D],
]);

export const VkBufferImageCopy = defineStruct('VkBufferImageCopy', [
  ['bufferOffset', 'u64'],
  ['bufferRowLength', 'u32'],
  ['bufferImageHeight', 'u32'],
  ['imageSubresource', VkImageSubresourceLayers],
  ['imageOffset', VkOffset3D],
  ['imageExtent', VkExtent3D],
]);

export const VkClearColorValue = defineUnion('VkClearColorValue', [
  ['float32', arrayOf('f32', 4)],
  ['int32', arrayOf('i32', 4)],
  ['uint32', arrayOf('u32', 4)],
]);

export const VkClearDepthStencilValue = defineStruct('VkClearDepthStencilValue', [
  ['depth', 'f32'],
  ['stencil', 'u32'],
]);

export const VkDispatchIndirectCommand = defineStruct('VkDispatchIndirectCommand', [
  ['x', 'u32'],
  ['y', 'u32'],
  ['z', 'u32'],
]);
