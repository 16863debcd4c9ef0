// Vulkan interop (taichi_vulkan.h). Import wraps an object made outside Taichi for Taichi's use
// and never destroys it; export hands Taichi's own object out. (Taichi's documentation swaps the
// two words; the code, and this file, follow the code.)
#include <cstring>

#include "error.h"
#include "registry.h"

using namespace tiw;

extern "C" {

TiRuntime ti_import_vulkan_runtime(const TiVulkanRuntimeInteropInfo *interop_info) {
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->api_version < VK_API_VERSION_1_0) {
    fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "interop_info->api_version");
    return TI_NULL_HANDLE;
  }
  if (interop_info->instance == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->instance"), nullptr;
  if (interop_info->physical_device == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->physical_device"), nullptr;
  if (interop_info->device == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->device"), nullptr;
  if (interop_info->compute_queue == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->compute_queue"), nullptr;
  if (interop_info->compute_queue_family_index != 0) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->compute_queue_family_index: the shim has one queue family, 0");
    return TI_NULL_HANDLE;
  }
  auto rt = std::make_unique<Runtime>();
  rt->owns_device = false;
  rt->instance = interop_info->instance;
  rt->physical_device = interop_info->physical_device;
  rt->device = interop_info->device;
  rt->queue = interop_info->compute_queue;
  rt->api_version = interop_info->api_version;
  if (!init_device_state(*rt)) {
    // A handle the shim does not know makes the first device call fail: that is an interop error.
    TiError code = last_error();
    if (code == TI_ERROR_INVALID_STATE) fail(TI_ERROR_INVALID_INTEROP, "interop_info does not name a live VkDevice of this shim");
    rt->destroy_device_objects();
    return TI_NULL_HANDLE;
  }
  // Like the reference, an imported runtime knows only its SPIR-V version; further capabilities
  // come from ti_set_runtime_capabilities_ext.
  rt->capabilities[TI_CAPABILITY_SPIRV_VERSION] = spirv_version_for(interop_info->api_version);
  uint32_t handle = registry().runtimes.insert(std::move(rt));
  if (!handle) {
    fail(TI_ERROR_OUT_OF_MEMORY, "too many live runtimes");
    return TI_NULL_HANDLE;
  }
  return make_handle<TiRuntime>(handle);
}

void ti_export_vulkan_runtime(TiRuntime runtime, TiVulkanRuntimeInteropInfo *interop_info) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->get_instance_proc_addr = vkGetInstanceProcAddr;
  interop_info->api_version = rt->api_version;
  interop_info->instance = rt->instance;
  interop_info->physical_device = rt->physical_device;
  interop_info->device = rt->device;
  interop_info->compute_queue = rt->queue;
  interop_info->compute_queue_family_index = rt->queue_family;
  interop_info->graphics_queue = rt->queue;
  interop_info->graphics_queue_family_index = rt->queue_family;
}

TiMemory ti_import_vulkan_memory(TiRuntime runtime, const TiVulkanMemoryInteropInfo *interop_info) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->buffer == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->buffer"), nullptr;
  if (!(interop_info->usage & VK_BUFFER_USAGE_STORAGE_BUFFER_BIT)) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->usage lacks VK_BUFFER_USAGE_STORAGE_BUFFER_BIT: kernels could not bind the buffer");
    return TI_NULL_HANDLE;
  }
  // The shim answers a zero size for a buffer it does not know (or one of another device).
  VkMemoryRequirements req{};
  vkGetBufferMemoryRequirements(rt->device, interop_info->buffer, &req);
  if (req.size == 0) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->buffer is not a live VkBuffer of this runtime's device");
    return TI_NULL_HANDLE;
  }
  if (interop_info->size == 0 || interop_info->size > req.size) {
    fail(TI_ERROR_INVALID_ARGUMENT, "interop_info->size %llu does not fit the %llu-byte buffer", (unsigned long long)interop_info->size,
         (unsigned long long)req.size);
    return TI_NULL_HANDLE;
  }
  auto m = std::make_unique<Memory>();
  m->owner = runtime;
  m->buffer = interop_info->buffer;
  m->memory = interop_info->memory;
  m->size = interop_info->size;
  m->usage = interop_info->usage;
  m->imported = true;
  uint32_t handle = registry().memories.insert(std::move(m));
  if (!handle) return fail(TI_ERROR_OUT_OF_MEMORY, "too many live memory allocations"), nullptr;
  return make_handle<TiMemory>(handle);
}

void ti_export_vulkan_memory(TiRuntime runtime, TiMemory memory, TiVulkanMemoryInteropInfo *interop_info) {
  if (!lookup_runtime(runtime)) return;
  Memory *m = lookup_memory(runtime, memory, "memory");
  if (!m) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->buffer = m->buffer;
  interop_info->size = m->size;
  interop_info->usage = m->usage;
  interop_info->memory = m->memory;
  interop_info->offset = 0;
}

TiEvent ti_import_vulkan_event(TiRuntime runtime, const TiVulkanEventInteropInfo *interop_info) {
  Runtime *rt = lookup_runtime(runtime);
  if (!rt) return TI_NULL_HANDLE;
  TIW_CHECK_NULL(interop_info, TI_NULL_HANDLE);
  if (interop_info->event == VK_NULL_HANDLE) return fail(TI_ERROR_ARGUMENT_NULL, "interop_info->event"), nullptr;
  VkResult status = vkGetEventStatus(rt->device, interop_info->event);
  if (status != VK_EVENT_SET && status != VK_EVENT_RESET) {
    fail(TI_ERROR_INVALID_INTEROP, "interop_info->event is not a live VkEvent of this runtime's device");
    return TI_NULL_HANDLE;
  }
  auto e = std::make_unique<Event>();
  e->owner = runtime;
  e->event = interop_info->event;
  e->imported = true;
  uint32_t handle = registry().events.insert(std::move(e));
  if (!handle) return fail(TI_ERROR_OUT_OF_MEMORY, "too many live events"), nullptr;
  return make_handle<TiEvent>(handle);
}

void ti_export_vulkan_event(TiRuntime runtime, TiEvent event, TiVulkanEventInteropInfo *interop_info) {
  if (!lookup_runtime(runtime)) return;
  Event *e = lookup_event(runtime, event, "event");
  if (!e) return;
  TIW_CHECK_NULL(interop_info, );
  interop_info->event = e->event;
}

}  // extern "C"
