// Vulkan interop (taichi_vulkan.h). Import wraps an object made outside Taichi for Taichi's use
// and never destroys it; export hands Taichi's own object out. (Taichi's documentation swaps the
// two words; the code, and this file, follow the code.)
#include <cstring>

#include <taichi/taichi_wasm.h>

#include "error.h"
#include "heap.h"
#include "image.h"
#include "registry.h"

using namespace tiw;

extern "C" {

TiRuntime ti_import_vulkan_runtime(const TiVulkanRuntimeInteropInfo *interop_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->api_version < VK_API_VERSION_1_0) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "interop_info->api_version");
    return TI_NULL_HANDLE;
  }
  if (interop_info->instance == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->instance"), nullptr;
  if (interop_info->physical_device == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->physical_device"), nullptr;
  if (interop_info->device == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->device"), nullptr;
  if (interop_info->compute_queue == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->compute_queue"), nullptr;
  if (interop_info->compute_queue_family_index != 0) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->compute_queue_family_index: the shim has one queue family, 0");
    return TI_NULL_HANDLE;
  }
  auto rt = std::make_unique<Runtime>();
  rt->owns_device = false;
  rt->instance = interop_info->instance;
  rt->physical_device = interop_info->physical_device;
  rt->device = interop_info->device;
  rt->queue = interop_info->compute_queue;
  rt->api_version = interop_info->api_version;
  if (!init_device_state(*rt)) {
    // A handle the shim does not know makes the first device call fail: that is an interop error.
    TiError code = last_error();
    if (code == TI_ERROR_INVALID_STATE) fail(TI_ERROR_INVALID_INTEROP, "interop_info does not name a live VkDevice of this shim");
    rt->destroy_device_objects();
    return TI_NULL_HANDLE;
  }
  // Like the reference, an imported runtime knows only its SPIR-V version; further capabilities
  // come from ti_set_runtime_capabilities_ext.
  rt->capabilities[TI_CAPABILITY_SPIRV_VERSION] = spirv_version_for(interop_info->api_version);
  uint32_t handle = registry().runtimes.insert(rt);
  if (!handle) {
    rt->destroy_device_objects();
    fail_table_full(registry().runtimes);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiRuntime>(handle);
}

void ti_export_vulkan_runtime(TiRuntime runtime, TiVulkanRuntimeInteropInfo *interop_info) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->get_instance_proc_addr = vkGetInstanceProcAddr;
  interop_info->api_version = rt->api_version;
  interop_info->instance = rt->instance;
  interop_info->physical_device = rt->physical_device;
  interop_info->device = rt->device;
  interop_info->compute_queue = rt->queue;
  interop_info->compute_queue_family_index = rt->queue_family;
  interop_info->graphics_queue = rt->queue;
  interop_info->graphics_queue_family_index = rt->queue_family;
}

TiMemory ti_import_vulkan_memory(TiRuntime runtime, const TiVulkanMemoryInteropInfo *interop_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->buffer == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->buffer"), nullptr;
  if (!(interop_info->usage & VK_BUFFER_USAGE_STORAGE_BUFFER_BIT)) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->usage lacks VK_BUFFER_USAGE_STORAGE_BUFFER_BIT: kernels could not bind the buffer");
    return TI_NULL_HANDLE;
  }
  // The shim answers a zero size for a buffer it does not know (or one of another device).
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(rt->device, interop_info->buffer, &req);
  if (req.size == 0) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->buffer is not a live VkBuffer of this runtime's device");
    return TI_NULL_HANDLE;
  }
  if (interop_info->size == 0 || interop_info->size > req.size) {
    fail(TI_ERROR_INVALID_ARGUMENT, "interop_info->size %llu does not fit the %llu-byte buffer", (unsigned long long)interop_info->size,
         (unsigned long long)req.size);
    return TI_NULL_HANDLE;
  }
  auto m = std::make_unique<Memory>();
  m->owner = runtime;
  m->buffer = interop_info->buffer;
  m->memory = interop_info->memory;
  m->size = interop_info->size;
  m->usage = interop_info->usage;
  m->imported = true;
  uint32_t handle = registry().memories.insert(m);
  if (!handle) return fail_table_full(registry().memories), nullptr;
  return make_handle<TiMemory>(handle);
}

