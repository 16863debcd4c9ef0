// ti_allocate_image, ti_free_image, image copies and layout tracking, plus the taichi-wasm
// extensions that copy between memory and images.
#include "image.h"

#include <algorithm>
#include <string>

#include <taichi/taichi_wasm.h>

#include "error.h"
#include "heap.h"
#include "registry.h"

namespace tiw {
namespace {

struct FormatInfo {
  VkFormat vk;
  uint32_t bytes;
  const char *name;
};

// Indexed by TiFormat.
const FormatInfo kFormats[] = {
    {VK_FORMAT_UNDEFINED, 0, "unknown"},
    {VK_FORMAT_R8_UNORM, 1, "r8"},
    {VK_FORMAT_R8G8_UNORM, 2, "rg8"},
    {VK_FORMAT_R8G8B8A8_UNORM, 4, "rgba8"},
    {VK_FORMAT_R8G8B8A8_SRGB, 4, "rgba8srgb"},
    {VK_FORMAT_B8G8R8A8_UNORM, 4, "bgra8"},
    {VK_FORMAT_B8G8R8A8_SRGB, 4, "bgra8srgb"},
    {VK_FORMAT_R8_UINT, 1, "r8u"},
    {VK_FORMAT_R8G8_UINT, 2, "rg8u"},
    {VK_FORMAT_R8G8B8A8_UINT, 4, "rgba8u"},
    {VK_FORMAT_R8_SINT, 1, "r8i"},
    {VK_FORMAT_R8G8_SINT, 2, "rg8i"},
    {VK_FORMAT_R8G8B8A8_SINT, 4, "rgba8i"},
    {VK_FORMAT_R16_UNORM, 2, "r16"},
    {VK_FORMAT_R16G16_UNORM, 4, "rg16"},
    {VK_FORMAT_R16G16B16_UNORM, 6, "rgb16"},
    {VK_FORMAT_R16G16B16A16_UNORM, 8, "rgba16"},
    {VK_FORMAT_R16_UINT, 2, "r16u"},
    {VK_FORMAT_R16G16_UINT, 4, "rg16u"},
    {VK_FORMAT_R16G16B16_UINT, 6, "rgb16u"},
    {VK_FORMAT_R16G16B16A16_UINT, 8, "rgba16u"},
    {VK_FORMAT_R16_SINT, 2, "r16i"},
    {VK_FORMAT_R16G16_SINT, 4, "rg16i"},
    {VK_FORMAT_R16G16B16_SINT, 6, "rgb16i"},
    {VK_FORMAT_R16G16B16A16_SINT, 8, "rgba16i"},
    {VK_FORMAT_R16_SFLOAT, 2, "r16f"},
    {VK_FORMAT_R16G16_SFLOAT, 4, "rg16f"},
    {VK_FORMAT_R16G16B16_SFLOAT, 6, "rgb16f"},
    {VK_FORMAT_R16G16B16A16_SFLOAT, 8, "rgba16f"},
    {VK_FORMAT_R32_UINT, 4, "r32u"},
    {VK_FORMAT_R32G32_UINT, 8, "rg32u"},
    {VK_FORMAT_R32G32B32_UINT, 12, "rgb32u"},
    {VK_FORMAT_R32G32B32A32_UINT, 16, "rgba32u"},
    {VK_FORMAT_R32_SINT, 4, "r32i"},
    {VK_FORMAT_R32G32_SINT, 8, "rg32i"},
    {VK_FORMAT_R32G32B32_SINT, 12, "rgb32i"},
    {VK_FORMAT_R32G32B32A32_SINT, 16, "rgba32i"},
    {VK_FORMAT_R32_SFLOAT, 4, "r32f"},
    {VK_FORMAT_R32G32_SFLOAT, 8, "rg32f"},
    {VK_FORMAT_R32G32B32_SFLOAT, 12, "rgb32f"},
    {VK_FORMAT_R32G32B32A32_SFLOAT, 16, "rgba32f"},
    {VK_FORMAT_D16_UNORM, 2, "depth16"},
    {VK_FORMAT_D24_UNORM_S8_UINT, 4, "depth24stencil8"},
    {VK_FORMAT_D32_SFLOAT, 4, "depth32f"},
};
constexpr uint32_t kFormatCount = sizeof(kFormats) / sizeof(kFormats[0]);

// Indexed by TiImageLayout.
const VkImageLayout kLayouts[] = {
    VK_IMAGE_LAYOUT_UNDEFINED,
    VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
    VK_IMAGE_LAYOUT_GENERAL,
    VK_IMAGE_LAYOUT_GENERAL,
    VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
    VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
    VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL,
    VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL,
    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
    VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
    VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
};
constexpr uint32_t kLayoutCount = sizeof(kLayouts) / sizeof(kLayouts[0]);

bool is_depth(TiFormat format) { return format >= TI_FORMAT_DEPTH16 && format <= TI_FORMAT_DEPTH32F; }

VkImageAspectFlags aspect_of(const Image &image) { return is_depth(image.format) ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT; }

uint32_t layer_count(const Image &image) { return image.extent.array_layer_count; }

void release(Runtime &rt, Image &image) {
  if (image.storage_view != VK_NULL_HANDLE && image.storage_view != image.sampled_view) vkDestroyImageView(rt.device, image.storage_view, nullptr);
  if (image.sampled_view != VK_NULL_HANDLE) vkDestroyImageView(rt.device, image.sampled_view, nullptr);
  if (image.imported) return;
  if (image.image != VK_NULL_HANDLE) vkDestroyImage(rt.device, image.image, nullptr);
  if (image.memory != VK_NULL_HANDLE) vkFreeMemory(rt.device, image.memory, nullptr);
}

VkImageView create_view(Runtime &rt, const Image &image, VkImageViewType type, uint32_t mip_count) {
  VkImageViewCreateInfo ci{};
  ci.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
  ci.image = image.image;
  ci.viewType = type;
  ci.format = image.vk_format;
  ci.subresourceRange = {aspect_of(image), 0, mip_count, 0, layer_count(image)};
  VkImageView view = VK_NULL_HANDLE;
  VkResult r = vkCreateImageView(rt.device, &ci, nullptr, &view);
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateImageView");
    return VK_NULL_HANDLE;
  }
  return view;
}

// Checks the image's dimension, extent, mips and layers; fills `out` with unused sizes as 1.
bool check_shape(const TiImageAllocateInfo &info, Image &out) {
  if (info.dimension > TI_IMAGE_DIMENSION_CUBE) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->dimension");
  if (info.dimension == TI_IMAGE_DIMENSION_1D_ARRAY) return fail(TI_ERROR_NOT_SUPPORTED, "1D array images: WebGPU has no 1D array textures");
  TiImageExtent e = info.extent;
  if (e.width == 0) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->extent.width is 0");
  bool one_d = info.dimension == TI_IMAGE_DIMENSION_1D;
  bool three_d = info.dimension == TI_IMAGE_DIMENSION_3D;
  if (e.height == 0) e.height = 1;
  if (e.depth == 0) e.depth = 1;
  if (e.array_layer_count == 0) e.array_layer_count = info.dimension == TI_IMAGE_DIMENSION_CUBE ? 6 : 1;
  if (one_d && e.height != 1) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->extent.height must be 1 for a 1D image");
  if (!three_d && e.depth != 1) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->extent.depth must be 1 for a 1D or 2D image");
  if ((one_d || three_d) && e.array_layer_count != 1) {
    return fail(TI_ERROR_NOT_SUPPORTED, "allocate_info->extent.array_layer_count: WebGPU has no 1D or 3D array textures");
  }
  if (info.dimension == TI_IMAGE_DIMENSION_CUBE && (e.array_layer_count != 6 || e.width != e.height)) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "a cube image has 6 square layers");
  }
  out.extent = e;
  out.mip_levels = info.mip_level_count == 0 ? 1 : info.mip_level_count;
  uint32_t longest = std::max(e.width, std::max(e.height, e.depth));
  uint32_t full_chain = 1;
  while ((longest >> full_chain) > 0) ++full_chain;
  if (out.mip_levels > full_chain) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->mip_level_count %u exceeds the %u levels of a %ux%ux%u image", out.mip_levels, full_chain, e.width,
                e.height, e.depth);
  }
  return true;
}

