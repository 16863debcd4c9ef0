// A Taichi runtime: one Vulkan device and queue, the capability set, and the command list that
// launches and copies are recorded into until ti_flush submits it.
#pragma once
#include <map>
#include <memory>
#include <vector>

#include <taichi/taichi.h>

#include "handles.h"

namespace tiw {

struct Memory;

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
  VkPhysicalDeviceProperties properties{};

  uint32_t memory_type_device = UINT32_MAX;
  uint32_t memory_type_upload = UINT32_MAX;
  uint32_t memory_type_readback = UINT32_MAX;

  VkCommandPool command_pool = VK_NULL_HANDLE;
  VkCommandBuffer recording = VK_NULL_HANDLE;
  uint32_t recorded_commands = 0;
  struct Submission {
    VkCommandBuffer command_buffer;
    VkFence fence;
  };
  std::vector<Submission> in_flight;
  std::vector<VkCommandBuffer> free_command_buffers;
  std::vector<VkFence> free_fences;

  // The command buffer being recorded, begun on first use; null (with the error set) on failure.
  VkCommandBuffer commands();
  // A barrier so later commands see the writes of earlier ones.
  void barrier();
  bool flush();
  bool wait();
  void destroy_device_objects();
};

struct Registry {
  HandleTable<Runtime, HandleTag::Runtime> runtimes;
  HandleTable<Memory, HandleTag::Memory> memories;
};

Registry &registry();

// The runtime behind a handle, or null with ARGUMENT_NULL / INVALID_ARGUMENT set.
Runtime *lookup_runtime(TiRuntime runtime, const char *name = "runtime");

// Chooses memory types and records device properties once the device exists.
bool init_device_state(Runtime &rt);

}  // namespace tiw
