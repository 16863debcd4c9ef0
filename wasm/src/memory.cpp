// ti_allocate_memory, ti_free_memory, mapping, and device-to-device copies.
#include "registry.h"

#include "error.h"
#include "heap.h"

namespace tiw {

namespace {

void release(Runtime &rt, Memory &m) {
  if (m.mapped) vkUnmapMemory(rt.device, m.memory);
  m.mapped = nullptr;
  if (m.imported) return;
  vkDestroyBuffer(rt.device, m.buffer, nullptr);
  vkFreeMemory(rt.device, m.memory, nullptr);
}

}  // namespace

void destroy_memories_of(TiRuntime runtime) {
  Runtime *rt = registry().runtimes.get(handle_bits(runtime));
  std::vector<uint32_t> doomed;
  registry().memories.for_each([&](uint32_t handle, Memory &m) {
    if (m.owner == runtime) doomed.push_back(handle);
  });
  for (uint32_t handle : doomed) {
    auto m = registry().memories.remove(handle);
    if (rt) release(*rt, *m);
  }
}

}  // namespace tiw

using namespace tiw;

extern "C" {

TiMemory ti_allocate_memory(TiRuntime runtime, const TiMemoryAllocateInfo *allocate_info) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(allocate_info, TI_NULL_HANDLE);
  if (allocate_info->size == 0) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "allocate_info->size");
    return TI_NULL_HANDLE;
  }
  auto m = std::make_unique<Memory>();
  m->owner = runtime;
  m->size = allocate_info->size;
  m->host_visible = allocate_info->host_read || allocate_info->host_write;

  VkBufferUsageFlags usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  TiMemoryUsageFlags ti_usage = allocate_info->usage ? allocate_info->usage : TI_MEMORY_USAGE_STORAGE_BIT;
  if (ti_usage & TI_MEMORY_USAGE_STORAGE_BIT) usage |= VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
  if (ti_usage & TI_MEMORY_USAGE_UNIFORM_BIT) usage |= VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
  if (ti_usage & TI_MEMORY_USAGE_VERTEX_BIT) usage |= VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
  if (ti_usage & TI_MEMORY_USAGE_INDEX_BIT) usage |= VK_BUFFER_USAGE_INDEX_BUFFER_BIT;
  m->usage = usage;

  VkBufferCreateInfo bci{};
  bci.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bci.size = allocate_info->size;
  bci.usage = usage;
  bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  VkResult r = vkCreateBuffer(rt->device, &bci, nullptr, &m->buffer);
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateBuffer");
    return TI_NULL_HANDLE;
  }
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(rt->device, m->buffer, &req);
  VkMemoryAllocateInfo mai{};
  mai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  mai.allocationSize = req.size;
  // Host reads want cached memory; host writes (or both) want coherent memory.
  mai.memoryTypeIndex = !m->host_visible            ? rt->memory_type_device
                        : allocate_info->host_write ? rt->memory_type_upload
                                                    : rt->memory_type_readback;
  r = vkAllocateMemory(rt->device, &mai, nullptr, &m->memory);
  if (r != VK_SUCCESS) {
    vkDestroyBuffer(rt->device, m->buffer, nullptr);
    fail_vk(r, "vkAllocateMemory");
    return TI_NULL_HANDLE;
  }
  r = vkBindBufferMemory(rt->device, m->buffer, m->memory, 0);
  if (r != VK_SUCCESS) {
    vkDestroyBuffer(rt->device, m->buffer, nullptr);
    vkFreeMemory(rt->device, m->memory, nullptr);
    fail_vk(r, "vkBindBufferMemory");
    return TI_NULL_HANDLE;
  }
  uint32_t handle = registry().memories.insert(m);
  if (!handle) {
    vkDestroyBuffer(rt->device, m->buffer, nullptr);
    vkFreeMemory(rt->device, m->memory, nullptr);
    fail_table_full(registry().memories);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiMemory>(handle);
}

void ti_free_memory(TiRuntime runtime, TiMemory memory) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Memory *m = lookup_memory(runtime, memory, "memory");
  if (!m) return;
  // Recorded commands may still use the buffer: submit them before it goes away.
  if (!rt->flush()) return;
  forget_bound_object(runtime, m->buffer);
  auto owned = registry().memories.remove(handle_bits(memory));
  release(*rt, *owned);
}

void *ti_map_memory(TiRuntime runtime, TiMemory memory) {
  TIW_HEAP_READY(nullptr);
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return nullptr;
  Memory *m = lookup_memory(runtime, memory, "memory");
  if (!m) return nullptr;
  if (!m->host_visible) {
    fail(TI_ERROR_INVALID_STATE, "Mapping Memory without VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT set");
    return nullptr;
  }
  if (m->mapped) {
    fail(TI_ERROR_INVALID_STATE, "memory is already mapped");
    return nullptr;
  }
  VkResult r = vkMapMemory(rt->device, m->memory, 0, VK_WHOLE_SIZE, 0, &m->mapped);
  if (r != VK_SUCCESS) {
    m->mapped = nullptr;
    fail_vk(r, "vkMapMemory");
    return nullptr;
  }
  return m->mapped;
}

void ti_unmap_memory(TiRuntime runtime, TiMemory memory) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  Memory *m = lookup_memory(runtime, memory, "memory");
  if (!m) return;
  if (!m->mapped) {
    fail(TI_ERROR_INVALID_STATE, "memory is not mapped");
    return;
  }
  vkUnmapMemory(rt->device, m->memory);
  m->mapped = nullptr;
}

void ti_copy_memory_device_to_device(TiRuntime runtime, const TiMemorySlice *dst_memory, const TiMemorySlice *src_memory) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  TIW_CHECK_NULL(dst_memory, );
  TIW_CHECK_NULL(src_memory, );
  Memory *dst = lookup_memory(runtime, dst_memory->memory, "dst_memory->memory");
  if (!dst) return;
  Memory *src = lookup_memory(runtime, src_memory->memory, "src_memory->memory");
  if (!src) return;
  if (dst_memory->size != src_memory->size) {
    fail(TI_ERROR_INVALID_ARGUMENT, "src_memory->size (%llu) != dst_memory->size (%llu)", (unsigned long long)src_memory->size,
         (unsigned long long)dst_memory->size);
    return;
  }
  uint64_t size = src_memory->size;
  if (src_memory->offset > src->size || size > src->size - src_memory->offset) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "src_memory: [%llu, +%llu) is outside the %llu-byte memory", (unsigned long long)src_memory->offset,
         (unsigned long long)size, (unsigned long long)src->size);
    return;
  }
  if (dst_memory->offset > dst->size || size > dst->size - dst_memory->offset) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "dst_memory: [%llu, +%llu) is outside the %llu-byte memory", (unsigned long long)dst_memory->offset,
         (unsigned long long)size, (unsigned long long)dst->size);
    return;
  }
  if (size == 0) return;
  if ((src_memory->offset | dst_memory->offset | size) % 4 != 0) {
    fail(TI_ERROR_INVALID_ARGUMENT, "offsets and size must be multiples of 4 bytes");
    return;
  }
  VkCommandBuffer cb = rt->list.commands();
  if (cb == VK_NULL_HANDLE) return;
  rt->list.barrier();
  VkBufferCopy region{src_memory->offset, dst_memory->offset, size};
  vkCmdCopyBuffer(cb, src->buffer, dst->buffer, 1, &region);
}

}  // extern "C"