VkImageType image_type(TiImageDimension d) {
  if (d == TI_IMAGE_DIMENSION_1D) return VK_IMAGE_TYPE_1D;
  if (d == TI_IMAGE_DIMENSION_3D) return VK_IMAGE_TYPE_3D;
  return VK_IMAGE_TYPE_2D;
}

// Vulkan usage for a TiImageUsageFlags, checked against what the format can do in WebGPU.
bool image_usage(Runtime &rt, const Image &image, TiImageUsageFlags ti_usage, VkImageUsageFlags &out) {
  if (ti_usage > (TI_IMAGE_USAGE_STORAGE_BIT | TI_IMAGE_USAGE_SAMPLED_BIT | TI_IMAGE_USAGE_ATTACHMENT_BIT)) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->usage");
  }
  VkFormatProperties props{};
  vkGetPhysicalDeviceFormatProperties(rt.physical_device, image.vk_format, &props);
  VkFormatFeatureFlags f = props.optimalTilingFeatures;
  const char *name = format_name(image.format);
  if (f == 0) return fail(TI_ERROR_NOT_SUPPORTED, "format %s has no WebGPU texture format", name);
  // Without a usage, an image is whatever kernels can make of its format.
  if (ti_usage == 0) ti_usage = TI_IMAGE_USAGE_SAMPLED_BIT | ((f & VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT) ? TI_IMAGE_USAGE_STORAGE_BIT : 0);
  out = 0;
  if (f & VK_FORMAT_FEATURE_TRANSFER_SRC_BIT) out |= VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
  if (f & VK_FORMAT_FEATURE_TRANSFER_DST_BIT) out |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  if (ti_usage & TI_IMAGE_USAGE_STORAGE_BIT) {
    if (!(f & VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT)) return fail(TI_ERROR_NOT_SUPPORTED, "format %s cannot be a storage image in WebGPU", name);
    out |= VK_IMAGE_USAGE_STORAGE_BIT;
  }
  if (ti_usage & TI_IMAGE_USAGE_SAMPLED_BIT) out |= VK_IMAGE_USAGE_SAMPLED_BIT;
  if (ti_usage & TI_IMAGE_USAGE_ATTACHMENT_BIT) {
    VkFormatFeatureFlags need = is_depth(image.format) ? VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT : VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BIT;
    if (!(f & need)) return fail(TI_ERROR_NOT_SUPPORTED, "format %s cannot be an attachment in WebGPU", name);
    out |= is_depth(image.format) ? VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT : VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  }
  return true;
}

