#include "vkc.h"

#include <stdlib.h>
#include <string.h>

#ifdef VKC_VOLK
// The shim's entry point as a Vulkan driver exports it (vk_icd.h declares it only with prototypes).
PFN_vkVoidFunction vk_icdGetInstanceProcAddr(VkInstance instance, const char *name);
#endif

int vkc_init(Vkc *c) { return vkc_init_with(c, 0, NULL); }

int vkc_init_with(Vkc *c, uint32_t extension_count, const char *const *extensions) {
  memset(c, 0, sizeof(*c));
#ifdef VKC_VOLK
  volkInitializeCustom(vk_icdGetInstanceProcAddr);
  CHECK(volkGetInstanceVersion() >= VK_API_VERSION_1_0, "volk found no Vulkan");
#endif
  VkApplicationInfo app = {VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.apiVersion = VK_API_VERSION_1_1;
  VkInstanceCreateInfo ici = {VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  ici.pApplicationInfo = &app;
  ici.enabledExtensionCount = extension_count;
  ici.ppEnabledExtensionNames = extensions;
  CHECK_VK(vkCreateInstance(&ici, NULL, &c->instance));
#ifdef VKC_VOLK
  volkLoadInstance(c->instance);
#endif
  uint32_t count = 1;
  VkResult r = vkEnumeratePhysicalDevices(c->instance, &count, &c->physical);
  CHECK((r == VK_SUCCESS || r == VK_INCOMPLETE) && count == 1, "no physical device");
  float priority = 1.0f;
  VkDeviceQueueCreateInfo qci = {VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;
  VkDeviceCreateInfo dci = {VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  CHECK_VK(vkCreateDevice(c->physical, &dci, NULL, &c->device));
#ifdef VKC_VOLK
  volkLoadDevice(c->device);
#endif
  vkGetDeviceQueue(c->device, 0, 0, &c->queue);
  VkCommandPoolCreateInfo pci = {VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  CHECK_VK(vkCreateCommandPool(c->device, &pci, NULL, &c->pool));
  return 0;
}

void vkc_destroy(Vkc *c) {
  vkDestroyCommandPool(c->device, c->pool, NULL);
  vkDestroyDevice(c->device, NULL);
  vkDestroyInstance(c->instance, NULL);
}

int vkc_buffer(Vkc *c, VkDeviceSize size, VkcBuffer *out) {
  memset(out, 0, sizeof(*out));
  out->size = size;
  VkBufferCreateInfo bci = {VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  bci.size = size;
  bci.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  CHECK_VK(vkCreateBuffer(c->device, &bci, NULL, &out->buffer));
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(c->device, out->buffer, &req);
  VkPhysicalDeviceMemoryProperties props;
  vkGetPhysicalDeviceMemoryProperties(c->physical, &props);
  const VkMemoryPropertyFlags want = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  uint32_t type = UINT32_MAX;
  for (uint32_t i = 0; i < props.memoryTypeCount && type == UINT32_MAX; ++i)
    if ((req.memoryTypeBits & (1u << i)) && (props.memoryTypes[i].propertyFlags & want) == want) type = i;
  CHECK(type != UINT32_MAX, "no host-visible coherent memory type");
  VkMemoryAllocateInfo mai = {VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = type;
  CHECK_VK(vkAllocateMemory(c->device, &mai, NULL, &out->memory));
  CHECK_VK(vkBindBufferMemory(c->device, out->buffer, out->memory, 0));
  CHECK_VK(vkMapMemory(c->device, out->memory, 0, VK_WHOLE_SIZE, 0, &out->data));
  return 0;
}

void vkc_free_buffer(Vkc *c, VkcBuffer *b) {
  vkUnmapMemory(c->device, b->memory);
  vkDestroyBuffer(c->device, b->buffer, NULL);
  vkFreeMemory(c->device, b->memory, NULL);
}

uint32_t *vkc_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint32_t *data = malloc((size_t)n);
  if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
    free(data);
    data = NULL;
  }
  fclose(f);
  *size = (size_t)n;
  return data;
}

int vkc_pipeline(Vkc *c, const char *spv_path, uint32_t count, const VkcBuffer *buffers, const VkSpecializationInfo *spec, uint32_t push_bytes,
                 VkcPipeline *out) {
  memset(out, 0, sizeof(*out));
  size_t size = 0;
  uint32_t *code = vkc_read_file(spv_path, &size);
  CHECK(code != NULL, "cannot read %s", spv_path);
  VkShaderModuleCreateInfo smci = {VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  smci.codeSize = size;
  smci.pCode = code;
  VkResult r = vkCreateShaderModule(c->device, &smci, NULL, &out->shader);
  free(code);
  CHECK(r == VK_SUCCESS, "vkCreateShaderModule(%s) returned %d", spv_path, (int)r);

  VkDescriptorSetLayoutBinding bindings[8];
  CHECK(count <= 8, "too many buffers");
  for (uint32_t i = 0; i < count; ++i) {
    VkDescriptorSetLayoutBinding b = {i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_COMPUTE_BIT, NULL};
    bindings[i] = b;
  }
  VkDescriptorSetLayoutCreateInfo dslci = {VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  dslci.bindingCount = count;
  dslci.pBindings = bindings;
  CHECK_VK(vkCreateDescriptorSetLayout(c->device, &dslci, NULL, &out->set_layout));
  VkPushConstantRange range = {VK_SHADER_STAGE_COMPUTE_BIT, 0, push_bytes};
  VkPipelineLayoutCreateInfo plci = {VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  plci.setLayoutCount = 1;
  plci.pSetLayouts = &out->set_layout;
  plci.pushConstantRangeCount = push_bytes ? 1 : 0;
  plci.pPushConstantRanges = &range;
  CHECK_VK(vkCreatePipelineLayout(c->device, &plci, NULL, &out->layout));
  VkComputePipelineCreateInfo cpci = {VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpci.stage.module = out->shader;
  cpci.stage.pName = "main";
  cpci.stage.pSpecializationInfo = spec;
  cpci.layout = out->layout;
  CHECK_VK(vkCreateComputePipelines(c->device, VK_NULL_HANDLE, 1, &cpci, NULL, &out->pipeline));

  VkDescriptorPoolSize pool_size = {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, count};
  VkDescriptorPoolCreateInfo dpci = {VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  dpci.maxSets = 1;
  dpci.poolSizeCount = 1;
  dpci.pPoolSizes = &pool_size;
  CHECK_VK(vkCreateDescriptorPool(c->device, &dpci, NULL, &out->pool));
  VkDescriptorSetAllocateInfo dsai = {VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  dsai.descriptorPool = out->pool;
  dsai.descriptorSetCount = 1;
  dsai.pSetLayouts = &out->set_layout;
  CHECK_VK(vkAllocateDescriptorSets(c->device, &dsai, &out->set));
  VkDescriptorBufferInfo infos[8];
  VkWriteDescriptorSet writes[8];
  for (uint32_t i = 0; i < count; ++i) {
    VkDescriptorBufferInfo info = {buffers[i].buffer, 0, VK_WHOLE_SIZE};
    infos[i] = info;
    memset(&writes[i], 0, sizeof(writes[i]));
    writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    writes[i].dstSet = out->set;
    writes[i].dstBinding = i;
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    writes[i].pBufferInfo = &infos[i];
  }
  vkUpdateDescriptorSets(c->device, count, writes, 0, NULL);
  return 0;
}

void vkc_free_pipeline(Vkc *c, VkcPipeline *p) {
  vkDestroyDescriptorPool(c->device, p->pool, NULL);
  vkDestroyPipeline(c->device, p->pipeline, NULL);
  vkDestroyPipelineLayout(c->device, p->layout, NULL);
  vkDestroyDescriptorSetLayout(c->device, p->set_layout, NULL);
  vkDestroyShaderModule(c->device, p->shader, NULL);
}

int vkc_begin(Vkc *c, VkCommandBuffer *cb) {
  VkCommandBufferAllocateInfo cbai = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  cbai.commandPool = c->pool;
  cbai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cbai.commandBufferCount = 1;
  CHECK_VK(vkAllocateCommandBuffers(c->device, &cbai, cb));
  VkCommandBufferBeginInfo begin = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  CHECK_VK(vkBeginCommandBuffer(*cb, &begin));
  return 0;
}

int vkc_submit_wait(Vkc *c, VkCommandBuffer cb) {
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
  return 0;
}
