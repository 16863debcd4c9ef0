// TiMemory: a VkBuffer with its own VkDeviceMemory (or an imported buffer the runtime does not own).
#pragma once
#include <taichi/taichi.h>

#include "runtime.h"

namespace tiw {

struct Memory {
  TiRuntime owner = TI_NULL_HANDLE;
  VkBuffer buffer = VK_NULL_HANDLE;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  uint64_t size = 0;
  bool host_visible = false;
  bool imported = false;
  VkBufferUsageFlags usage = 0;
  void *mapped = nullptr;
};

// Frees every memory of a runtime that is being destroyed.
void destroy_memories_of(TiRuntime runtime);

}  // namespace tiw