bool create_image(Runtime &rt, const TiImageAllocateInfo &info, Image &image) {
  VkImageCreateFlags flags = info.dimension == TI_IMAGE_DIMENSION_CUBE ? VK_IMAGE_CREATE_CUBE_COMPATIBLE_BIT : 0;
  VkImageType type = image_type(image.dimension);
  VkImageFormatProperties limits{};
  VkResult r = vkGetPhysicalDeviceImageFormatProperties(rt.physical_device, image.vk_format, type, VK_IMAGE_TILING_OPTIMAL, image.usage, flags, &limits);
  if (r == VK_ERROR_FORMAT_NOT_SUPPORTED) {
    return fail(TI_ERROR_NOT_SUPPORTED, "format %s is not supported by WebGPU for a %uD image with these usages", format_name(image.format), static_cast<unsigned>(type) + 1);
  }
  if (r != VK_SUCCESS) return fail_vk(r, "vkGetPhysicalDeviceImageFormatProperties");
  const TiImageExtent &e = image.extent;
  if (e.width > limits.maxExtent.width || e.height > limits.maxExtent.height || e.depth > limits.maxExtent.depth) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->extent %ux%ux%u exceeds the device's %ux%ux%u", e.width, e.height, e.depth, limits.maxExtent.width,
                limits.maxExtent.height, limits.maxExtent.depth);
  }
  if (image.mip_levels > limits.maxMipLevels) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->mip_level_count %u exceeds the device's %u", image.mip_levels, limits.maxMipLevels);
  }
  if (e.array_layer_count > limits.maxArrayLayers) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->extent.array_layer_count %u exceeds the device's %u", e.array_layer_count, limits.maxArrayLayers);
  }
  VkImageCreateInfo ci{};
  ci.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
  ci.flags = flags;
  ci.imageType = type;
  ci.format = image.vk_format;
  ci.extent = {e.width, e.height, e.depth};
  ci.mipLevels = image.mip_levels;
  ci.arrayLayers = e.array_layer_count;
  ci.samples = VK_SAMPLE_COUNT_1_BIT;
  ci.tiling = VK_IMAGE_TILING_OPTIMAL;
  ci.usage = image.usage;
  ci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  ci.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  r = vkCreateImage(rt.device, &ci, nullptr, &image.image);
  if (r != VK_SUCCESS) return fail_vk(r, "vkCreateImage");
  VkMemoryRequirements req{};
  vkGetImageMemoryRequirements(rt.device, image.image, &req);
  if (!(req.memoryTypeBits & (1u << rt.memory_type_device))) return fail(TI_ERROR_INVALID_STATE, "images cannot live in device-local memory");
  VkMemoryAllocateInfo mai{};
  mai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = rt.memory_type_device;
  r = vkAllocateMemory(rt.device, &mai, nullptr, &image.memory);
  if (r != VK_SUCCESS) return fail_vk(r, "vkAllocateMemory");
  r = vkBindImageMemory(rt.device, image.image, image.memory, 0);
  if (r != VK_SUCCESS) return fail_vk(r, "vkBindImageMemory");
  return create_image_views(rt, image);
}

