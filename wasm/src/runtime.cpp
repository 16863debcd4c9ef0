// Runtime creation and destruction, capabilities, its internal buffers and argument slots, and
// ti_flush and ti_wait over its command list (command_list.cpp).
#include "runtime.h"

#include <algorithm>
#include <cstring>
#include <string>


#include <taichi/taichi_wasm.h>

#include "capabilities.h"
#include "error.h"
#include "heap.h"
#include "registry.h"

namespace tiw {

namespace {

std::vector<std::string> device_extension_names(VkPhysicalDevice physical) {
  uint32_t count = 0;
  if (vkEnumerateDeviceExtensionProperties(physical, nullptr, &count, nullptr) != VK_SUCCESS) return {};
  std::vector<VkExtensionProperties> props(count);
  if (vkEnumerateDeviceExtensionProperties(physical, nullptr, &count, props.data()) != VK_SUCCESS) return {};
  std::vector<std::string> names;
  for (const VkExtensionProperties &p : props) names.emplace_back(p.extensionName);
  return names;
}

constexpr const char *kDeterministicExtension = "VK_TAICHIWASM_deterministic";

bool names_include(uint32_t count, const char *const *names, const char *name) {
  for (uint32_t i = 0; i < count; ++i)
    if (std::strcmp(names[i], name) == 0) return true;
  return false;
}

VKAPI_ATTR VkBool32 VKAPI_CALL keep_shim_error(VkDebugUtilsMessageSeverityFlagBitsEXT, VkDebugUtilsMessageTypeFlagsEXT, const VkDebugUtilsMessengerCallbackDataEXT *data,
                                                void *user) {
  static_cast<Runtime *>(user)->shim_error = data != nullptr && data->pMessage != nullptr ? data->pMessage : "";
  return VK_FALSE;
}

uint32_t find_memory_type(const VkPhysicalDeviceMemoryProperties &props, VkMemoryPropertyFlags want, VkMemoryPropertyFlags avoid) {
  for (uint32_t i = 0; i < props.memoryTypeCount; ++i) {
    VkMemoryPropertyFlags f = props.memoryTypes[i].propertyFlags;
    if ((f & want) == want && (f & avoid) == 0) return i;
  }
  for (uint32_t i = 0; i < props.memoryTypeCount; ++i) {
    if ((props.memoryTypes[i].propertyFlags & want) == want) return i;
  }
  return UINT32_MAX;
}

TiRuntime create_vulkan_runtime(uint32_t api_version, uint32_t instance_extension_count, const char **instance_extensions,
                                uint32_t device_extension_count, const char **device_extensions, uint32_t device_index, bool deterministic) {
  auto rt = std::make_unique<Runtime>();
  // Deterministic mode is asked for by flag or by naming the shim's extension; its refusals are
  // read through a debug messenger, so the instance gets VK_EXT_debug_utils.
  deterministic = deterministic || names_include(device_extension_count, device_extensions, kDeterministicExtension);
  std::vector<const char *> instance_names(instance_extensions, instance_extensions + instance_extension_count);
  if (deterministic && !names_include(instance_extension_count, instance_extensions, VK_EXT_DEBUG_UTILS_EXTENSION_NAME)) {
    instance_names.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  }
  rt->api_version = api_version;
  VkApplicationInfo app{};
  app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
  app.pApplicationName = "taichi-wasm";
  app.pEngineName = "taichi";
  app.apiVersion = api_version;
  VkInstanceCreateInfo ici{};
  ici.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
  ici.pApplicationInfo = &app;
  ici.enabledExtensionCount = static_cast<uint32_t>(instance_names.size());
  ici.ppEnabledExtensionNames = instance_names.data();
  VkResult r = vkCreateInstance(&ici, nullptr, &rt->instance);
  if (r == VK_ERROR_EXTENSION_NOT_PRESENT) {
    fail(TI_ERROR_NOT_SUPPORTED, "an instance extension asked for is not offered by the WebGPU shim");
    return TI_NULL_HANDLE;
  }
  if (r != VK_SUCCESS) {
    fail_vk(r, "vkCreateInstance");
    return TI_NULL_HANDLE;
  }
  uint32_t count = 0;
  vkEnumeratePhysicalDevices(rt->instance, &count, nullptr);
  if (device_index >= count) {
    vkDestroyInstance(rt->instance, nullptr);
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "device_index %u: there are %u devices", device_index, count);
    return TI_NULL_HANDLE;
  }
  std::vector<VkPhysicalDevice> devices(count);
  vkEnumeratePhysicalDevices(rt->instance, &count, devices.data());
  rt->physical_device = devices[device_index];

