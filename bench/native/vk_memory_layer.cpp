// A Vulkan layer that counts device memory: every vkAllocateMemory and vkFreeMemory of the
// process, whoever makes them (the C API's ti_allocate_memory, and Taichi's runtime for its own
// buffers, through its memory allocator's blocks). The memory benchmark enables it for
// native_bench only (VK_LAYER_PATH, VK_INSTANCE_LAYERS), so the timed workloads run without it;
// native_bench reads the counters through taichi_bench_vk_memory().
//
// It intercepts vkCreateInstance and vkCreateDevice to find the next layer's entry points (the
// loader's layer interface: the link info in pNext), and vkAllocateMemory, vkFreeMemory and
// vkDestroyDevice; everything else goes straight to the next layer or the driver.
#include <vulkan/vk_layer.h>
#include <vulkan/vulkan.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>

namespace {

struct InstanceData {
  PFN_vkGetInstanceProcAddr next_gipa;
};

struct DeviceData {
  PFN_vkGetDeviceProcAddr next_gdpa;
  PFN_vkAllocateMemory allocate;
  PFN_vkFreeMemory free;
  PFN_vkDestroyDevice destroy;
};

struct Counters {
  uint64_t live_bytes = 0;
  uint64_t peak_bytes = 0;
  uint64_t allocations = 0;
};

std::mutex mutex;
std::unordered_map<void *, InstanceData> instances;  // by dispatch key
std::unordered_map<void *, DeviceData> devices;      // by dispatch key
std::unordered_map<uint64_t, VkDeviceSize> sizes;    // VkDeviceMemory -> allocationSize
Counters counters;

// Dispatchable handles start with the loader's dispatch table pointer, the same for every
// object that belongs to one instance (or one device).
void *key(const void *dispatchable) { return *static_cast<void *const *>(dispatchable); }

template <typename Info>
Info *link_info(const void *next, VkStructureType type) {
  auto *info = static_cast<Info *>(const_cast<void *>(next));
  while (info && !(info->sType == type && info->function == VK_LAYER_LINK_INFO)) info = static_cast<Info *>(const_cast<void *>(info->pNext));
  return info;
}

VKAPI_ATTR VkResult VKAPI_CALL CreateInstance(const VkInstanceCreateInfo *info, const VkAllocationCallbacks *allocator, VkInstance *instance) {
  auto *link = link_info<VkLayerInstanceCreateInfo>(info->pNext, VK_STRUCTURE_TYPE_LOADER_INSTANCE_CREATE_INFO);
  if (!link) return VK_ERROR_INITIALIZATION_FAILED;
  PFN_vkGetInstanceProcAddr gipa = link->u.pLayerInfo->pfnNextGetInstanceProcAddr;
  link->u.pLayerInfo = link->u.pLayerInfo->pNext;
  auto create = reinterpret_cast<PFN_vkCreateInstance>(gipa(VK_NULL_HANDLE, "vkCreateInstance"));
  VkResult result = create(info, allocator, instance);
  if (result == VK_SUCCESS) {
    std::lock_guard<std::mutex> lock(mutex);
    instances[key(*instance)] = InstanceData{gipa};
  }
  return result;
}

VKAPI_ATTR VkResult VKAPI_CALL CreateDevice(VkPhysicalDevice physical, const VkDeviceCreateInfo *info, const VkAllocationCallbacks *allocator, VkDevice *device) {
  auto *link = link_info<VkLayerDeviceCreateInfo>(info->pNext, VK_STRUCTURE_TYPE_LOADER_DEVICE_CREATE_INFO);
  if (!link) return VK_ERROR_INITIALIZATION_FAILED;
  PFN_vkGetInstanceProcAddr gipa = link->u.pLayerInfo->pfnNextGetInstanceProcAddr;
  PFN_vkGetDeviceProcAddr gdpa = link->u.pLayerInfo->pfnNextGetDeviceProcAddr;
  link->u.pLayerInfo = link->u.pLayerInfo->pNext;
  auto create = reinterpret_cast<PFN_vkCreateDevice>(gipa(VK_NULL_HANDLE, "vkCreateDevice"));
  VkResult result = create(physical, info, allocator, device);
  if (result == VK_SUCCESS) {
    DeviceData d{gdpa, reinterpret_cast<PFN_vkAllocateMemory>(gdpa(*device, "vkAllocateMemory")),
                 reinterpret_cast<PFN_vkFreeMemory>(gdpa(*device, "vkFreeMemory")), reinterpret_cast<PFN_vkDestroyDevice>(gdpa(*device, "vkDestroyDevice"))};
    std::lock_guard<std::mutex> lock(mutex);
    devices[key(*device)] = d;
  }
  return result;
}

DeviceData device_data(VkDevice device) {
  std::lock_guard<std::mutex> lock(mutex);
  return devices.at(key(device));
}

VKAPI_ATTR void VKAPI_CALL DestroyDevice(VkDevice device, const VkAllocationCallbacks *allocator) {
  DeviceData d = device_data(device);
  {
    std::lock_guard<std::mutex> lock(mutex);
    devices.erase(key(device));
  }
  d.destroy(device, allocator);
}

VKAPI_ATTR VkResult VKAPI_CALL AllocateMemory(VkDevice device, const VkMemoryAllocateInfo *info, const VkAllocationCallbacks *allocator, VkDeviceMemory *memory) {
  VkResult result = device_data(device).allocate(device, info, allocator, memory);
  if (result == VK_SUCCESS) {
    std::lock_guard<std::mutex> lock(mutex);
    sizes[reinterpret_cast<uint64_t>(*memory)] = info->allocationSize;
    counters.live_bytes += info->allocationSize;
    counters.peak_bytes = std::max(counters.peak_bytes, counters.live_bytes);
    counters.allocations++;
  }
  return result;
}

VKAPI_ATTR void VKAPI_CALL FreeMemory(VkDevice device, VkDeviceMemory memory, const VkAllocationCallbacks *allocator) {
  if (memory != VK_NULL_HANDLE) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = sizes.find(reinterpret_cast<uint64_t>(memory));
    if (it != sizes.end()) {
      counters.live_bytes -= it->second;
      sizes.erase(it);
    }
  }
  device_data(device).free(device, memory, allocator);
}

