// Every waiting command, called directly and through the pointers that vkGetInstanceProcAddr and
// vkGetDeviceProcAddr hand out (built with -DVKC_VOLK: through the pointers volk fills): each wait
// returns only once the GPU is done, so the host reads the new values. argv[1]: add.spv.
#include <string.h>

#include "vkc.h"

#define N (1u << 16)

typedef struct {
  const char *how;
  PFN_vkCreateDevice create_device;
  PFN_vkCreateComputePipelines create_compute_pipelines;
  PFN_vkWaitForFences wait_for_fences;
  PFN_vkQueueWaitIdle queue_wait_idle;
  PFN_vkDeviceWaitIdle device_wait_idle;
} Waits;

static int expect(const VkcBuffer *b, uint32_t want, const char *how, const char *what) {
  const uint32_t *data = b->data;
  for (uint32_t i = 0; i < N; ++i) CHECK(data[i] == want, "%s %s: data[%u] = %u, want %u", how, what, i, data[i], want);
  return 0;
}

// Records one dispatch of `pipeline` (after waiting for `event` when it is not null) and submits it.
static int submit_add(Vkc *c, const VkcPipeline *p, VkPipeline pipeline, VkEvent event, VkFence fence, VkCommandBuffer *cb) {
  int failed = vkc_begin(c, cb);
  if (failed) return failed;
  if (event != VK_NULL_HANDLE) {
    vkCmdWaitEvents(*cb, 1, &event, VK_PIPELINE_STAGE_HOST_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, NULL, 0, NULL, 0, NULL);
  }
  vkCmdBindPipeline(*cb, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
  vkCmdBindDescriptorSets(*cb, VK_PIPELINE_BIND_POINT_COMPUTE, p->layout, 0, 1, &p->set, 0, NULL);
  vkCmdDispatch(*cb, N / 64, 1, 1);
  CHECK_VK(vkEndCommandBuffer(*cb));
  VkSubmitInfo si = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = cb;
  CHECK_VK(vkQueueSubmit(c->queue, 1, &si, fence));
  return 0;
}

static int run_waits(Vkc *c, const VkcPipeline *p, const VkcBuffer *b, const Waits *w, uint32_t *count) {
  // A device made through the pointer, then let go.
  float priority = 1.0f;
  VkDeviceQueueCreateInfo qci = {VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  qci.queueCount = 1;
  qci.pQueuePriorities = &priority;
  VkDeviceCreateInfo dci = {VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  VkDevice other;
  CHECK_VK(w->create_device(c->physical, &dci, NULL, &other));
  vkDestroyDevice(other, NULL);

  VkComputePipelineCreateInfo cpci = {VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpci.stage.module = p->shader;
  cpci.stage.pName = "main";
  cpci.layout = p->layout;
  VkPipeline pipeline;
  CHECK_VK(w->create_compute_pipelines(c->device, VK_NULL_HANDLE, 1, &cpci, NULL, &pipeline));

  VkFenceCreateInfo fci = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CHECK_VK(vkCreateFence(c->device, &fci, NULL, &fence));
  VkEventCreateInfo eci = {VK_STRUCTURE_TYPE_EVENT_CREATE_INFO};
  VkEvent event;
  CHECK_VK(vkCreateEvent(c->device, &eci, NULL, &event));
  VkCommandBuffer cbs[4];
  int failed;

  if ((failed = submit_add(c, p, pipeline, VK_NULL_HANDLE, fence, &cbs[0]))) return failed;
  CHECK_VK(w->wait_for_fences(c->device, 1, &fence, VK_TRUE, UINT64_MAX));
  if ((failed = expect(b, ++*count, w->how, "vkWaitForFences"))) return failed;
  CHECK_VK(vkResetFences(c->device, 1, &fence));

  if ((failed = submit_add(c, p, pipeline, VK_NULL_HANDLE, VK_NULL_HANDLE, &cbs[1]))) return failed;
  CHECK_VK(w->queue_wait_idle(c->queue));
  if ((failed = expect(b, ++*count, w->how, "vkQueueWaitIdle"))) return failed;

  if ((failed = submit_add(c, p, pipeline, VK_NULL_HANDLE, VK_NULL_HANDLE, &cbs[2]))) return failed;
  CHECK_VK(w->device_wait_idle(c->device));
  if ((failed = expect(b, ++*count, w->how, "vkDeviceWaitIdle"))) return failed;

  // The GPU waits for an event the host sets after submitting; then the host waits for the fence.
  if ((failed = submit_add(c, p, pipeline, event, fence, &cbs[3]))) return failed;
  CHECK(vkGetEventStatus(c->device, event) == VK_EVENT_RESET, "%s: the event is set before vkSetEvent", w->how);
  CHECK_VK(vkSetEvent(c->device, event));
  CHECK_VK(w->wait_for_fences(c->device, 1, &fence, VK_TRUE, UINT64_MAX));
  if ((failed = expect(b, ++*count, w->how, "vkCmdWaitEvents then vkWaitForFences"))) return failed;

  vkFreeCommandBuffers(c->device, c->pool, 4, cbs);
  vkDestroyEvent(c->device, event, NULL);
  vkDestroyFence(c->device, fence, NULL);
  vkDestroyPipeline(c->device, pipeline, NULL);
  return 0;
}

int main(int argc, char **argv) {
  CHECK(argc == 2, "usage: waits add.spv");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed) return failed;
  VkcBuffer b;
  if ((failed = vkc_buffer(&c, N * sizeof(uint32_t), &b))) return failed;
  memset(b.data, 0, N * sizeof(uint32_t));
  VkcPipeline p;
  if ((failed = vkc_pipeline(&c, argv[1], 1, &b, NULL, 0, &p))) return failed;

  Waits ways[3] = {
      {"direct", vkCreateDevice, vkCreateComputePipelines, vkWaitForFences, vkQueueWaitIdle, vkDeviceWaitIdle},
      {"vkGetInstanceProcAddr", (PFN_vkCreateDevice)vkGetInstanceProcAddr(c.instance, "vkCreateDevice"),
       (PFN_vkCreateComputePipelines)vkGetInstanceProcAddr(c.instance, "vkCreateComputePipelines"),
       (PFN_vkWaitForFences)vkGetInstanceProcAddr(c.instance, "vkWaitForFences"),
       (PFN_vkQueueWaitIdle)vkGetInstanceProcAddr(c.instance, "vkQueueWaitIdle"),
       (PFN_vkDeviceWaitIdle)vkGetInstanceProcAddr(c.instance, "vkDeviceWaitIdle")},
      {"vkGetDeviceProcAddr", (PFN_vkCreateDevice)vkGetInstanceProcAddr(c.instance, "vkCreateDevice"),
       (PFN_vkCreateComputePipelines)vkGetDeviceProcAddr(c.device, "vkCreateComputePipelines"),
       (PFN_vkWaitForFences)vkGetDeviceProcAddr(c.device, "vkWaitForFences"),
       (PFN_vkQueueWaitIdle)vkGetDeviceProcAddr(c.device, "vkQueueWaitIdle"),
       (PFN_vkDeviceWaitIdle)vkGetDeviceProcAddr(c.device, "vkDeviceWaitIdle")},
  };
  // A core command outside the shim's subset links, answers VK_ERROR_FEATURE_NOT_PRESENT, and
  // has no address to hand out (so volk leaves its pointer NULL).
#ifdef VKC_VOLK
  CHECK(vkCreateQueryPool == NULL, "volk loaded a pointer for vkCreateQueryPool");
#else
  VkQueryPoolCreateInfo qpci = {VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
  qpci.queryType = VK_QUERY_TYPE_TIMESTAMP;
  qpci.queryCount = 1;
  VkQueryPool pool;
  CHECK(vkCreateQueryPool(c.device, &qpci, NULL, &pool) == VK_ERROR_FEATURE_NOT_PRESENT, "vkCreateQueryPool did not answer VK_ERROR_FEATURE_NOT_PRESENT");
#endif
  CHECK(vkGetDeviceProcAddr(c.device, "vkCreateQueryPool") == NULL, "vkGetDeviceProcAddr answered a pointer for vkCreateQueryPool");
  CHECK(vkGetInstanceProcAddr(c.instance, "vkCmdDraw") == NULL, "vkGetInstanceProcAddr answered a pointer for vkCmdDraw");
  CHECK(vkGetInstanceProcAddr(c.instance, "vkNoSuchCommand") == NULL, "vkGetInstanceProcAddr answered a pointer for an unknown name");

  uint32_t count = 0;
  for (int i = 0; i < 3; ++i) {
    CHECK(ways[i].create_device && ways[i].create_compute_pipelines && ways[i].wait_for_fences && ways[i].queue_wait_idle && ways[i].device_wait_idle,
          "%s returned NULL for a waiting command", ways[i].how);
    if ((failed = run_waits(&c, &p, &b, &ways[i], &count))) return failed;
  }
  printf("waits: %u rounds, every wait saw the GPU's results\n", count);
  vkc_free_pipeline(&c, &p);
  vkc_free_buffer(&c, &b);
  vkc_destroy(&c);
  return 0;
}