// A TiImageSlice resolved against its image: mip, texel box and layers, unused sizes as 1.
struct Region {
  uint32_t mip = 0;
  VkOffset3D offset{};
  VkExtent3D extent{};
  uint32_t base_layer = 0;
  uint32_t layers = 1;
};

bool resolve_slice(const Image &image, const TiImageSlice &slice, const char *name, Region &out) {
  if (slice.mip_level >= image.mip_levels) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "%s->mip_level %u: the image has %u", name, slice.mip_level, image.mip_levels);
  out.mip = slice.mip_level;
  out.extent = {slice.extent.width, std::max(1u, slice.extent.height), std::max(1u, slice.extent.depth)};
  out.layers = std::max(1u, slice.extent.array_layer_count);
  out.base_layer = slice.offset.array_layer_offset;
  out.offset = {static_cast<int32_t>(slice.offset.x), static_cast<int32_t>(slice.offset.y), static_cast<int32_t>(slice.offset.z)};
  uint32_t w = std::max(1u, image.extent.width >> out.mip);
  uint32_t h = std::max(1u, image.extent.height >> out.mip);
  uint32_t d = std::max(1u, image.extent.depth >> out.mip);
  auto inside = [](uint64_t offset, uint64_t size, uint64_t max) { return size > 0 && offset + size <= max; };
  if (!inside(slice.offset.x, out.extent.width, w) || !inside(slice.offset.y, out.extent.height, h) || !inside(slice.offset.z, out.extent.depth, d) ||
      !inside(out.base_layer, out.layers, layer_count(image))) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "%s: (%u, %u, %u) + %ux%ux%u, layers %u+%u are outside mip %u (%ux%ux%u, %u layers)", name, slice.offset.x, slice.offset.y,
                slice.offset.z, out.extent.width, out.extent.height, out.extent.depth, out.base_layer, out.layers, out.mip, w, h, d, layer_count(image));
  }
  return true;
}

