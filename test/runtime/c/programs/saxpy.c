// saxpy with push constants: one command buffer records several dispatches, each after its own
// vkCmdPushConstants (some updating only part of the block), and each must see the values
// recorded before it. The command buffer is submitted twice. argv[1]: saxpy.spv.
#include <string.h>

#include "vkc.h"

#define N 1000

typedef struct {
  float a;
  uint32_t n;
} Push;

int main(int argc, char **argv) {
  CHECK(argc == 2, "usage: saxpy saxpy.spv");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed) return failed;
  VkcBuffer bufs[2];
  if ((failed = vkc_buffer(&c, N * sizeof(float), &bufs[0])) || (failed = vkc_buffer(&c, N * sizeof(float), &bufs[1]))) return failed;
  float *x = bufs[0].data, *y = bufs[1].data;
  float want[N];
  for (int i = 0; i < N; ++i) {
    x[i] = (float)(i % 17);
    y[i] = want[i] = (float)(i % 5);
  }
  VkcPipeline p;
  if ((failed = vkc_pipeline(&c, argv[1], 2, bufs, NULL, sizeof(Push), &p))) return failed;

  // (a, n) per dispatch; a negative n means "push only a", so n keeps its previous value.
  const float as[4] = {2.0f, -3.0f, 0.5f, 1.0f};
  const int ns[4] = {N, 600, -1, 37};
  VkCommandBuffer cb;
  VkCommandBufferAllocateInfo cbai = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  cbai.commandPool = c.pool;
  cbai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cbai.commandBufferCount = 1;
  CHECK_VK(vkAllocateCommandBuffers(c.device, &cbai, &cb));
  VkCommandBufferBeginInfo begin = {VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  CHECK_VK(vkBeginCommandBuffer(cb, &begin));
  vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
  vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &p.set, 0, NULL);
  for (int d = 0; d < 4; ++d) {
    if (ns[d] >= 0) {
      Push push = {as[d], (uint32_t)ns[d]};
      vkCmdPushConstants(cb, p.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
    } else {
      vkCmdPushConstants(cb, p.layout, VK_SHADER_STAGE_COMPUTE_BIT, offsetof(Push, a), sizeof(float), &as[d]);
    }
    vkCmdDispatch(cb, (N + 63) / 64, 1, 1);
    VkMemoryBarrier barrier = {VK_STRUCTURE_TYPE_MEMORY_BARRIER};
    barrier.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT;
    barrier.dstAccessMask = VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &barrier, 0, NULL, 0, NULL);
  }
  CHECK_VK(vkEndCommandBuffer(cb));

  VkFenceCreateInfo fci = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CHECK_VK(vkCreateFence(c.device, &fci, NULL, &fence));
  for (int submit = 0; submit < 2; ++submit) {
    VkSubmitInfo si = {VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cb;
    CHECK_VK(vkQueueSubmit(c.queue, 1, &si, fence));
    CHECK_VK(vkWaitForFences(c.device, 1, &fence, VK_TRUE, UINT64_MAX));
    CHECK_VK(vkResetFences(c.device, 1, &fence));
    // The same on the CPU (the values are small integers and halves, so every result is exact).
    uint32_t n = 0;
    for (int d = 0; d < 4; ++d) {
      if (ns[d] >= 0) n = (uint32_t)ns[d];
      for (uint32_t i = 0; i < n; ++i) want[i] = as[d] * x[i] + want[i];
    }
    for (int i = 0; i < N; ++i) CHECK(y[i] == want[i], "submission %d: y[%d] = %g, want %g", submit, i, y[i], want[i]);
  }
  printf("saxpy: 2 submissions of 4 dispatches with push constants match the CPU\n");
  vkDestroyFence(c.device, fence, NULL);
  vkFreeCommandBuffers(c.device, c.pool, 1, &cb);
  vkc_free_pipeline(&c, &p);
  vkc_free_buffer(&c, &bufs[0]);
  vkc_free_buffer(&c, &bufs[1]);
  vkc_destroy(&c);
  return 0;
}
