// Two classic compute kernels, checked against the CPU: a shared-memory reduction (partial sums
// per workgroup) and a prefix sum over several blocks (with n, not a multiple of the block, as a
// push constant). argv[1]: reduction.spv, argv[2]: prefix_sum.spv.
#include <string.h>

#include "vkc.h"

#define GROUPS 64
#define N (GROUPS * 256)
#define SCAN_N 3000

static uint32_t value(uint32_t i) { return (i * 2654435761u) >> 20; }

static int reduction(Vkc *c, const char *spv) {
  VkcBuffer bufs[2];
  int failed;
  if ((failed = vkc_buffer(c, N * sizeof(uint32_t), &bufs[0])) || (failed = vkc_buffer(c, GROUPS * sizeof(uint32_t), &bufs[1]))) return failed;
  uint32_t *data = bufs[0].data, *sums = bufs[1].data;
  uint64_t want_total = 0;
  for (uint32_t i = 0; i < N; ++i) want_total += data[i] = value(i);
  VkcPipeline p;
  if ((failed = vkc_pipeline(c, spv, 2, bufs, NULL, 0, &p))) return failed;
  VkCommandBuffer cb;
  if ((failed = vkc_begin(c, &cb))) return failed;
  vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
  vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &p.set, 0, NULL);
  vkCmdDispatch(cb, GROUPS, 1, 1);
  if ((failed = vkc_submit_wait(c, cb))) return failed;
  uint64_t total = 0;
  for (uint32_t g = 0; g < GROUPS; ++g) {
    uint32_t want = 0;
    for (uint32_t i = 0; i < 256; ++i) want += data[g * 256 + i];
    CHECK(sums[g] == want, "reduction: group %u sums to %u, want %u", g, sums[g], want);
    total += sums[g];
  }
  CHECK(total == want_total, "reduction: total %llu, want %llu", (unsigned long long)total, (unsigned long long)want_total);
  printf("reduction: %d partial sums match the CPU (total %llu)\n", GROUPS, (unsigned long long)total);
  vkc_free_pipeline(c, &p);
  vkc_free_buffer(c, &bufs[0]);
  vkc_free_buffer(c, &bufs[1]);
  return 0;
}

static int prefix_sum(Vkc *c, const char *spv) {
  VkcBuffer bufs[2];
  int failed;
  if ((failed = vkc_buffer(c, SCAN_N * sizeof(uint32_t), &bufs[0])) || (failed = vkc_buffer(c, SCAN_N * sizeof(uint32_t), &bufs[1]))) return failed;
  uint32_t *data = bufs[0].data, *scan = bufs[1].data;
  for (uint32_t i = 0; i < SCAN_N; ++i) data[i] = value(i) & 0xff;
  VkcPipeline p;
  if ((failed = vkc_pipeline(c, spv, 2, bufs, NULL, sizeof(uint32_t), &p))) return failed;
  VkCommandBuffer cb;
  if ((failed = vkc_begin(c, &cb))) return failed;
  vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
  vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &p.set, 0, NULL);
  uint32_t n = SCAN_N;
  vkCmdPushConstants(cb, p.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(n), &n);
  vkCmdDispatch(cb, 1, 1, 1);
  if ((failed = vkc_submit_wait(c, cb))) return failed;
  uint32_t running = 0;
  for (uint32_t i = 0; i < SCAN_N; ++i) {
    running += data[i];
    CHECK(scan[i] == running, "prefix sum: scan[%u] = %u, want %u", i, scan[i], running);
  }
  printf("prefix sum: %d elements match the CPU (last %u)\n", SCAN_N, running);
  vkc_free_pipeline(c, &p);
  vkc_free_buffer(c, &bufs[0]);
  vkc_free_buffer(c, &bufs[1]);
  return 0;
}

int main(int argc, char **argv) {
  CHECK(argc == 3, "usage: reduce_scan reduction.spv prefix_sum.spv");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed || (failed = reduction(&c, argv[1])) || (failed = prefix_sum(&c, argv[2]))) return failed;
  vkc_destroy(&c);
  return 0;
}