VkImageSubresourceLayers subresource(const Image &image, const Region &r) { return {aspect_of(image), r.mip, r.base_layer, r.layers}; }

// The image, slice region and memory of an ext copy between memory and an image, checked.
struct MemoryImageCopy {
  Image *image = nullptr;
  Memory *memory = nullptr;
  Region region;
  uint64_t offset = 0;
};

bool check_memory_image_copy(TiRuntime runtime, const TiImageSlice *slice, const char *slice_name, const TiMemorySlice *mem, const char *mem_name, MemoryImageCopy &out) {
  if (slice == nullptr) return fail(TI_ERROR_ARGUMENT_NULL, "%s", slice_name);
  if (mem == nullptr) return fail(TI_ERROR_ARGUMENT_NULL, "%s", mem_name);
  std::string image_name = std::string(slice_name) + "->image";
  out.image = lookup_image(runtime, slice->image, image_name.c_str());
  if (!out.image) return false;
  std::string memory_name = std::string(mem_name) + "->memory";
  out.memory = lookup_memory(runtime, mem->memory, memory_name.c_str());
  if (!out.memory) return false;
  if (!resolve_slice(*out.image, *slice, slice_name, out.region)) return false;
  const VkExtent3D &e = out.region.extent;
  uint64_t bytes = uint64_t(format_texel_bytes(out.image->format)) * e.width * e.height * e.depth * out.region.layers;
  if (mem->size != bytes) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "%s->size is %llu; the image region holds %llu bytes", mem_name, (unsigned long long)mem->size, (unsigned long long)bytes);
  }
  if (mem->offset > out.memory->size || bytes > out.memory->size - mem->offset) {
    return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "%s: [%llu, +%llu) is outside the %llu-byte memory", mem_name, (unsigned long long)mem->offset, (unsigned long long)bytes,
                (unsigned long long)out.memory->size);
  }
  out.offset = mem->offset;
  return true;
}

VkBufferImageCopy buffer_image_copy(const MemoryImageCopy &c) {
  VkBufferImageCopy region{};
  region.bufferOffset = c.offset;
  region.imageSubresource = subresource(*c.image, c.region);
  region.imageOffset = c.region.offset;
  region.imageExtent = c.region.extent;
  return region;
}

bool check_layout(TiImageLayout layout) {
  if (static_cast<uint32_t>(layout) >= kLayoutCount) return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "layout");
  return true;
}

}  // namespace

VkFormat vk_format_of(TiFormat format) { return static_cast<uint32_t>(format) < kFormatCount ? kFormats[format].vk : VK_FORMAT_UNDEFINED; }

TiFormat ti_format_of(VkFormat format) {
  for (uint32_t i = 1; i < kFormatCount; ++i)
    if (kFormats[i].vk == format) return static_cast<TiFormat>(i);
  return TI_FORMAT_UNKNOWN;
}

uint32_t format_texel_bytes(TiFormat format) { return static_cast<uint32_t>(format) < kFormatCount ? kFormats[format].bytes : 0; }

const char *format_name(TiFormat format) { return static_cast<uint32_t>(format) < kFormatCount ? kFormats[format].name : "invalid"; }

