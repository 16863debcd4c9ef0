// An "external procedure" as Taichi's Vulkan interop page describes it: a C program with its own
// Vulkan instance, device, buffers, event and compute pipeline, sharing them with Taichi in both
// directions. Built by test/external-procedures.test.ts against wasm/build/libtaichi_c_api.a.
#include <stdio.h>
#include <string.h>

#include <taichi/taichi.h>
#include <vulkan/vulkan.h>

#define N 256

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      printf("FAIL line %d: ", __LINE__);                  \
      printf(__VA_ARGS__);                                 \
      printf("\n");                                        \
      return __LINE__;                                     \
    }                                                      \
  } while (0)

#define CHECK_VK(call) CHECK((call) == VK_SUCCESS, "%s", #call)

#define CHECK_TI(what)                                                          \
  do {                                                                          \
    char message[512];                                                          \
    uint64_t size = sizeof(message);                                            \
    TiError e = ti_get_last_error(&size, message);                              \
    CHECK(e == TI_ERROR_SUCCESS, "%s: TiError %d: %s", what, (int)e, message);  \
  } while (0)

typedef struct {
  VkInstance instance;
  VkPhysicalDevice physical;
  VkDevice device;
  VkQueue queue;
  VkCommandPool pool;
} Context;

typedef struct {
  VkBuffer buffer;
  VkDeviceMemory memory;
} Buffer;

static uint32_t memory_type(Context *c, VkMemoryPropertyFlags want) {
  VkPhysicalDeviceMemoryProperties props;
  vkGetPhysicalDeviceMemoryProperties(c->physical, &props);
  for (uint32_t i = 0; i < props.memoryTypeCount; ++i)
    if ((props.memoryTypes[i].propertyFlags & want) == want) return i;
  return 0;
}

