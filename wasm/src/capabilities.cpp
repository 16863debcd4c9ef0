#include "capabilities.h"

#include "error.h"

namespace tiw {
namespace {

// Why a subgroup capability is refused: offered only where the device runs the operations.
const char *const kNoSubgroups = "the WebGPU device lacks the subgroups feature";

// The subgroup operations each subgroup capability allows (Taichi's and forge's names).
struct SubgroupCapability {
  const char *name;
  VkSubgroupFeatureFlags needs;
};
const SubgroupCapability kSubgroupCapabilities[] = {
    {"spirv_has_subgroup_basic", VK_SUBGROUP_FEATURE_BASIC_BIT},
    {"spirv_has_subgroup_vote", VK_SUBGROUP_FEATURE_VOTE_BIT},
    {"spirv_has_subgroup_arithmetic", VK_SUBGROUP_FEATURE_ARITHMETIC_BIT},
    {"spirv_has_subgroup_ballot", VK_SUBGROUP_FEATURE_BALLOT_BIT},
    {"spirv_has_subgroup_shuffle", VK_SUBGROUP_FEATURE_SHUFFLE_BIT},
    {"spirv_has_subgroup_shuffle_relative", VK_SUBGROUP_FEATURE_SHUFFLE_RELATIVE_BIT},
};

// True where `name` is a subgroup capability and the runtime's device runs its operations.
bool subgroup_capability_runs(const Runtime &rt, const std::string &name) {
  for (const auto &c : kSubgroupCapabilities) {
    if (name == c.name) return (rt.subgroup_operations & c.needs) == c.needs;
  }
  return false;
}

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
    {"spirv_has_subgroup_basic", kNoSubgroups},
    {"spirv_has_subgroup_vote", kNoSubgroups},
    {"spirv_has_subgroup_arithmetic", kNoSubgroups},
    {"spirv_has_subgroup_ballot", kNoSubgroups},
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
    {"spirv_has_subgroup_shuffle", kNoSubgroups},
    {"spirv_has_subgroup_shuffle_relative", kNoSubgroups},
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
  // Subgroup operations are WGSL's subgroup built-ins (shim/spirv/wgsl/subgroups.ts).
  for (int c = TI_CAPABILITY_SPIRV_HAS_INT8; c < kCount; ++c) {
    if (subgroup_capability_runs(rt, kCapabilities[c].name)) rt.capabilities[static_cast<TiCapability>(c)] = 1;
  }
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
      if (forge->refusal != nullptr && kv.second > 0 && !subgroup_capability_runs(rt, kv.first)) return fail(TI_ERROR_INCOMPATIBLE_MODULE, "the module requires %s = %u: %s", kv.first.c_str(), kv.second, forge->refusal);
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