  float priority = 1.0f;
  VkDeviceQueueCreateInfo qci{};
  qci.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
  qci.queueFamilyIndex = 0;
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;
  // A runtime made without a list of its own takes the 16-bit float extensions wherever the shim
  // offers them (WebGPU's shader-f16), as Taichi's runtime enables what the device has.
  std::vector<std::string> offered = device_extension_names(rt->physical_device);
  std::vector<const char *> wanted;
  for (const std::string &name : offered) {
    if (device_extension_count == 0 && (name == "VK_KHR_shader_float16_int8" || name == "VK_KHR_16bit_storage")) wanted.push_back(name.c_str());
  }
  for (uint32_t i = 0; i < device_extension_count; ++i) wanted.push_back(device_extensions[i]);
  if (deterministic && !names_include(device_extension_count, device_extensions, kDeterministicExtension)) wanted.push_back(kDeterministicExtension);
  for (const char *name : wanted) rt->float16 = rt->float16 || std::strcmp(name, "VK_KHR_shader_float16_int8") == 0;
  VkDeviceCreateInfo dci{};
  dci.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  dci.enabledExtensionCount = static_cast<uint32_t>(wanted.size());
  dci.ppEnabledExtensionNames = wanted.data();
  r = vkCreateDevice(rt->physical_device, &dci, nullptr, &rt->device);
  if (r != VK_SUCCESS) {
    vkDestroyInstance(rt->instance, nullptr);
    if (r == VK_ERROR_EXTENSION_NOT_PRESENT) {
      fail(TI_ERROR_NOT_SUPPORTED, "a device extension asked for is not offered by the WebGPU shim");
    } else {
      fail_vk(r, "vkCreateDevice");
    }
    return TI_NULL_HANDLE;
  }
  vkGetDeviceQueue(rt->device, 0, 0, &rt->queue);
  rt->deterministic = deterministic;
  if (deterministic) {
    VkDebugUtilsMessengerCreateInfoEXT mci{};
    mci.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT;
    mci.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    mci.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT;
    mci.pfnUserCallback = keep_shim_error;
    mci.pUserData = rt.get();
    r = vkCreateDebugUtilsMessengerEXT(rt->instance, &mci, nullptr, &rt->messenger);
    if (r != VK_SUCCESS) {
      rt->destroy_device_objects();
      fail_vk(r, "vkCreateDebugUtilsMessengerEXT");
      return TI_NULL_HANDLE;
    }
  }
  if (!init_device_state(*rt)) {
    rt->destroy_device_objects();
    return TI_NULL_HANDLE;
  }
  default_capabilities(*rt);
  uint32_t handle = registry().runtimes.insert(rt);
  if (!handle) {
    rt->destroy_device_objects();
    fail_table_full(registry().runtimes);
    return TI_NULL_HANDLE;
  }
  return make_handle<TiRuntime>(handle);
}

}  // namespace

uint32_t spirv_version_for(uint32_t api_version) {
  if (api_version >= VK_API_VERSION_1_2) return 0x10500;
  if (api_version >= VK_API_VERSION_1_1) return 0x10300;
  return 0x10000;
}