static VkResult make_buffer(Context *c, VkDeviceSize size, VkMemoryPropertyFlags props, Buffer *out) {
  VkBufferCreateInfo bci = {VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bci.size = size;
  bci.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  VkResult r = vkCreateBuffer(c->device, &bci, NULL, &out->buffer);
  if (r != VK_SUCCESS) return r;
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(c->device, out->buffer, &req);
  VkMemoryAllocateInfo mai = {VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = memory_type(c, props);
  r = vkAllocateMemory(c->device, &mai, NULL, &out->memory);
  if (r != VK_SUCCESS) return r;
  return vkBindBufferMemory(c->device, out->buffer, out->memory, 0);
}

static void free_buffer(Context *c, Buffer *b) {
  vkDestroyBuffer(c->device, b->buffer, NULL);
  vkFreeMemory(c->device, b->memory, NULL);
}

// Runs the program's own pipeline (dst[i] = src[i] * 2 + 1, or dst[i] = i with no src) and waits.
static int run_own_pipeline(Context *c, const uint32_t *spirv, uint32_t spirv_bytes, VkBuffer src, VkBuffer dst, VkEvent wait_on) {
  VkShaderModuleCreateInfo smci = {VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  smci.codeSize = spirv_bytes;
  smci.pCode = spirv;
  VkShaderModule shader;
  CHECK_VK(vkCreateShaderModule(c->device, &smci, NULL, &shader));
  VkDescriptorSetLayoutBinding bindings[2] = {
      {0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, NULL},
      {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, NULL},
  };
  VkDescriptorSetLayoutCreateInfo dslci = {VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  dslci.bindingCount = 2;
  dslci.pBindings = bindings;
  VkDescriptorSetLayout set_layout;
  CHECK_VK(vkCreateDescriptorSetLayout(c->device, &dslci, NULL, &set_layout));
  VkPipelineLayoutCreateInfo plci = {VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  plci.setLayoutCount = 1;
  plci.pSetLayouts = &set_layout;
  VkPipelineLayout layout;
  CHECK_VK(vkCreatePipelineLayout(c->device, &plci, NULL, &layout));
  VkComputePipelineCreateInfo cpci = {VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpci.stage.module = shader;
  cpci.stage.pName = "main";
  cpci.layout = layout;
  VkPipeline pipeline;
  CHECK_VK(vkCreateComputePipelines(c->device, VK_NULL_HANDLE, 1, &cpci, NULL, &pipeline));

  VkDescriptorPoolSize pool_size = {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2};
  VkDescriptorPoolCreateInfo dpci = {VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpci.maxSets = 1;
  dpci.poolSizeCount = 1;
  dpci.pPoolSizes = &pool_size;
  VkDescriptorPool pool;
  CHECK_VK(vkCreateDescriptorPool(c->device, &dpci, NULL, &pool));
  VkDescriptorSetAllocateInfo dsai = {VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  dsai.descriptorPool = pool;
  dsai.descriptorSetCount = 1;
  dsai.pSetLayouts = &set_layout;
  VkDescriptorSet set;
  CHECK_VK(vkAllocateDescriptorSets(c->device, &dsai, &set));
  VkDescriptorBufferInfo infos[2] = {{src, 0, VK_WHOLE_SIZE}, {dst, 0, VK_WHOLE_SIZE}};
  VkWriteDescriptorSet writes[2];
  for (int i = 0; i < 2; ++i) {
    memset(&writes[i], 0, sizeof(writes[i]));
    writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    writes[i].dstSet = set;
    writes[i].dstBinding = (uint32_t)i;
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    writes[i].pBufferInfo = &infos[i];
  }
  vkUpdateDescriptorSets(c->device, 2, writes, 0, NULL);

  VkCommandBufferAllocateInfo cbai = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  cbai.commandPool = c->pool;
  cbai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cbai.commandBufferCount = 1;
  VkCommandBuffer cb;
  CHECK_VK(vkAllocateCommandBuffers(c->device, &cbai, &cb));
  VkCommandBufferBeginInfo begin = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  CHECK_VK(vkBeginCommandBuffer(cb, &begin));
  if (wait_on != VK_NULL_HANDLE) {
    vkCmdWaitEvents(cb, 1, &wait_on, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, NULL, 0, NULL, 0, NULL);
  }
  vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
  vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, layout, 0, 1, &set, 0, NULL);
  vkCmdDispatch(cb, N / 64, 1, 1);
  CHECK_VK(vkEndCommandBuffer(cb));
  VkFenceCreateInfo fci = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CHECK_VK(vkCreateFence(c->device, &fci, NULL, &fence));
  VkSubmitInfo si = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = &cb;
  CHECK_VK(vkQueueSubmit(c->queue, 1, &si, fence));
  CHECK_VK(vkWaitForFences(c->device, 1, &fence, VK_TRUE, UINT64_MAX));

  vkDestroyFence(c->device, fence, NULL);
  vkFreeCommandBuffers(c->device, c->pool, 1, &cb);
  vkDestroyDescriptorPool(c->device, pool, NULL);
  vkDestroyPipeline(c->device, pipeline, NULL);
  vkDestroyPipelineLayout(c->device, layout, NULL);
  vkDestroyDescriptorSetLayout(c->device, set_layout, NULL);
  vkDestroyShaderModule(c->device, shader, NULL);
  return 0;
}

static int expect_floats(Context *c, VkDeviceMemory memory, float scale, float bias, const char *what) {
  float *values;
  CHECK_VK(vkMapMemory(c->device, memory, 0, VK_WHOLE_SIZE, 0, (void **)&values));
  for (int i = 0; i < N; ++i) {
    float want = scale * (float)i + bias;
    if (values[i] != want) {
      vkUnmapMemory(c->device, memory);
      CHECK(0, "%s: element %d is %f, want %f", what, i, values[i], want);
    }
  }
  vkUnmapMemory(c->device, memory);
  return 0;
}

// tcm: a module with kernel fill(a: 2-D f32 ndarray, val: f32). spirv_* : the program's own
// shaders, compiled from GLSL by the test (scale: dst = src * 2 + 1; iota: dst = i).
int run_external_procedures(const void *tcm, uint32_t tcm_size, const uint32_t *spirv_scale, uint32_t scale_bytes, const uint32_t *spirv_iota,
                            uint32_t iota_bytes) {
  Context c;
  memset(&c, 0, sizeof(c));
  VkApplicationInfo app = {VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.apiVersion = VK_API_VERSION_1_1;
  VkInstanceCreateInfo ici = {VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ici.pApplicationInfo = &app;
  CHECK_VK(vkCreateInstance(&ici, NULL, &c.instance));
  uint32_t count = 1;
  CHECK(vkEnumeratePhysicalDevices(c.instance, &count, &c.physical) >= 0 && count == 1, "no physical device");
  float priority = 1.0f;
  VkDeviceQueueCreateInfo qci = {VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;
  VkDeviceCreateInfo dci = {VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  CHECK_VK(vkCreateDevice(c.physical, &dci, NULL, &c.device));
  vkGetDeviceQueue(c.device, 0, 0, &c.queue);
  VkCommandPoolCreateInfo cpci = {VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  CHECK_VK(vkCreateCommandPool(c.device, &cpci, NULL, &c.pool));

  // Taichi on the program's device (import: Taichi wraps it and will not destroy it).
  TiVulkanRuntimeInteropInfo rinfo;
  memset(&rinfo, 0, sizeof(rinfo));
  rinfo.get_instance_proc_addr = vkGetInstanceProcAddr;
  rinfo.api_version = VK_API_VERSION_1_1;
  rinfo.instance = c.instance;
  rinfo.physical_device = c.physical;
  rinfo.device = c.device;
  rinfo.compute_queue = c.queue;
  rinfo.graphics_queue = c.queue;
  TiRuntime rt = ti_import_vulkan_runtime(&rinfo);
  CHECK_TI("ti_import_vulkan_runtime");
  TiCapabilityLevelInfo caps[] = {{TI_CAPABILITY_SPIRV_VERSION, 0x10300}};
  ti_set_runtime_capabilities_ext(rt, 1, caps);
  TiAotModule module = ti_create_aot_module(rt, tcm, tcm_size);
  CHECK_TI("ti_create_aot_module");
  TiKernel fill = ti_get_aot_module_kernel(module, "fill");
  CHECK_TI("ti_get_aot_module_kernel");

  // 1. The program's buffer, imported: Taichi fills it, the program's pipeline reads it.
  Buffer mine, result;
  CHECK_VK(make_buffer(&c, N * 4, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, &mine));
  CHECK_VK(make_buffer(&c, N * 4, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT, &result));
  TiVulkanMemoryInteropInfo minfo = {mine.buffer, N * 4, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT, mine.memory, 0};
  TiMemory imported = ti_import_vulkan_memory(rt, &minfo);
  CHECK_TI("ti_import_vulkan_memory");
  TiArgument args[2];
  memset(args, 0, sizeof(args));
  args[0].type = TI_ARGUMENT_TYPE_NDARRAY;
  args[0].value.ndarray.memory = imported;
  args[0].value.ndarray.shape.dim_count = 2;
  args[0].value.ndarray.shape.dims[0] = 16;
  args[0].value.ndarray.shape.dims[1] = 16;
  args[0].value.ndarray.elem_type = TI_DATA_TYPE_F32;
  args[1].type = TI_ARGUMENT_TYPE_F32;
  args[1].value.f32 = 3.5f;
  ti_launch_kernel(rt, fill, 2, args);
  ti_wait(rt);
  CHECK_TI("fill on the imported buffer");
  int failed = run_own_pipeline(&c, spirv_scale, scale_bytes, mine.buffer, result.buffer, VK_NULL_HANDLE);
  if (failed) return failed;
  failed = expect_floats(&c, result.memory, 0.0f, 3.5f * 2.0f + 1.0f, "the program read what Taichi wrote");
  if (failed) return failed;
  ti_free_memory(rt, imported);
  CHECK_TI("ti_free_memory of imported memory");

  // 2. Taichi's memory, exported: the program's pipeline writes it, Taichi copies it to host memory.
  TiMemoryAllocateInfo mai = {N * 4, TI_FALSE, TI_FALSE, TI_TRUE, TI_MEMORY_USAGE_STORAGE_BIT};
  TiMemory taichi_mem = ti_allocate_memory(rt, &mai);
  mai.host_read = TI_TRUE;
  TiMemory readback = ti_allocate_memory(rt, &mai);
  CHECK_TI("ti_allocate_memory");
  TiVulkanMemoryInteropInfo exported;
  ti_export_vulkan_memory(rt, taichi_mem, &exported);
  CHECK_TI("ti_export_vulkan_memory");
  CHECK(exported.size == N * 4 && (exported.usage & VK_BUFFER_USAGE_STORAGE_BUFFER_BIT), "exported memory info");
  failed = run_own_pipeline(&c, spirv_iota, iota_bytes, mine.buffer, exported.buffer, VK_NULL_HANDLE);
  if (failed) return failed;
  TiMemorySlice src = {taichi_mem, 0, N * 4}, dst = {readback, 0, N * 4};
  ti_copy_memory_device_to_device(rt, &dst, &src);
  ti_wait(rt);
  const float *seen = (const float *)ti_map_memory(rt, readback);
  CHECK_TI("ti_map_memory");
  for (int i = 0; i < N; ++i) CHECK(seen[i] == (float)i, "Taichi read %f at %d, the program wrote %d", seen[i], i, i);
  ti_unmap_memory(rt, readback);

  // 3. Events both ways: Taichi signals the program's event; the program waits on Taichi's.
  VkEventCreateInfo eci = {VK_STRUCTURE_TYPE_EVENT_CREATE_INFO};
  VkEvent my_event;
  CHECK_VK(vkCreateEvent(c.device, &eci, NULL, &my_event));
  TiVulkanEventInteropInfo einfo = {my_event};
  TiEvent imported_event = ti_import_vulkan_event(rt, &einfo);
  CHECK_TI("ti_import_vulkan_event");
  CHECK(vkGetEventStatus(c.device, my_event) == VK_EVENT_RESET, "event starts reset");
  ti_signal_event(rt, imported_event);
  ti_wait(rt);
  CHECK(vkGetEventStatus(c.device, my_event) == VK_EVENT_SET, "Taichi's signal reached the program's event");
  ti_destroy_event(imported_event);
  CHECK(vkGetEventStatus(c.device, my_event) == VK_EVENT_SET, "the imported VkEvent outlives its TiEvent");

  TiEvent taichi_event = ti_create_event(rt);
  TiVulkanEventInteropInfo exported_event;
  ti_export_vulkan_event(rt, taichi_event, &exported_event);
  CHECK_TI("ti_export_vulkan_event");
  args[0].value.ndarray.memory = taichi_mem;
  args[1].value.f32 = -2.0f;
  ti_launch_kernel(rt, fill, 2, args);
  ti_signal_event(rt, taichi_event);
  ti_flush(rt);
  CHECK_TI("launch and signal");
  failed = run_own_pipeline(&c, spirv_scale, scale_bytes, exported.buffer, result.buffer, exported_event.event);
  if (failed) return failed;
  failed = expect_floats(&c, result.memory, 0.0f, -2.0f * 2.0f + 1.0f, "the program waited on Taichi's event, then read Taichi's memory");
  if (failed) return failed;

  // Taichi goes first; the program's objects must survive it.
  ti_destroy_event(taichi_event);
  ti_free_memory(rt, taichi_mem);
  ti_free_memory(rt, readback);
  ti_destroy_aot_module(module);
  ti_destroy_runtime(rt);
  CHECK_TI("teardown");
  CHECK(vkGetEventStatus(c.device, my_event) == VK_EVENT_SET, "the program's event survives the runtime");
  vkDestroyEvent(c.device, my_event, NULL);
  free_buffer(&c, &mine);
  free_buffer(&c, &result);
  vkDestroyCommandPool(c.device, c.pool, NULL);
  vkDestroyDevice(c.device, NULL);
  vkDestroyInstance(c.instance, NULL);
  printf("external procedures: OK\n");
  return 0;
}
