// A loaded AOT module: its metadata, one compute pipeline per task, the root buffers, and the
// TiKernel / TiComputeGraph handles it hands out.
#pragma once
#include <map>
#include <memory>
#include <vector>

#include <taichi/taichi.h>

#include "archive.h"
#include "metadata.h"
#include "runtime.h"

namespace tiw {

struct Task {
  const TaskInfo *info = nullptr;
  VkShaderModule shader = VK_NULL_HANDLE;
  VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
  VkPipelineLayout pipeline_layout = VK_NULL_HANDLE;
  VkPipeline pipeline = VK_NULL_HANDLE;
  // In deterministic mode, why the shim refused the task's pipeline (then null): launching its
  // kernel fails with this reason, while the module's other kernels run.
  std::string refusal;
  // Descriptor sets by what they bind: the buffers (in buffer_binds order), then the image view
  // and sampler of each texture (in texture_binds order). Made once and reused.
  std::map<std::vector<uint64_t>, VkDescriptorSet> sets;
  // Sets whose objects were freed, reused for new keys once the work recorded before the free
  // (serials up to `after`) has completed: a runtime that binds ever new buffers stays bounded.
  struct Spare {
    VkDescriptorSet set;
    uint64_t after;
  };
  std::vector<Spare> spare_sets;
  // Reused by every launch, so recording one allocates nothing once the cache is warm.
  std::vector<uint64_t> scratch_key;
  std::vector<VkBuffer> scratch_buffers;
  std::vector<VkDescriptorImageInfo> scratch_images;
};

struct Kernel {
  TiAotModule module = TI_NULL_HANDLE;
  const KernelInfo *info = nullptr;
  std::vector<Task> tasks;
};

struct ComputeGraph {
  TiAotModule module = TI_NULL_HANDLE;
  const GraphInfo *info = nullptr;
  std::vector<Kernel *> kernels;  // per dispatch
};

struct AotModule {
  TiRuntime runtime = TI_NULL_HANDLE;
  ModuleMetadata metadata;
  std::map<std::string, uint32_t> kernels;  // name -> TiKernel bits
  std::map<std::string, uint32_t> aliases;  // forge's second names -> TiKernel bits (owned by `kernels`)
  std::map<std::string, uint32_t> graphs;   // name -> TiComputeGraph bits
  std::vector<DeviceBuffer> roots;          // one per SNode tree
  std::vector<VkDescriptorPool> pools;
  uint32_t sets_in_last_pool = 0;
};

// The metadata of a module's files (Taichi 1.5+ format), or false with CORRUPTED_DATA or
// INCOMPATIBLE_MODULE set.
bool read_metadata(const Archive &files, ModuleMetadata &meta);

// Frees every module of a runtime that is being destroyed.
void destroy_modules_of(TiRuntime runtime);

// Drops cached descriptor sets that bind `object` (a buffer, image view or sampler being freed).
void forget_bound_object(TiRuntime runtime, uint64_t object);

// Records one kernel launch with already-checked arguments.
bool record_launch(Runtime &rt, AotModule &module, Kernel &kernel, uint32_t arg_count, const TiArgument *args);

}  // namespace tiw