bool create_image_views(Runtime &rt, Image &image) {
  uint32_t layers = layer_count(image);
  VkImageViewType sampled_type = image.dimension == TI_IMAGE_DIMENSION_1D   ? VK_IMAGE_VIEW_TYPE_1D
                                 : image.dimension == TI_IMAGE_DIMENSION_3D ? VK_IMAGE_VIEW_TYPE_3D
                                 : image.dimension == TI_IMAGE_DIMENSION_CUBE ? VK_IMAGE_VIEW_TYPE_CUBE
                                 : layers > 1                                 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY
                                                                              : VK_IMAGE_VIEW_TYPE_2D;
  if (image.usage & VK_IMAGE_USAGE_SAMPLED_BIT) {
    image.sampled_view = create_view(rt, image, sampled_type, image.mip_levels);
    if (image.sampled_view == VK_NULL_HANDLE) return false;
  }
  if (image.usage & VK_IMAGE_USAGE_STORAGE_BIT) {
    // Storage views have one mip and no cube shape in WebGPU.
    VkImageViewType storage_type = sampled_type == VK_IMAGE_VIEW_TYPE_CUBE ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : sampled_type;
    if (image.mip_levels == 1 && storage_type == sampled_type && image.sampled_view != VK_NULL_HANDLE) {
      image.storage_view = image.sampled_view;
    } else {
      image.storage_view = create_view(rt, image, storage_type, 1);
      if (image.storage_view == VK_NULL_HANDLE) return false;
    }
  }
  return true;
}

bool transition_image(Runtime &rt, Image &image, VkImageLayout layout) {
  if (image.layout == layout) return true;
  VkCommandBuffer cb = rt.list.commands();
  if (cb == VK_NULL_HANDLE) return false;
  VkImageMemoryBarrier b{};
  b.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
  b.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  b.oldLayout = image.layout;
  b.newLayout = layout;
  b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  b.image = image.image;
  b.subresourceRange = {aspect_of(image), 0, VK_REMAINING_MIP_LEVELS, 0, VK_REMAINING_ARRAY_LAYERS};
  VkPipelineStageFlags stages = VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  vkCmdPipelineBarrier(cb, stages, stages, 0, 0, nullptr, 0, nullptr, 1, &b);
  image.layout = layout;
  return true;
}

void destroy_images_of(TiRuntime runtime) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  std::vector<uint32_t> images;
  registry().images.for_each([&](uint32_t handle, Image &i) {
    if (i.owner == runtime) images.push_back(handle);
  });
  for (uint32_t handle : images) {
    auto image = registry().images.remove(handle);
    if (rt) release(*rt, *image);
  }
}

}  // namespace tiw

using namespace tiw;

extern "C" {

TiImage ti_allocate_image(TiRuntime runtime, const TiImageAllocateInfo *allocate_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(allocate_info, TI_NULL_HANDLE);
  auto image = std::make_unique<Image>();
  if (!check_shape(*allocate_info, *image)) return TI_NULL_HANDLE;
  if (allocate_info->format == TI_FORMAT_UNKNOWN || static_cast<uint32_t>(allocate_info->format) >= kFormatCount) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->format");
    return TI_NULL_HANDLE;
  }
  image->owner = runtime;
  image->dimension = allocate_info->dimension;
  image->format = allocate_info->format;
  image->vk_format = vk_format_of(allocate_info->format);
  if (!image_usage(*rt, *image, allocate_info->usage, image->usage)) return TI_NULL_HANDLE;
  if (!create_image(*rt, *allocate_info, *image)) {
    release(*rt, *image);
    return TI_NULL_HANDLE;
  }
  uint32_t handle = registry().images.insert(image);
  if (!handle) {
    release(*rt, *image);
    fail_table_full(registry().images);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiImage>(handle);
}

void ti_free_image(TiRuntime runtime, TiImage image) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Image *i = lookup_image(runtime, image, "image");
  if (!i) return;
  // Recorded commands may still use the image: submit them before it goes away.
  if (!rt->flush()) return;
  forget_bound_object(runtime, i->sampled_view);
  forget_bound_object(runtime, i->storage_view);
  auto owned = registry().images.remove(handle_bits(image));
  release(*rt, *owned);
}

