#include "capabilities.h"

#include "error.h"

namespace tiw {
namespace {

struct CapabilityInfo {
  const char *name;
  // Why WebGPU cannot run what the capability allows; null where this runtime offers it.
  const char *refusal;
};

// In TiCapability order. docs/capabilities.md tells the same, with the tests behind each line.
const CapabilityInfo kCapabilities[] = {
    {"", "reserved"},
    {"spirv_version", nullptr},
    {"spirv_has_int8", nullptr},
    {"spirv_has_int16", nullptr},
    {"spirv_has_int64", "WGSL has no 64-bit integers"},
    {"spirv_has_float16", "the WebGPU device lacks shader-f16 (or the runtime was made without VK_KHR_shader_float16_int8)"},
    {"spirv_has_float64", "WGSL has no 64-bit floats"},
    {"spirv_has_atomic_int64", "WGSL has no 64-bit integers"},
    {"spirv_has_atomic_float16", "WGSL has no 16-bit atomics"},
    {"spirv_has_atomic_float16_add", "WGSL has no 16-bit atomics"},
    {"spirv_has_atomic_float16_minmax", "WGSL has no 16-bit atomics"},
    {"spirv_has_atomic_float", nullptr},
    {"spirv_has_atomic_float_add", nullptr},
    {"spirv_has_atomic_float_minmax", nullptr},
    {"spirv_has_atomic_float64", "WGSL has no 64-bit floats"},
    {"spirv_has_atomic_float64_add", "WGSL has no 64-bit floats"},
    {"spirv_has_atomic_float64_minmax", "WGSL has no 64-bit floats"},
    {"spirv_has_variable_ptr", "WGSL has no pointers chosen at run time"},
    {"spirv_has_physical_storage_buffer", "WGSL cannot reach memory by device address"},
    {"spirv_has_subgroup_basic", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_subgroup_vote", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_subgroup_arithmetic", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_subgroup_ballot", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_non_semantic_info", "debug printf (NonSemantic.DebugPrintf) has no WebGPU equivalent"},
    {"spirv_has_no_integer_wrap_decoration", nullptr},
};
constexpr int kCount = static_cast<int>(sizeof(kCapabilities) / sizeof(kCapabilities[0]));
static_assert(kCount == TI_CAPABILITY_SPIRV_HAS_NO_INTEGER_WRAP_DECORATION + 1, "one entry per TiCapability");

// Capabilities taichi-forge 0.7 writes that Taichi 1.7's C API has no TiCapability for, so a
// runtime's set cannot name them: each is offered always (null) or refused always, with why.
const CapabilityInfo kForgeCapabilities[] = {
    // Each rw_texture's format is checked at load against WebGPU's storage texture formats
    // (rg32f, rg32i and rg32u are extended in Vulkan and core in WebGPU).
    {"spirv_has_storage_image_extended_formats", nullptr},
    {"spirv_has_int8_storage", nullptr},
    {"spirv_has_int16_storage", nullptr},
    {"spirv_has_shared_atomic_int64", "WGSL has no 64-bit integers"},
    {"spirv_has_shared_atomic_float_add", "shared-memory float atomics are not supported here yet (untested on WGSL workgroup memory)"},
    {"spirv_has_shared_atomic_float_minmax", "shared-memory float atomics are not supported here yet (untested on WGSL workgroup memory)"},
    {"spirv_has_shared_atomic_float16_add", "WGSL has no 16-bit atomics"},
    {"spirv_has_shared_atomic_float16_minmax", "WGSL has no 16-bit atomics"},
    {"spirv_has_shared_atomic_float64_add", "WGSL has no 64-bit floats"},
    {"spirv_has_shared_atomic_float64_minmax", "WGSL has no 64-bit floats"},
    {"spirv_has_subgroup_shuffle", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_subgroup_shuffle_relative", "subgroup operations are not translated to WGSL yet"},
    {"spirv_has_sampled_image_array_non_uniform_indexing", "WebGPU has no arrays of textures"},
    {"spirv_has_cooperative_matrix", "cooperative matrices have no WebGPU counterpart"},
    {"spirv_has_ray_query", "WebGPU has no ray queries or acceleration structures"},
};

}  // namespace

void default_capabilities(Runtime &rt) {
  rt.capabilities.clear();
  rt.capabilities[TI_CAPABILITY_SPIRV_VERSION] = spirv_version_for(rt.properties.apiVersion);
  // Float atomics are compare-exchange loops in WGSL; 8- and 16-bit integers are held in 32-bit
  // words (shim/spirv/passes/narrow-int.ts); the no-wrap decorations only allow what WGSL's wrapping
  // arithmetic already does; float16 is WGSL's f16 where the device has it.
  for (int c = TI_CAPABILITY_SPIRV_HAS_INT8; c < kCount; ++c) {
    if (kCapabilities[c].refusal == nullptr) rt.capabilities[static_cast<TiCapability>(c)] = 1;
  }
  if (rt.float16) rt.capabilities[TI_CAPABILITY_SPIRV_HAS_FLOAT16] = 1;
}

bool check_capabilities(const Runtime &rt, const ModuleMetadata &meta) {
  for (const auto &kv : meta.required_caps) {
    int found = -1;
    for (int i = 1; i < kCount; ++i) {
      if (kv.first == kCapabilities[i].name) found = i;
    }
    if (found < 0) {
      const CapabilityInfo *forge = nullptr;
      for (const auto &c : kForgeCapabilities) {
        if (kv.first == c.name) forge = &c;
      }
      if (forge == nullptr) return fail(TI_ERROR_INCOMPATIBLE_MODULE, "the module requires unknown capability '%s'", kv.first.c_str());
      if (forge->refusal != nullptr && kv.second > 0) return fail(TI_ERROR_INCOMPATIBLE_MODULE, "the module requires %s = %u: %s", kv.first.c_str(), kv.second, forge->refusal);
      continue;
    }
    auto have = rt.capabilities.find(static_cast<TiCapability>(found));
    uint32_t level = have == rt.capabilities.end() ? 0 : have->second;
    if (level < kv.second) {
      const char *why = kCapabilities[found].refusal ? kCapabilities[found].refusal : "the runtime's capabilities were set without it (ti_set_runtime_capabilities_ext)";
      return fail(TI_ERROR_INCOMPATIBLE_MODULE, "the module requires %s = %u, the runtime has %u: %s", kv.first.c_str(), kv.second, level, why);
    }
  }
  return true;
}

}  // namespace tiw
