// A small helper layer that the test programs share, as a user's own compute utilities would:
// one instance, device and queue; host-visible storage buffers; a compute pipeline over storage
// buffers from a .spv file, with optional specialization constants and push constants.
// Compiled against <vulkan/vulkan.h>, or with -DVKC_VOLK against volk, whose function pointers
// it then loads from the shim's vk_icdGetInstanceProcAddr.
#ifndef VKC_H_
#define VKC_H_

#include <stdint.h>
#include <stdio.h>

#ifdef VKC_VOLK
#include <volk.h>
#else
#include <vulkan/vulkan.h>
#endif

#define CHECK(cond, ...)                  \
  do {                                    \
    if (!(cond)) {                        \
      printf("FAIL %s:%d: ", __FILE__, __LINE__); \
      printf(__VA_ARGS__);                \
      printf("\n");                       \
      return __LINE__;                    \
    }                                     \
  } while (0)

#define CHECK_VK(call)                                                \
  do {                                                                \
    VkResult r_ = (call);                                             \
    CHECK(r_ == VK_SUCCESS, "%s returned %d", #call, (int)r_);        \
  } while (0)

typedef struct {
  VkInstance instance;
  VkPhysicalDevice physical;
  VkDevice device;
  VkQueue queue;
  VkCommandPool pool;
} Vkc;

typedef struct {
  VkBuffer buffer;
  VkDeviceMemory memory;
  void *data;
  VkDeviceSize size;
} VkcBuffer;

typedef struct {
  VkShaderModule shader;
  VkDescriptorSetLayout set_layout;
  VkPipelineLayout layout;
  VkPipeline pipeline;
  VkDescriptorPool pool;
  VkDescriptorSet set;
} VkcPipeline;

int vkc_init(Vkc *c);
// The same with instance extensions enabled.
int vkc_init_with(Vkc *c, uint32_t extension_count, const char *const *extensions);
void vkc_destroy(Vkc *c);
int vkc_buffer(Vkc *c, VkDeviceSize size, VkcBuffer *out);
void vkc_free_buffer(Vkc *c, VkcBuffer *b);
// Reads a whole file (the caller frees it); NULL when it cannot.
uint32_t *vkc_read_file(const char *path, size_t *size);
// A pipeline over `count` storage buffers at bindings 0..count-1 of set 0.
int vkc_pipeline(Vkc *c, const char *spv_path, uint32_t count, const VkcBuffer *buffers, const VkSpecializationInfo *spec, uint32_t push_bytes,
                 VkcPipeline *out);
void vkc_free_pipeline(Vkc *c, VkcPipeline *p);
int vkc_begin(Vkc *c, VkCommandBuffer *cb);
// Ends, submits and waits for `cb` with a fence, then frees it.
int vkc_submit_wait(Vkc *c, VkCommandBuffer cb);

#endif
