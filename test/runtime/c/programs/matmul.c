// A tiled matrix multiply whose tile size is a specialization constant: one pipeline per tile
// size from the same shader module, each checked against the CPU. argv[1]: matmul.spv.
#include <stddef.h>
#include <string.h>

#include "vkc.h"

#define N 64

typedef struct {
  uint32_t tile;
  uint32_t n;
} Spec;

int main(int argc, char **argv) {
  CHECK(argc == 2, "usage: matmul matmul.spv");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed) return failed;
  VkcBuffer bufs[3];
  for (int i = 0; i < 3; ++i)
    if ((failed = vkc_buffer(&c, N * N * sizeof(float), &bufs[i]))) return failed;
  float *a = bufs[0].data, *b = bufs[1].data, *out = bufs[2].data;
  // Small integers: every product and sum is exact in float, on the GPU as on the CPU.
  for (int i = 0; i < N * N; ++i) {
    a[i] = (float)((i * 7) % 5 - 2);
    b[i] = (float)((i * 3) % 7 - 3);
  }
  static float want[N * N];
  for (int r = 0; r < N; ++r)
    for (int col = 0; col < N; ++col) {
      float acc = 0;
      for (int k = 0; k < N; ++k) acc += a[r * N + k] * b[k * N + col];
      want[r * N + col] = acc;
    }
  const uint32_t tiles[3] = {4, 8, 16};
  for (int t = 0; t < 3; ++t) {
    Spec spec = {tiles[t], N};
    VkSpecializationMapEntry entries[2] = {{0, offsetof(Spec, tile), sizeof(uint32_t)}, {1, offsetof(Spec, n), sizeof(uint32_t)}};
    VkSpecializationInfo info = {2, entries, sizeof(spec), &spec};
    VkcPipeline p;
    if ((failed = vkc_pipeline(&c, argv[1], 3, bufs, &info, 0, &p))) return failed;
    memset(out, 0, N * N * sizeof(float));
    VkCommandBuffer cb;
    if ((failed = vkc_begin(&c, &cb))) return failed;
    vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
    vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &p.set, 0, NULL);
    vkCmdDispatch(cb, N / tiles[t], N / tiles[t], 1);
    if ((failed = vkc_submit_wait(&c, cb))) return failed;
    for (int i = 0; i < N * N; ++i) CHECK(out[i] == want[i], "TILE %u: c[%d] = %g, want %g", tiles[t], i, out[i], want[i]);
    vkc_free_pipeline(&c, &p);
  }
  printf("matmul: tiles 4, 8 and 16 match the CPU\n");
  for (int i = 0; i < 3; ++i) vkc_free_buffer(&c, &bufs[i]);
  vkc_destroy(&c);
  return 0;
}
