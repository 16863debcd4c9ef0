// TiImage: a VkImage with its own device-local memory and views.
// Each image tracks the layout it is in, so launches and copies record the barriers they need.
#pragma once
#include <taichi/taichi.h>

#include "runtime.h"

namespace tiw {

struct Image {
  TiRuntime owner = TI_NULL_HANDLE;
  VkImage image = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  // All mips (what kernels sample) and mip 0 alone (what kernels store to); the same view when
  // the image has one mip.
  VkImageView sampled_view = VK_NULL_HANDLE;
  VkImageView storage_view = VK_NULL_HANDLE;
  TiImageDimension dimension = TI_IMAGE_DIMENSION_2D;
  TiFormat format = TI_FORMAT_UNKNOWN;
  VkFormat vk_format = VK_FORMAT_UNDEFINED;
  TiImageExtent extent{};  // array_layer_count >= 1; unused dimensions are 1
  uint32_t mip_levels = 1;
  VkImageUsageFlags usage = 0;
  VkImageLayout layout = VK_IMAGE_LAYOUT_UNDEFINED;
  // An imported image wraps a VkImage the runtime does not own: only its views are destroyed.
  bool imported = false;
};

// Records a barrier that moves the whole image to `layout` (nothing when it is there already).
bool transition_image(Runtime &rt, Image &image, VkImageLayout layout);

// TiFormat <-> VkFormat; VK_FORMAT_UNDEFINED / TI_FORMAT_UNKNOWN where there is none.
VkFormat vk_format_of(TiFormat format);
TiFormat ti_format_of(VkFormat format);
// Bytes per texel of a TiFormat (0 for UNKNOWN and past the end).
uint32_t format_texel_bytes(TiFormat format);
const char *format_name(TiFormat format);

// Creates the sampled and storage views of an image whose VkImage is already bound.
bool create_image_views(Runtime &rt, Image &image);

// Frees every image of a runtime that is being destroyed.
void destroy_images_of(TiRuntime runtime);

}  // namespace tiw
