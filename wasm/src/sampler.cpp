// ti_create_sampler and ti_destroy_sampler, and the default sampler of each runtime.
#include "sampler.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "error.h"
#include "heap.h"
#include "registry.h"

namespace tiw {
namespace {

// Default samplers by runtime handle; destroyed with the runtime's samplers.
std::map<uint32_t, VkSampler> &default_samplers() {
  static std::map<uint32_t, VkSampler> samplers;
  return samplers;
}

}  // namespace

VkSampler default_sampler(TiRuntime runtime, Runtime &rt) {
  uint32_t key = handle_bits(runtime);
  auto it = default_samplers().find(key);
  if (it != default_samplers().end()) return it->second;
  VkSamplerCreateInfo ci{};
  ci.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO;
  ci.magFilter = VK_FILTER_LINEAR;
  ci.minFilter = VK_FILTER_LINEAR;
  ci.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  ci.addressModeU = ci.addressModeV = ci.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  ci.maxLod = VK_LOD_CLAMP_NONE;
  VkSampler sampler = VK_NULL_HANDLE;
  VkResult r = vkCreateSampler(rt.device, &ci, nullptr, &sampler);
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateSampler");
    return VK_NULL_HANDLE;
  }
  default_samplers()[key] = sampler;
  return sampler;
}

void destroy_samplers_of(TiRuntime runtime) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  std::vector<uint32_t> samplers;
  registry().samplers.for_each([&](uint32_t handle, Sampler &s) {
    if (s.owner == runtime) samplers.push_back(handle);
  });
  for (uint32_t handle : samplers) {
    auto sampler = registry().samplers.remove(handle);
    if (rt) vkDestroySampler(rt->device, sampler->sampler, nullptr);
  }
  auto it = default_samplers().find(handle_bits(runtime));
  if (it != default_samplers().end()) {
    if (rt) vkDestroySampler(rt->device, it->second, nullptr);
    default_samplers().erase(it);
  }
}

}  // namespace tiw

using namespace tiw;

extern "C" {

TiSampler ti_create_sampler(TiRuntime runtime, const TiSamplerCreateInfo *create_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(create_info, TI_NULL_HANDLE);
  if (create_info->mag_filter > TI_FILTER_LINEAR) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "create_info->mag_filter");
    return TI_NULL_HANDLE;
  }
  if (create_info->min_filter > TI_FILTER_LINEAR) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "create_info->min_filter");
    return TI_NULL_HANDLE;
  }
  if (create_info->address_mode > TI_ADDRESS_MODE_CLAMP_TO_EDGE) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "create_info->address_mode");
    return TI_NULL_HANDLE;
  }
  float anisotropy = create_info->max_anisotropy;
  if (!(anisotropy >= 0.0f) || std::isinf(anisotropy)) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "create_info->max_anisotropy");
    return TI_NULL_HANDLE;
  }
  VkSamplerCreateInfo ci{};
  ci.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO;
  ci.magFilter = create_info->mag_filter == TI_FILTER_LINEAR ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
  ci.minFilter = create_info->min_filter == TI_FILTER_LINEAR ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
  ci.mipmapMode = create_info->min_filter == TI_FILTER_LINEAR ? VK_SAMPLER_MIPMAP_MODE_LINEAR : VK_SAMPLER_MIPMAP_MODE_NEAREST;
  VkSamplerAddressMode mode = create_info->address_mode == TI_ADDRESS_MODE_REPEAT            ? VK_SAMPLER_ADDRESS_MODE_REPEAT
                              : create_info->address_mode == TI_ADDRESS_MODE_MIRRORED_REPEAT ? VK_SAMPLER_ADDRESS_MODE_MIRRORED_REPEAT
                                                                                             : VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  ci.addressModeU = ci.addressModeV = ci.addressModeW = mode;
  ci.anisotropyEnable = anisotropy > 1.0f ? VK_TRUE : VK_FALSE;
  ci.maxAnisotropy = std::min(anisotropy, rt->properties.limits.maxSamplerAnisotropy);
  ci.maxLod = VK_LOD_CLAMP_NONE;
  auto sampler = std::make_unique<Sampler>();
  sampler->owner = runtime;
  VkResult r = vkCreateSampler(rt->device, &ci, nullptr, &sampler->sampler);
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateSampler");
    return TI_NULL_HANDLE;
  }
  uint32_t handle = registry().samplers.insert(sampler);
  if (!handle) {
    vkDestroySampler(rt->device, sampler->sampler, nullptr);
    fail_table_full(registry().samplers);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiSampler>(handle);
}

void ti_destroy_sampler(TiRuntime runtime, TiSampler sampler) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Sampler *s = lookup_sampler(runtime, sampler, "sampler");
  if (!s) return;
  if (!rt->flush()) return;
  forget_bound_object(runtime, s->sampler);
  auto owned = registry().samplers.remove(handle_bits(sampler));
  vkDestroySampler(rt->device, owned->sampler, nullptr);
}

}  // extern "C"