bool init_device_state(Runtime &rt) {
  VkPhysicalDeviceSubgroupProperties subgroup{};
  subgroup.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES;
  VkPhysicalDeviceProperties2 properties{};
  properties.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
  properties.pNext = &subgroup;
  vkGetPhysicalDeviceProperties2(rt.physical_device, &properties);
  rt.properties = properties.properties;
  rt.subgroup_operations = (subgroup.supportedStages & VK_SHADER_STAGE_COMPUTE_BIT) != 0 ? subgroup.supportedOperations : 0;
  VkPhysicalDeviceMemoryProperties mem{};
  vkGetPhysicalDeviceMemoryProperties(rt.physical_device, &mem);
  rt.memory_type_device = find_memory_type(mem, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT);
  rt.memory_type_upload = find_memory_type(mem, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT, 0);
  rt.memory_type_readback = find_memory_type(mem, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_CACHED_BIT, 0);
  if (rt.memory_type_readback == UINT32_MAX) rt.memory_type_readback = rt.memory_type_upload;
  if (rt.memory_type_device == UINT32_MAX || rt.memory_type_upload == UINT32_MAX) {
    return fail(TI_ERROR_INVALID_STATE, "the device lacks device-local or host-visible memory");
  }
  return rt.list.init(rt.device, rt.queue, rt.queue_family);
}

bool Runtime::flush() {
  if (!list.recording()) return true;
  // Argument slots live in non-coherent memory: hand the written ranges to the device.
  for (ArgsChunk &chunk : args_chunks) {
    if (chunk.dirty_end <= chunk.dirty_begin) continue;
    VkMappedMemoryRange range{};
    range.sType = VK_STRUCTURE_TYPE_MAPPED_MEMORY_RANGE;
    range.memory = chunk.storage.memory;
    range.offset = chunk.dirty_begin;
    range.size = chunk.dirty_end - chunk.dirty_begin;
    vkFlushMappedMemoryRanges(device, 1, &range);
    chunk.dirty_begin = UINT64_MAX;
    chunk.dirty_end = 0;
  }
  return list.submit();
}

bool Runtime::submit_if_due(uint64_t commands) { return !list.due(commands) || flush(); }

bool Runtime::wait() { return flush() && list.wait(); }

bool Runtime::create_buffer(uint64_t size, VkBufferUsageFlags usage, uint32_t memory_type, DeviceBuffer &out) {
  VkBufferCreateInfo bci{};
  bci.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bci.size = size;
  bci.usage = usage;
  VkResult r = vkCreateBuffer(device, &bci, nullptr, &out.buffer);
  if (r != VK_SUCCESS) return fail_vk(r, "vkCreateBuffer");
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(device, out.buffer, &req);
  VkMemoryAllocateInfo mai{};
  mai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = memory_type;
  r = vkAllocateMemory(device, &mai, nullptr, &out.memory);
  if (r == VK_SUCCESS) r = vkBindBufferMemory(device, out.buffer, out.memory, 0);
  if (r == VK_SUCCESS && memory_type != memory_type_device) r = vkMapMemory(device, out.memory, 0, VK_WHOLE_SIZE, 0, &out.mapped);
  if (r != VK_SUCCESS) {
    destroy_buffer(out);
    return fail_vk(r, "allocating an internal buffer");
  }
  out.size = size;
  return true;
}

void Runtime::destroy_buffer(DeviceBuffer &b) {
  if (b.buffer != VK_NULL_HANDLE) vkDestroyBuffer(device, b.buffer, nullptr);
  if (b.memory != VK_NULL_HANDLE) vkFreeMemory(device, b.memory, nullptr);
  b = DeviceBuffer{};
}

bool Runtime::args_slot(uint32_t size, VkBuffer &buffer, uint32_t &offset, uint8_t *&data) {
  constexpr uint64_t kChunkBytes = 1 << 20;
  uint64_t need = (static_cast<uint64_t>(size) + 255) / 256 * 256;
  if (need == 0) need = 256;
  auto fits = [&](const ArgsChunk &c) { return c.cursor + need <= c.storage.size; };
  if (args_chunks.empty() || !fits(args_chunks[args_chunk])) {
    list.retire();
    size_t found = args_chunks.size();
    for (size_t i = 0; i < args_chunks.size(); ++i) {
      ArgsChunk &c = args_chunks[i];
      if (c.last_use <= list.completed() && c.last_use != list.serial() && c.storage.size >= need) {
        found = i;
        break;
      }
    }
    if (found == args_chunks.size()) {
      ArgsChunk chunk;
      if (!create_buffer(std::max<uint64_t>(kChunkBytes, need), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, memory_type_readback, chunk.storage)) return false;
      args_chunks.push_back(chunk);
    }
    args_chunk = found;
    args_chunks[found].cursor = 0;
  }
  ArgsChunk &c = args_chunks[args_chunk];
  offset = static_cast<uint32_t>(c.cursor);
  buffer = c.storage.buffer;
  data = static_cast<uint8_t *>(c.storage.mapped) + c.cursor;
  c.dirty_begin = std::min(c.dirty_begin, c.cursor);
  c.dirty_end = std::max(c.dirty_end, c.cursor + need);
  c.cursor += need;
  c.last_use = list.serial();
  return true;
}

