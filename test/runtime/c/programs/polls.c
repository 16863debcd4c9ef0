// A host that polls instead of waiting: it spins on vkGetFenceStatus (called directly and through
// the pointer vkGetDeviceProcAddr hands out) and on vkGetEventStatus for an event the GPU sets
// with vkCmdSetEvent, calling nothing else in the loop, until the GPU's work is done; then it
// checks the results against the CPU. argv[1]: add.spv.
#define _POSIX_C_SOURCE 199309L  // clock_gettime under -std=c11
#include <string.h>
#include <time.h>

#include "vkc.h"

#define N (1u << 18)
#define DISPATCHES 4
// Only a broken shim gets here (a status that never changes): fail instead of spinning forever.
#define GIVE_UP_SECONDS 120

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int expect(const VkcBuffer *b, uint32_t want, const char *what) {
  const uint32_t *data = b->data;
  for (uint32_t i = 0; i < N; ++i) CHECK(data[i] == want, "%s: data[%u] = %u, want %u", what, i, data[i], want);
  return 0;
}

// Records DISPATCHES dispatches of add (each adds one to every element), then, when `event` is
// not null, sets it; and submits them.
static int submit_adds(Vkc *c, const VkcPipeline *p, VkEvent event, VkFence fence, VkCommandBuffer *cb) {
  int failed = vkc_begin(c, cb);
  if (failed) return failed;
  vkCmdBindPipeline(*cb, VK_PIPELINE_BIND_POINT_COMPUTE, p->pipeline);
  vkCmdBindDescriptorSets(*cb, VK_PIPELINE_BIND_POINT_COMPUTE, p->layout, 0, 1, &p->set, 0, NULL);
  VkMemoryBarrier barrier = {VK_STRUCTURE_TYPE_MEMORY_BARRIER};
  barrier.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT;
  barrier.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
  for (int i = 0; i < DISPATCHES; ++i) {
    if (i > 0) {
      vkCmdPipelineBarrier(*cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &barrier, 0, NULL, 0, NULL);
    }
    vkCmdDispatch(*cb, N / 64, 1, 1);
  }
  if (event != VK_NULL_HANDLE) vkCmdSetEvent(*cb, event, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
  CHECK_VK(vkEndCommandBuffer(*cb));
  VkSubmitInfo si = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
  si.commandBufferCount = 1;
  si.pCommandBuffers = cb;
  CHECK_VK(vkQueueSubmit(c->queue, 1, &si, fence));
  return 0;
}

int main(int argc, char **argv) {
  CHECK(argc == 2, "usage: polls add.spv");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed) return failed;
  VkcBuffer b;
  if ((failed = vkc_buffer(&c, N * sizeof(uint32_t), &b))) return failed;
  memset(b.data, 0, N * sizeof(uint32_t));
  VkcPipeline p;
  if ((failed = vkc_pipeline(&c, argv[1], 1, &b, NULL, 0, &p))) return failed;

  VkFenceCreateInfo fci = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CHECK_VK(vkCreateFence(c.device, &fci, NULL, &fence));
  const struct {
    const char *how;
    PFN_vkGetFenceStatus get_fence_status;
  } ways[2] = {
      {"vkGetFenceStatus", vkGetFenceStatus},
      {"vkGetFenceStatus through vkGetDeviceProcAddr", (PFN_vkGetFenceStatus)vkGetDeviceProcAddr(c.device, "vkGetFenceStatus")},
  };
  uint32_t want = 0;
  unsigned long not_ready = 0;
  for (int w = 0; w < 2; ++w) {
    CHECK(ways[w].get_fence_status != NULL, "%s: no pointer", ways[w].how);
    VkCommandBuffer cb;
    if ((failed = submit_adds(&c, &p, VK_NULL_HANDLE, fence, &cb))) return failed;
    want += DISPATCHES;
    double start = now_seconds();
    VkResult r;
    while ((r = ways[w].get_fence_status(c.device, fence)) == VK_NOT_READY) {
      ++not_ready;
      CHECK(now_seconds() - start < GIVE_UP_SECONDS, "%s: the fence is still not signalled", ways[w].how);
    }
    CHECK(r == VK_SUCCESS, "%s returned %d", ways[w].how, (int)r);
    if ((failed = expect(&b, want, ways[w].how))) return failed;
    CHECK_VK(vkResetFences(c.device, 1, &fence));
    vkFreeCommandBuffers(c.device, c.pool, 1, &cb);
  }

  VkEventCreateInfo eci = {VK_STRUCTURE_TYPE_EVENT_CREATE_INFO};
  VkEvent event;
  CHECK_VK(vkCreateEvent(c.device, &eci, NULL, &event));
  VkCommandBuffer cb;
  if ((failed = submit_adds(&c, &p, event, VK_NULL_HANDLE, &cb))) return failed;
  want += DISPATCHES;
  double start = now_seconds();
  VkResult r;
  while ((r = vkGetEventStatus(c.device, event)) == VK_EVENT_RESET) {
    ++not_ready;
    CHECK(now_seconds() - start < GIVE_UP_SECONDS, "vkGetEventStatus: the event is still reset");
  }
  CHECK(r == VK_EVENT_SET, "vkGetEventStatus returned %d", (int)r);
  if ((failed = expect(&b, want, "vkGetEventStatus"))) return failed;
  // Vulkan may still count the command buffer as pending after the event is set: wait before freeing it.
  CHECK_VK(vkQueueWaitIdle(c.queue));
  vkFreeCommandBuffers(c.device, c.pool, 1, &cb);

  printf("polls: 2 fences and 1 event polled until the GPU was done, %u elements at %u match the CPU (%lu not-ready answers)\n", N, want, not_ready);
  vkDestroyEvent(c.device, event, NULL);
  vkDestroyFence(c.device, fence, NULL);
  vkc_free_pipeline(&c, &p);
  vkc_free_buffer(&c, &b);
  vkc_destroy(&c);
  return 0;
}