void ti_export_vulkan_memory(TiRuntime runtime, TiMemory memory, TiVulkanMemoryInteropInfo *interop_info) {
  TIW_HEAP_READY();
  if (!lookup_runtime(runtime)) return;
  Memory *m = lookup_memory(runtime, memory, "memory");
  if (!m) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->buffer = m->buffer;
  interop_info->size = m->size;
  interop_info->usage = m->usage;
  interop_info->memory = m->memory;
  interop_info->offset = 0;
}

TiEvent ti_import_vulkan_event(TiRuntime runtime, const TiVulkanEventInteropInfo *interop_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->event == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->event"), nullptr;
  VkResult status = vkGetEventStatus(rt->device, interop_info->event);
  if (status != VK_EVENT_SET && status != VK_EVENT_RESET) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->event is not a live VkEvent of this runtime's device");
    return TI_NULL_HANDLE;
  }
  auto e = std::make_unique<Event>();
  e->owner = runtime;
  e->event = interop_info->event;
  e->imported = true;
  e->shared = true;
  uint32_t handle = registry().events.insert(e);
  if (!handle) return fail_table_full(registry().events), nullptr;
  return make_handle<TiEvent>(handle);
}

void ti_export_vulkan_event(TiRuntime runtime, TiEvent event, TiVulkanEventInteropInfo *interop_info) {
  TIW_HEAP_READY();
  if (!lookup_runtime(runtime)) return;
  Event *e = lookup_event(runtime, event, "event");
  if (!e) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->event = e->event;
  e->shared = true;
}

TiImage ti_import_vulkan_image(TiRuntime runtime, const TiVulkanImageInteropInfo *interop_info, VkImageViewType view_type, VkImageLayout layout) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  const TiVulkanImageInteropInfo &info = *interop_info;
  if (info.image == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->image"), nullptr;
  TiImageDimension dimension;
  switch (view_type) {
    case VK_IMAGE_VIEW_TYPE_1D: dimension = TI_IMAGE_DIMENSION_1D; break;
    case VK_IMAGE_VIEW_TYPE_2D: dimension = TI_IMAGE_DIMENSION_2D; break;
    case VK_IMAGE_VIEW_TYPE_3D: dimension = TI_IMAGE_DIMENSION_3D; break;
    case VK_IMAGE_VIEW_TYPE_2D_ARRAY: dimension = TI_IMAGE_DIMENSION_2D_ARRAY; break;
    case VK_IMAGE_VIEW_TYPE_CUBE: dimension = TI_IMAGE_DIMENSION_CUBE; break;
    default: return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "view_type"), nullptr;
  }
  bool type_fits = (info.image_type == VK_IMAGE_TYPE_1D && dimension == TI_IMAGE_DIMENSION_1D) ||
                   (info.image_type == VK_IMAGE_TYPE_3D && dimension == TI_IMAGE_DIMENSION_3D) ||
                   (info.image_type == VK_IMAGE_TYPE_2D && dimension != TI_IMAGE_DIMENSION_1D && dimension != TI_IMAGE_DIMENSION_3D);
  if (!type_fits) return fail(TI_ERROR_INVALID_ARGUMENT, "view_type %d does not fit image_type %d", (int)view_type, (int)info.image_type), nullptr;
  // The reference casts the VkImageLayout to a TiImageLayout; here the Vulkan layout itself is
  // tracked, and only layouts a compute image can be in are accepted.
  switch (layout) {
    case VK_IMAGE_LAYOUT_UNDEFINED:
    case VK_IMAGE_LAYOUT_GENERAL:
    case VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL:
    case VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL:
    case VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL:
    case VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL:
    case VK_IMAGE_LAYOUT_PRESENT_SRC_KHR:
      break;
    default:
      return fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "layout"), nullptr;
  }
  TiFormat format = ti_format_of(info.format);
  if (format == TI_FORMAT_UNKNOWN) return fail(TI_ERROR_INVALID_INTEROP, "interop_info->format %d has no TiFormat", (int)info.format), nullptr;
  if (info.extent.width == 0 || info.extent.height == 0 || info.extent.depth == 0 || info.mip_level_count == 0 || info.array_layer_count == 0) {
    return fail(TI_ERROR_INVALID_ARGUMENT, "interop_info: extent, mip_level_count and array_layer_count must be non-zero"), nullptr;
  }
  if (!(info.usage & (VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_SAMPLED_BIT))) {
    return fail(TI_ERROR_INVALID_INTEROP, "interop_info->usage has neither STORAGE nor SAMPLED: kernels could not use the image"), nullptr;
  }
  // The shim answers a zero size for an image it does not know (or one of another device).
  VkMemoryRequirements req{};
  vkGetImageMemoryRequirements(rt->device, info.image, &req);
  if (req.size == 0) return fail(TI_ERROR_INVALID_INTEROP, "interop_info->image is not a live VkImage of this runtime's device"), nullptr;

  auto image = std::make_unique<Image>();
  image->owner = runtime;
  image->image = info.image;
  image->dimension = dimension;
  image->format = format;
  image->vk_format = info.format;
  image->extent = {info.extent.width, info.extent.height, info.extent.depth, info.array_layer_count};
  image->mip_levels = info.mip_level_count;
  image->usage = info.usage;
  image->layout = layout;
  image->imported = true;
  if (!create_image_views(*rt, *image)) return nullptr;
  uint32_t handle = registry().images.insert(image);
  if (!handle) {
    if (image->storage_view != image->sampled_view) vkDestroyImageView(rt->device, image->storage_view, nullptr);
    vkDestroyImageView(rt->device, image->sampled_view, nullptr);
    return fail_table_full(registry().images), nullptr;
  }
  return make_handle<TiImage>(handle);
}