bool Runtime::args_for(const uint8_t *bytes, uint32_t size, VkBuffer &buffer, uint32_t &offset) {
  // Slots are written once per list and read by the device only after its submission, so a
  // slot of the list being recorded still holds what was written into it.
  if (last_args.data && last_args.serial == list.serial() && last_args.size == size && std::memcmp(last_args.data, bytes, size) == 0) {
    buffer = last_args.buffer;
    offset = last_args.offset;
    return true;
  }
  uint8_t *data = nullptr;
  if (!args_slot(size, buffer, offset, data)) return false;
  std::memcpy(data, bytes, size);
  last_args = {buffer, offset, size, data, list.serial()};
  return true;
}

bool Runtime::shared_buffer(DeviceBuffer &b, uint64_t size, bool host_visible) {
  if (b.buffer != VK_NULL_HANDLE) return true;
  VkBufferUsageFlags usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
  if (!create_buffer(size, usage, host_visible ? memory_type_readback : memory_type_device, b)) return false;
  VkCommandBuffer cb = list.commands();
  if (cb == VK_NULL_HANDLE) return false;
  vkCmdFillBuffer(cb, b.buffer, 0, VK_WHOLE_SIZE, 0);
  list.barrier();
  return true;
}

void Runtime::destroy_device_objects() {
  if (device != VK_NULL_HANDLE) {
    vkDeviceWaitIdle(device);
    for (ArgsChunk &c : args_chunks) destroy_buffer(c.storage);
    args_chunks.clear();
    destroy_buffer(global_tmps);
    destroy_buffer(list_gen);
    destroy_buffer(rets);
    list.destroy();
    if (owns_device) vkDestroyDevice(device, nullptr);
    device = VK_NULL_HANDLE;
  }
  if (messenger != VK_NULL_HANDLE) vkDestroyDebugUtilsMessengerEXT(instance, messenger, nullptr);
  messenger = VK_NULL_HANDLE;
  if (instance != VK_NULL_HANDLE && owns_device) vkDestroyInstance(instance, nullptr);
  instance = VK_NULL_HANDLE;
}

}  // namespace tiw

using namespace tiw;

extern "C" {

uint32_t ti_get_version() { return TI_C_API_VERSION; }

void ti_get_available_archs(uint32_t *arch_count, TiArch *archs) {
  if (arch_count == nullptr) return;
  const TiArch available[] = {TI_ARCH_VULKAN};
  const uint32_t n = sizeof(available) / sizeof(available[0]);
  if (archs != nullptr) {
    uint32_t write = std::min(*arch_count, n);
    for (uint32_t i = 0; i < write; ++i) archs[i] = available[i];
  }
  *arch_count = n;
}

TiRuntime ti_create_runtime(TiArch arch, uint32_t device_index) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  if (arch != TI_ARCH_VULKAN) {
    fail(TI_ERROR_NOT_SUPPORTED, "arch %u: taichi-wasm runs only TI_ARCH_VULKAN", static_cast<unsigned>(arch));
    return TI_NULL_HANDLE;
  }
  return create_vulkan_runtime(VK_API_VERSION_1_3, 0, nullptr, 0, nullptr, device_index, false);
}

