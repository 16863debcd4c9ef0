// An "external procedure" as Taichi's Vulkan interop page describes it: a C program with its own
// Vulkan instance, device, buffers, image, event and compute pipelines, sharing them with Taichi in both
// directions. Built by test/external-procedures.test.ts against wasm/build/libtaichi_c_api.a.
#include <stdio.h>
#include <string.h>

#include <taichi/taichi.h>
#include <taichi/taichi_wasm.h>
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

// One binding of the program's pipelines: a storage buffer or a storage image (in GENERAL layout).
typedef struct {
  VkBuffer buffer;
  VkImageView view;
} Binding;

static Binding buffer_binding(VkBuffer b) {
  Binding r = {b, VK_NULL_HANDLE};
  return r;
}

static Binding image_binding(VkImageView v) {
  Binding r = {VK_NULL_HANDLE, v};
  return r;
}

// Runs the program's own two-binding pipeline and waits. With `image`, it first moves that image
// from `old_layout` to GENERAL; with `wait_on`, it first waits for that event.
static int run_own_pipeline(Context *c, const uint32_t *spirv, uint32_t spirv_bytes, Binding src, Binding dst, VkEvent wait_on, VkImage image,
                            VkImageLayout old_layout) {
  VkShaderModuleCreateInfo smci = {VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  smci.codeSize = spirv_bytes;
  smci.pCode = spirv;
  VkShaderModule shader;
  CHECK_VK(vkCreateShaderModule(c->device, &smci, NULL, &shader));
  Binding both[2] = {src, dst};
  VkDescriptorSetLayoutBinding bindings[2];
  for (uint32_t i = 0; i < 2; ++i) {
    VkDescriptorType type = both[i].view ? VK_DESCRIPTOR_TYPE_STORAGE_IMAGE : VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    VkDescriptorSetLayoutBinding b = {i, type, 1, VK_SHADER_STAGE_COMPUTE_BIT, NULL};
    bindings[i] = b;
  }
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

  VkDescriptorPoolSize pool_sizes[2] = {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2}, {VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, 2}};
  VkDescriptorPoolCreateInfo dpci = {VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpci.maxSets = 1;
  dpci.poolSizeCount = 2;
  dpci.pPoolSizes = pool_sizes;
  VkDescriptorPool pool;
  CHECK_VK(vkCreateDescriptorPool(c->device, &dpci, NULL, &pool));
  VkDescriptorSetAllocateInfo dsai = {VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  dsai.descriptorPool = pool;
  dsai.descriptorSetCount = 1;
  dsai.pSetLayouts = &set_layout;
  VkDescriptorSet set;
  CHECK_VK(vkAllocateDescriptorSets(c->device, &dsai, &set));
  VkDescriptorBufferInfo infos[2];
  VkDescriptorImageInfo image_infos[2];
  VkWriteDescriptorSet writes[2];
  for (int i = 0; i < 2; ++i) {
    memset(&writes[i], 0, sizeof(writes[i]));
    writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    writes[i].dstSet = set;
    writes[i].dstBinding = (uint32_t)i;
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = bindings[i].descriptorType;
    if (both[i].view) {
      VkDescriptorImageInfo info = {VK_NULL_HANDLE, both[i].view, VK_IMAGE_LAYOUT_GENERAL};
      image_infos[i] = info;
      writes[i].pImageInfo = &image_infos[i];
    } else {
      VkDescriptorBufferInfo info = {both[i].buffer, 0, VK_WHOLE_SIZE};
      infos[i] = info;
      writes[i].pBufferInfo = &infos[i];
    }
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
  if (image != VK_NULL_HANDLE) {
    VkImageMemoryBarrier ib = {VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER};
    ib.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
    ib.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    ib.oldLayout = old_layout;
    ib.newLayout = VK_IMAGE_LAYOUT_GENERAL;
    ib.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    ib.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    ib.image = image;
    ib.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    ib.subresourceRange.levelCount = 1;
    ib.subresourceRange.layerCount = 1;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 0, NULL, 0, NULL, 1, &ib);
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

static VkResult make_image(Context *c, VkImage *image, VkDeviceMemory *memory) {
  VkImageCreateInfo ici = {VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  ici.imageType = VK_IMAGE_TYPE_2D;
  ici.format = VK_FORMAT_R32_SFLOAT;
  ici.extent.width = 16;
  ici.extent.height = 16;
  ici.extent.depth = 1;
  ici.mipLevels = 1;
  ici.arrayLayers = 1;
  ici.samples = VK_SAMPLE_COUNT_1_BIT;
  ici.tiling = VK_IMAGE_TILING_OPTIMAL;
  ici.usage = VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  VkResult r = vkCreateImage(c->device, &ici, NULL, image);
  if (r != VK_SUCCESS) return r;
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(c->device, *image, &req);
  VkMemoryAllocateInfo mai = {VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = memory_type(c, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  r = vkAllocateMemory(c->device, &mai, NULL, memory);
  if (r == VK_SUCCESS) r = vkBindImageMemory(c->device, *image, *memory, 0);
  if (r != VK_SUCCESS) return r;
  return VK_SUCCESS;
}

static VkResult make_view(Context *c, VkImage image, VkImageView *view) {
  VkImageViewCreateInfo vci = {VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  vci.image = image;
  vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
  vci.format = VK_FORMAT_R32_SFLOAT;
  vci.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
  vci.subresourceRange.levelCount = 1;
  vci.subresourceRange.layerCount = 1;
  return vkCreateImageView(c->device, &vci, NULL, view);
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
// shaders, compiled from GLSL by the test (scale: dst = src * 2 + 1; iota: dst = i; image_read:
// dst = texel * 2 + 1; image_write: texel = i).
int run_external_procedures(const void *tcm, uint32_t tcm_size, const uint32_t *spirv_scale, uint32_t scale_bytes, const uint32_t *spirv_iota,
                            uint32_t iota_bytes, const uint32_t *spirv_image_read, uint32_t image_read_bytes, const uint32_t *spirv_image_write,
                            uint32_t image_write_bytes) {
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
  int failed = run_own_pipeline(&c, spirv_scale, scale_bytes, buffer_binding(mine.buffer), buffer_binding(result.buffer), VK_NULL_HANDLE, VK_NULL_HANDLE, VK_IMAGE_LAYOUT_UNDEFINED);
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
  failed = run_own_pipeline(&c, spirv_iota, iota_bytes, buffer_binding(mine.buffer), buffer_binding(exported.buffer), VK_NULL_HANDLE, VK_NULL_HANDLE, VK_IMAGE_LAYOUT_UNDEFINED);
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
  failed = run_own_pipeline(&c, spirv_scale, scale_bytes, buffer_binding(exported.buffer), buffer_binding(result.buffer), exported_event.event, VK_NULL_HANDLE, VK_IMAGE_LAYOUT_UNDEFINED);
  if (failed) return failed;
  failed = expect_floats(&c, result.memory, 0.0f, -2.0f * 2.0f + 1.0f, "the program waited on Taichi's event, then read Taichi's memory");
  if (failed) return failed;

  // 4. Images both ways. The program's image, imported: Taichi fills an ndarray and copies it into
  // the image; the program's pipeline reads the image.
  VkImage my_image;
  VkDeviceMemory my_image_memory;
  VkImageView my_view;
  CHECK_VK(make_image(&c, &my_image, &my_image_memory));
  CHECK_VK(make_view(&c, my_image, &my_view));
  TiVulkanImageInteropInfo iinfo = {my_image, VK_IMAGE_TYPE_2D, VK_FORMAT_R32_SFLOAT, {16, 16, 1}, 1, 1, VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_TILING_OPTIMAL,
                                    VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT};
  TiImage imported_image = ti_import_vulkan_image(rt, &iinfo, VK_IMAGE_VIEW_TYPE_2D, VK_IMAGE_LAYOUT_UNDEFINED);
  CHECK_TI("ti_import_vulkan_image");
  args[0].value.ndarray.memory = taichi_mem;
  args[1].value.f32 = 5.5f;
  ti_launch_kernel(rt, fill, 2, args);
  TiImageSlice image_slice;
  memset(&image_slice, 0, sizeof(image_slice));
  image_slice.image = imported_image;
  image_slice.extent.width = 16;
  image_slice.extent.height = 16;
  image_slice.extent.depth = 1;
  image_slice.extent.array_layer_count = 1;
  ti_copy_memory_to_image_ext(rt, &image_slice, &src);
  ti_wait(rt);
  CHECK_TI("fill, then copy into the imported image");
  failed = run_own_pipeline(&c, spirv_image_read, image_read_bytes, image_binding(my_view), buffer_binding(result.buffer), VK_NULL_HANDLE, my_image,
                            VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
  if (failed) return failed;
  failed = expect_floats(&c, result.memory, 0.0f, 5.5f * 2.0f + 1.0f, "the program read the image Taichi wrote");
  if (failed) return failed;
  ti_free_image(rt, imported_image);
  CHECK_TI("ti_free_image of an imported image");

  // Taichi's image, exported: the program's pipeline writes it, Taichi copies it to host memory.
  TiImageAllocateInfo iai;
  memset(&iai, 0, sizeof(iai));
  iai.dimension = TI_IMAGE_DIMENSION_2D;
  iai.extent.width = 16;
  iai.extent.height = 16;
  iai.extent.depth = 1;
  iai.extent.array_layer_count = 1;
  iai.mip_level_count = 1;
  iai.format = TI_FORMAT_R32F;
  iai.usage = TI_IMAGE_USAGE_STORAGE_BIT | TI_IMAGE_USAGE_SAMPLED_BIT;
  TiImage taichi_image = ti_allocate_image(rt, &iai);
  CHECK_TI("ti_allocate_image");
  TiVulkanImageInteropInfo exported_image;
  ti_export_vulkan_image(rt, taichi_image, &exported_image);
  CHECK_TI("ti_export_vulkan_image");
  CHECK(exported_image.format == VK_FORMAT_R32_SFLOAT && exported_image.extent.width == 16, "exported image info");
  VkImageView taichi_view;
  CHECK_VK(make_view(&c, exported_image.image, &taichi_view));
  failed = run_own_pipeline(&c, spirv_image_write, image_write_bytes, buffer_binding(mine.buffer), image_binding(taichi_view), VK_NULL_HANDLE,
                            exported_image.image, VK_IMAGE_LAYOUT_UNDEFINED);
  if (failed) return failed;
  // The program moved the image to GENERAL: tell Taichi, which tracks layouts.
  ti_track_image_ext(rt, taichi_image, TI_IMAGE_LAYOUT_SHADER_READ_WRITE);
  image_slice.image = taichi_image;
  ti_copy_image_to_memory_ext(rt, &dst, &image_slice);
  ti_wait(rt);
  seen = (const float *)ti_map_memory(rt, readback);
  CHECK_TI("copy Taichi's image out and map it");
  for (int i = 0; i < N; ++i) CHECK(seen[i] == (float)i, "Taichi's image holds %f at %d, the program wrote %d", seen[i], i, i);
  ti_unmap_memory(rt, readback);
  vkDestroyImageView(c.device, taichi_view, NULL);
  ti_free_image(rt, taichi_image);

  // Taichi goes first; the program's objects must survive it.
  ti_destroy_event(taichi_event);
  ti_free_memory(rt, taichi_mem);
  ti_free_memory(rt, readback);
  ti_destroy_aot_module(module);
  ti_destroy_runtime(rt);
  CHECK_TI("teardown");
  CHECK(vkGetEventStatus(c.device, my_event) == VK_EVENT_SET, "the program's event survives the runtime");
  vkDestroyEvent(c.device, my_event, NULL);
  vkDestroyImageView(c.device, my_view, NULL);
  vkDestroyImage(c.device, my_image, NULL);
  vkFreeMemory(c.device, my_image_memory, NULL);
  free_buffer(&c, &mine);
  free_buffer(&c, &result);
  vkDestroyCommandPool(c.device, c.pool, NULL);
  vkDestroyDevice(c.device, NULL);
  vkDestroyInstance(c.instance, NULL);
  printf("external procedures: OK\n");
  return 0;
}
