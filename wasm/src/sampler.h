// TiSampler: a VkSampler, and the default sampler of texture arguments given without one.
#pragma once
#include <taichi/taichi.h>

#include "runtime.h"

namespace tiw {

struct Sampler {
  TiRuntime owner = TI_NULL_HANDLE;
  VkSampler sampler = VK_NULL_HANDLE;
};

// The sampler kernels use for a texture argument given without one (linear, repeat, as Taichi's).
VkSampler default_sampler(TiRuntime runtime, Runtime &rt);

// Frees every sampler of a runtime that is being destroyed, its default one included.
void destroy_samplers_of(TiRuntime runtime);

}  // namespace tiw