TiRuntime ti_create_runtime_ext(TiArch arch, uint32_t device_index, uint32_t flags) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  if (arch != TI_ARCH_VULKAN) {
    fail(TI_ERROR_NOT_SUPPORTED, "arch %u: taichi-wasm runs only TI_ARCH_VULKAN", static_cast<unsigned>(arch));
    return TI_NULL_HANDLE;
  }
  if ((flags & ~static_cast<uint32_t>(TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT)) != 0) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "flags 0x%x: only TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT is defined", flags);
    return TI_NULL_HANDLE;
  }
  return create_vulkan_runtime(VK_API_VERSION_1_3, 0, nullptr, 0, nullptr, device_index, (flags & TI_RUNTIME_FLAG_DETERMINISTIC_BIT_EXT) != 0);
}

TiRuntime ti_create_vulkan_runtime_ext(uint32_t api_version, uint32_t instance_extension_count, const char **instance_extensions,
                                       uint32_t device_extension_count, const char **device_extensions) {
  TIW_HEAP_READY(TI_NULL_HANDLE);
  if (api_version < VK_API_VERSION_1_0) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "api_version");
    return TI_NULL_HANDLE;
  }
  if (instance_extension_count > 0) {
    TIW_CHECK_NULL(instance_extensions, TI_NULL_HANDLE);
    for (uint32_t i = 0; i < instance_extension_count; ++i) {
      if (instance_extensions[i] == nullptr) {
        fail(TI_ERROR_ARGUMENT_NULL, "instance_extensions[%u]", i);
        return TI_NULL_HANDLE;
      }
    }
  }
  if (device_extension_count > 0) {
    TIW_CHECK_NULL(device_extensions, TI_NULL_HANDLE);
    for (uint32_t i = 0; i < device_extension_count; ++i) {
      if (device_extensions[i] == nullptr) {
        fail(TI_ERROR_ARGUMENT_NULL, "device_extensions[%u]", i);
        return TI_NULL_HANDLE;
      }
    }
  }
  return create_vulkan_runtime(api_version, instance_extension_count, instance_extensions, device_extension_count, device_extensions, 0, false);
}

void ti_destroy_runtime(TiRuntime runtime) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  rt->flush();
  rt->wait();
  destroy_modules_of(runtime);
  destroy_events_of(runtime);
  destroy_images_of(runtime);
  destroy_samplers_of(runtime);
  destroy_memories_of(runtime);
  rt->destroy_device_objects();
  registry().runtimes.remove(handle_bits(runtime));
  // Work that could not finish (on a lost device) went with the runtime: tearing down succeeded.
  ti_set_last_error(TI_ERROR_SUCCESS, nullptr);
}

void ti_set_runtime_capabilities_ext(TiRuntime runtime, uint32_t capability_count, const TiCapabilityLevelInfo *capabilities) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  if (capability_count > 0) TIW_CHECK_NULL(capabilities, );
  std::map<TiCapability, uint32_t> next;
  for (uint32_t i = 0; i < capability_count; ++i) {
    TiCapability c = capabilities[i].capability;
    if (c <= TI_CAPABILITY_RESERVED || c > TI_CAPABILITY_SPIRV_HAS_NO_INTEGER_WRAP_DECORATION) {
      fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "capabilities[%u].capability", i);
      return;
    }
    next[c] = capabilities[i].level;
  }
  rt->capabilities = std::move(next);
}

void ti_get_runtime_capabilities(TiRuntime runtime, uint32_t *capability_count, TiCapabilityLevelInfo *capabilities) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (!rt || capability_count == nullptr) return;
  if (capabilities != nullptr) {
    uint32_t i = 0;
    for (auto &kv : rt->capabilities) {
      if (i >= *capability_count) break;
      capabilities[i].capability = kv.first;
      capabilities[i].level = kv.second;
      ++i;
    }
  }
  *capability_count = static_cast<uint32_t>(rt->capabilities.size());
}

void ti_flush(TiRuntime runtime) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (rt) rt->flush();
}

void ti_wait(TiRuntime runtime) {
  TIW_HEAP_READY();
  Runtime *rt = lookup_runtime(runtime);
  if (rt) rt->wait();
}

}  // extern "C"
