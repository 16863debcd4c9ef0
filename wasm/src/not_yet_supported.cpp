// C API functions whose issues have not landed yet: each exists with its exact signature and
// reports TI_ERROR_NOT_SUPPORTED, so callers get a clear error instead of a missing symbol.
#include <taichi/taichi.h>

#include "error.h"

#define TIW_NOT_YET(name) tiw::fail(TI_ERROR_NOT_SUPPORTED, "%s is not supported yet by taichi-wasm", name)

extern "C" {

TiImage ti_allocate_image(TiRuntime, const TiImageAllocateInfo *) { return TIW_NOT_YET("ti_allocate_image"), nullptr; }
void ti_free_image(TiRuntime, TiImage) { TIW_NOT_YET("ti_free_image"); }
TiSampler ti_create_sampler(TiRuntime, const TiSamplerCreateInfo *) { return TIW_NOT_YET("ti_create_sampler"), nullptr; }
void ti_destroy_sampler(TiRuntime, TiSampler) { TIW_NOT_YET("ti_destroy_sampler"); }
void ti_copy_image_device_to_device(TiRuntime, const TiImageSlice *, const TiImageSlice *) { TIW_NOT_YET("ti_copy_image_device_to_device"); }
void ti_track_image_ext(TiRuntime, TiImage, TiImageLayout) { TIW_NOT_YET("ti_track_image_ext"); }
void ti_transition_image(TiRuntime, TiImage, TiImageLayout) { TIW_NOT_YET("ti_transition_image"); }
TiImage ti_import_vulkan_image(TiRuntime, const TiVulkanImageInteropInfo *, VkImageViewType, VkImageLayout) {
  return TIW_NOT_YET("ti_import_vulkan_image"), nullptr;
}
void ti_export_vulkan_image(TiRuntime, TiImage, TiVulkanImageInteropInfo *) { TIW_NOT_YET("ti_export_vulkan_image"); }

}  // extern "C"