void ti_export_vulkan_image(TiRuntime runtime, TiImage image, TiVulkanImageInteropInfo *interop_info) {
  TIW_HEAP_READY();
  if (!lookup_runtime(runtime)) return;
  Image *img = lookup_image(runtime, image, "image");
  if (!img) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->image = img->image;
  interop_info->image_type = img->dimension == TI_IMAGE_DIMENSION_1D   ? VK_IMAGE_TYPE_1D
                             : img->dimension == TI_IMAGE_DIMENSION_3D ? VK_IMAGE_TYPE_3D
                                                                       : VK_IMAGE_TYPE_2D;
  interop_info->format = img->vk_format;
  interop_info->extent = {img->extent.width, img->extent.height, img->extent.depth};
  interop_info->mip_level_count = img->mip_levels;
  interop_info->array_layer_count = img->extent.array_layer_count;
  interop_info->sample_count = VK_SAMPLE_COUNT_1_BIT;
  interop_info->tiling = VK_IMAGE_TILING_OPTIMAL;
  interop_info->usage = img->usage;
}

void ti_describe_image_ext(TiRuntime runtime, TiImage image, TiImageAllocateInfo *info) {
  TIW_HEAP_READY();
  if (!lookup_runtime(runtime)) return;
  Image *img = lookup_image(runtime, image, "image");
  if (!img) return;
  TIW_CHECK_NULL(info, );
  info->dimension = img->dimension;
  info->extent = img->extent;
  info->mip_level_count = img->mip_levels;
  info->format = img->format;
  info->export_sharing = TI_FALSE;
  info->usage = 0;
  if (img->usage & VK_IMAGE_USAGE_STORAGE_BIT) info->usage |= TI_IMAGE_USAGE_STORAGE_BIT;
  if (img->usage & VK_IMAGE_USAGE_SAMPLED_BIT) info->usage |= TI_IMAGE_USAGE_SAMPLED_BIT;
  if (img->usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT) info->usage |= TI_IMAGE_USAGE_ATTACHMENT_BIT;
}

}  // extern "C"