void ti_copy_image_device_to_device(TiRuntime runtime, const TiImageSlice *dst_image, const TiImageSlice *src_image) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  TIW_CHECK_NULL(dst_image, );
  TIW_CHECK_NULL(src_image, );
  Image *dst = lookup_image(runtime, dst_image->image, "dst_image->image");
  if (!dst) return;
  Image *src = lookup_image(runtime, src_image->image, "src_image->image");
  if (!src) return;
  Region d, s;
  if (!resolve_slice(*dst, *dst_image, "dst_image", d) || !resolve_slice(*src, *src_image, "src_image", s)) return;
  if (d.extent.width != s.extent.width || d.extent.height != s.extent.height || d.extent.depth != s.extent.depth || d.layers != s.layers) {
    fail(TI_ERROR_INVALID_ARGUMENT, "src_image->extent (%ux%ux%u, %u layers) != dst_image->extent (%ux%ux%u, %u layers)", s.extent.width, s.extent.height, s.extent.depth,
         s.layers, d.extent.width, d.extent.height, d.extent.depth, d.layers);
    return;
  }
  if (vk_format_of(src->format) != vk_format_of(dst->format)) {
    fail(TI_ERROR_INVALID_ARGUMENT, "src_image is %s, dst_image is %s: copies keep the format", format_name(src->format), format_name(dst->format));
    return;
  }
  // One image copied onto itself cannot be in two layouts at once.
  VkImageLayout src_layout = src == dst ? VK_IMAGE_LAYOUT_GENERAL : VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
  VkImageLayout dst_layout = src == dst ? VK_IMAGE_LAYOUT_GENERAL : VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
  VkCommandBuffer cb = rt->list.commands();
  if (cb == VK_NULL_HANDLE) return;
  rt->list.barrier();
  if (!transition_image(*rt, *src, src_layout) || !transition_image(*rt, *dst, dst_layout)) return;
  VkImageCopy region{subresource(*src, s), s.offset, subresource(*dst, d), d.offset, s.extent};
  vkCmdCopyImage(cb, src->image, src_layout, dst->image, dst_layout, 1, &region);
}

void ti_track_image_ext(TiRuntime runtime, TiImage image, TiImageLayout layout) {
  TIW_HEAP_READY();
  if (!lookup_runtime(runtime)) return;
  Image *i = lookup_image(runtime, image, "image");
  if (!i || !check_layout(layout)) return;
  i->layout = kLayouts[layout];
}

void ti_transition_image(TiRuntime runtime, TiImage image, TiImageLayout layout) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Image *i = lookup_image(runtime, image, "image");
  if (!i || !check_layout(layout)) return;
  if (layout == TI_IMAGE_LAYOUT_UNDEFINED) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "layout: an image cannot be transitioned to UNDEFINED");
    return;
  }
  rt->list.barrier();
  transition_image(*rt, *i, kLayouts[layout]);
}

void ti_copy_memory_to_image_ext(TiRuntime runtime, const TiImageSlice *dst_image, const TiMemorySlice *src_memory) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  MemoryImageCopy c;
  if (!check_memory_image_copy(runtime, dst_image, "dst_image", src_memory, "src_memory", c)) return;
  VkCommandBuffer cb = rt->list.commands();
  if (cb == VK_NULL_HANDLE) return;
  rt->list.barrier();
  if (!transition_image(*rt, *c.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)) return;
  VkBufferImageCopy region = buffer_image_copy(c);
  vkCmdCopyBufferToImage(cb, c.memory->buffer, c.image->image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
}

void ti_copy_image_to_memory_ext(TiRuntime runtime, const TiMemorySlice *dst_memory, const TiImageSlice *src_image) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  MemoryImageCopy c;
  if (!check_memory_image_copy(runtime, src_image, "src_image", dst_memory, "dst_memory", c)) return;
  VkCommandBuffer cb = rt->list.commands();
  if (cb == VK_NULL_HANDLE) return;
  rt->list.barrier();
  if (!transition_image(*rt, *c.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL)) return;
  VkBufferImageCopy region = buffer_image_copy(c);
  vkCmdCopyImageToBuffer(cb, c.image->image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, c.memory->buffer, 1, &region);
}

}  // extern "C"