PFN_vkVoidFunction intercepted(const char *name) {
  if (!std::strcmp(name, "vkAllocateMemory")) return reinterpret_cast<PFN_vkVoidFunction>(AllocateMemory);
  if (!std::strcmp(name, "vkFreeMemory")) return reinterpret_cast<PFN_vkVoidFunction>(FreeMemory);
  if (!std::strcmp(name, "vkDestroyDevice")) return reinterpret_cast<PFN_vkVoidFunction>(DestroyDevice);
  return nullptr;
}

}  // namespace

extern "C" {

VKAPI_ATTR PFN_vkVoidFunction VKAPI_CALL vkGetDeviceProcAddr(VkDevice device, const char *name);

VKAPI_ATTR PFN_vkVoidFunction VKAPI_CALL vkGetInstanceProcAddr(VkInstance instance, const char *name) {
  if (!std::strcmp(name, "vkGetInstanceProcAddr")) return reinterpret_cast<PFN_vkVoidFunction>(vkGetInstanceProcAddr);
  if (!std::strcmp(name, "vkGetDeviceProcAddr")) return reinterpret_cast<PFN_vkVoidFunction>(vkGetDeviceProcAddr);
  if (!std::strcmp(name, "vkCreateInstance")) return reinterpret_cast<PFN_vkVoidFunction>(CreateInstance);
  if (!std::strcmp(name, "vkCreateDevice")) return reinterpret_cast<PFN_vkVoidFunction>(CreateDevice);
  if (PFN_vkVoidFunction f = intercepted(name)) return f;
  if (instance == VK_NULL_HANDLE) return nullptr;
  PFN_vkGetInstanceProcAddr next;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = instances.find(key(instance));
    if (it == instances.end()) return nullptr;
    next = it->second.next_gipa;
  }
  return next(instance, name);
}

VKAPI_ATTR PFN_vkVoidFunction VKAPI_CALL vkGetDeviceProcAddr(VkDevice device, const char *name) {
  if (!std::strcmp(name, "vkGetDeviceProcAddr")) return reinterpret_cast<PFN_vkVoidFunction>(vkGetDeviceProcAddr);
  if (PFN_vkVoidFunction f = intercepted(name)) return f;
  return device_data(device).next_gdpa(device, name);
}

// What native_bench reads (by dlsym) to report the process's device memory.
void taichi_bench_vk_memory(uint64_t *live_bytes, uint64_t *peak_bytes, uint64_t *allocations) {
  std::lock_guard<std::mutex> lock(mutex);
  *live_bytes = counters.live_bytes;
  *peak_bytes = counters.peak_bytes;
  *allocations = counters.allocations;
}

}  // extern "C"
