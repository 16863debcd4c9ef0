// C API functions whose issues have not landed yet: each exists with its exact signature and
// reports TI_ERROR_NOT_SUPPORTED, so callers get a clear error instead of a missing symbol.
#include <taichi/taichi.h>

#include "error.h"

#define TIW_NOT_YET(name) tiw::fail(TI_ERROR_NOT_SUPPORTED, "%s is not supported yet by taichi-wasm", name)

extern "C" {

TiImage ti_import_vulkan_image(TiRuntime, const TiVulkanImageInteropInfo *, VkImageViewType, VkImageLayout) {
  return TIW_NOT_YET("ti_import_vulkan_image"), nullptr;
}
void ti_export_vulkan_image(TiRuntime, TiImage, TiVulkanImageInteropInfo *) { TIW_NOT_YET("ti_export_vulkan_image"); }

}  // extern "C"
