// A Taichi runtime: one Vulkan device and queue, the capability set, the command list that
// launches and copies are recorded into (command_list.h), and the buffers the runtime itself uses.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <taichi/taichi.h>

#include "command_list.h"
#include "handles.h"

namespace tiw {

// A buffer with its own memory, for the runtime's internal storage.
struct DeviceBuffer {
  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  uint64_t size = 0;
  void *mapped = nullptr;  // persistently mapped when host-visible
};

// A chunk of host-visible memory that kernel arguments are written into, one 256-byte-aligned
// slot per launch, bound with a dynamic offset. A chunk is reused once the last submission that
// read it has completed, so the cost of a launch does not grow with the launches before it.
struct ArgsChunk {
  DeviceBuffer storage;
  uint64_t cursor = 0;
  uint64_t dirty_begin = UINT64_MAX;
  uint64_t dirty_end = 0;
  uint64_t last_use = 0;  // serial of the command list that last wrote it
};

struct Runtime {
  TiArch arch = TI_ARCH_VULKAN;
  VkInstance instance = VK_NULL_HANDLE;
  VkPhysicalDevice physical_device = VK_NULL_HANDLE;
  VkDevice device = VK_NULL_HANDLE;
  VkQueue queue = VK_NULL_HANDLE;
  uint32_t queue_family = 0;
  // An imported runtime never destroys the device and instance it was given.
  bool owns_device = true;
  uint32_t api_version = 0;
  std::map<TiCapability, uint32_t> capabilities;
  // VK_KHR_shader_float16_int8 is enabled: SPIR-V's float16 becomes WGSL's f16.
  bool float16 = false;
  // The VkSubgroupFeatureFlags compute shaders may use (VkPhysicalDeviceSubgroupProperties): the
  // shim reports them where WebGPU has subgroups; 0 elsewhere.
  uint32_t subgroup_operations = 0;
  VkPhysicalDeviceProperties properties{};
  // Made with the shim's VK_TAICHIWASM_deterministic: every task runs on one invocation in index
  // order, and a task the shim cannot run so is refused (at launch, with the shim's reason).
  bool deterministic = false;
  // In deterministic mode, a VK_EXT_debug_utils messenger keeps the shim's latest error message
  // in `shim_error`: why it refused a pipeline.
  VkDebugUtilsMessengerEXT messenger = VK_NULL_HANDLE;
  std::string shim_error;

  uint32_t memory_type_device = UINT32_MAX;
  uint32_t memory_type_upload = UINT32_MAX;
  uint32_t memory_type_readback = UINT32_MAX;

  CommandList list;
  std::vector<ArgsChunk> args_chunks;
  size_t args_chunk = 0;
  // The slot args_for filled last: its chunk is not reused while its list records.
  struct {
    VkBuffer buffer = VK_NULL_HANDLE;
    uint32_t offset = 0;
    uint32_t size = 0;
    const uint8_t *data = nullptr;
    uint64_t serial = 0;
  } last_args;
  std::vector<uint8_t> args_scratch;
  DeviceBuffer global_tmps;
  DeviceBuffer list_gen;
  DeviceBuffer rets;

  // Submits the command list, with the argument slots it wrote (ti_flush).
  bool flush();
  // Counts `commands` just recorded and submits the command list when it is due (called after
  // each launch, graph and event command).
  bool submit_if_due(uint64_t commands);
  // Submits the command list and waits until the device has finished it (ti_wait).
  bool wait();
  void destroy_device_objects();

  bool create_buffer(uint64_t size, VkBufferUsageFlags usage, uint32_t memory_type, DeviceBuffer &out);
  void destroy_buffer(DeviceBuffer &b);
  // A slot for `size` bytes of kernel arguments: where to write them and how to bind them.
  bool args_slot(uint32_t size, VkBuffer &buffer, uint32_t &offset, uint8_t *&data);
  // The slot holding `bytes` (`size` of them) for a launch: the previous launch's when the list
  // being recorded has it with the same bytes, so repeated launches bind once; else a new one.
  bool args_for(const uint8_t *bytes, uint32_t size, VkBuffer &buffer, uint32_t &offset);
  // A runtime-wide buffer (GlobalTmps, ListGen, Rets), created zeroed on first use.
  bool shared_buffer(DeviceBuffer &b, uint64_t size, bool host_visible);
};

// The SPIR-V version a Vulkan API version guarantees (as the reference maps it).
uint32_t spirv_version_for(uint32_t api_version);

// Chooses memory types and records device properties once the device exists.
bool init_device_state(Runtime &rt);

}  // namespace tiw
