// The Mandelbrot set on the GPU, checked against the same iteration on the CPU, written to a PNG
// (8-bit grey, uncompressed deflate blocks). argv[1]: mandelbrot.spv, argv[2]: the PNG's path.
#include <stdlib.h>
#include <string.h>

#include "vkc.h"

#define W 256
#define H 192
#define MAX_ITER 200

typedef struct {
  uint32_t width, height, max_iter;
} Push;

static uint32_t cpu_iterations(uint32_t px, uint32_t py) {
  float cx = -2.25f + 3.0f * ((float)px + 0.5f) / (float)W;
  float cy = -1.125f + 2.25f * ((float)py + 0.5f) / (float)H;
  float x = 0, y = 0;
  uint32_t i = 0;
  while (i < MAX_ITER && x * x + y * y <= 4.0f) {
    float t = x * x - y * y + cx;
    y = 2.0f * x * y + cy;
    x = t;
    ++i;
  }
  return i;
}

static uint32_t crc_table[256];

static uint32_t crc32(uint32_t crc, const uint8_t *p, size_t n) {
  if (!crc_table[1])
    for (uint32_t k = 0; k < 256; ++k) {
      uint32_t c = k;
      for (int b = 0; b < 8; ++b) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
      crc_table[k] = c;
    }
  crc = ~crc;
  while (n--) crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static void be32(uint8_t *p, uint32_t v) {
  p[0] = (uint8_t)(v >> 24);
  p[1] = (uint8_t)(v >> 16);
  p[2] = (uint8_t)(v >> 8);
  p[3] = (uint8_t)v;
}

static void chunk(FILE *f, const char *type, const uint8_t *data, uint32_t n) {
  uint8_t head[8];
  be32(head, n);
  memcpy(head + 4, type, 4);
  fwrite(head, 1, 8, f);
  fwrite(data, 1, n, f);
  uint8_t crc[4];
  be32(crc, crc32(crc32(0, (const uint8_t *)type, 4), data, n));
  fwrite(crc, 1, 4, f);
}

// A zlib stream of stored blocks: one per row (filter byte 0, then the row's grey values).
static int write_png(const char *path, const uint8_t *grey) {
  FILE *f = fopen(path, "wb");
  if (!f) return 0;
  static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  fwrite(signature, 1, 8, f);
  uint8_t ihdr[13] = {0};
  be32(ihdr, W);
  be32(ihdr + 4, H);
  ihdr[8] = 8;  // bit depth; colour type 0 (grey)
  chunk(f, "IHDR", ihdr, sizeof(ihdr));
  const uint32_t row = W + 1, size = 2 + H * (5 + row) + 4;
  uint8_t *z = malloc(size), *q = z;
  *q++ = 0x78;
  *q++ = 0x01;
  uint32_t a = 1, b = 0;  // Adler-32 of the uncompressed rows
  for (uint32_t y = 0; y < H; ++y) {
    *q++ = y == H - 1 ? 1 : 0;
    q[0] = (uint8_t)row;
    q[1] = (uint8_t)(row >> 8);
    q[2] = (uint8_t)~row;
    q[3] = (uint8_t)(~row >> 8);
    q += 4;
    *q++ = 0;
    memcpy(q, grey + y * W, W);
    q += W;
    for (uint32_t i = 0; i < row; ++i) {
      a = (a + (i == 0 ? 0 : grey[y * W + i - 1])) % 65521;
      b = (b + a) % 65521;
    }
  }
  be32(q, (b << 16) | a);
  chunk(f, "IDAT", z, size);
  chunk(f, "IEND", NULL, 0);
  free(z);
  return fclose(f) == 0;
}

int main(int argc, char **argv) {
  CHECK(argc == 3, "usage: mandelbrot mandelbrot.spv out.png");
  Vkc c;
  int failed = vkc_init(&c);
  if (failed) return failed;
  VkcBuffer out;
  if ((failed = vkc_buffer(&c, W * H * sizeof(uint32_t), &out))) return failed;
  VkcPipeline p;
  if ((failed = vkc_pipeline(&c, argv[1], 1, &out, NULL, sizeof(Push), &p))) return failed;
  VkCommandBuffer cb;
  if ((failed = vkc_begin(&c, &cb))) return failed;
  vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.pipeline);
  vkCmdBindDescriptorSets(cb, VK_PIPELINE_BIND_POINT_COMPUTE, p.layout, 0, 1, &p.set, 0, NULL);
  Push push = {W, H, MAX_ITER};
  vkCmdPushConstants(cb, p.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(push), &push);
  vkCmdDispatch(cb, (W + 15) / 16, (H + 15) / 16, 1);
  if ((failed = vkc_submit_wait(&c, cb))) return failed;

  const uint32_t *gpu = out.data;
  static uint8_t grey[W * H];
  uint32_t differ = 0, inside = 0;
  for (uint32_t y = 0; y < H; ++y)
    for (uint32_t x = 0; x < W; ++x) {
      uint32_t i = gpu[y * W + x];
      // Near the boundary a fused multiply-add may take a point out one step sooner or later.
      if (i != cpu_iterations(x, y)) ++differ;
      if (i == MAX_ITER) ++inside;
      grey[y * W + x] = i == MAX_ITER ? 0 : (uint8_t)(255 - (i * 255) / MAX_ITER);
    }
  CHECK(differ * 100 <= W * H, "%u of %u pixels differ from the CPU", differ, W * H);
  CHECK(inside > W * H / 10 && inside < W * H / 2, "%u pixels inside the set: not the Mandelbrot set", inside);
  CHECK(write_png(argv[2], grey), "cannot write %s", argv[2]);
  printf("mandelbrot: %ux%u, %u pixels inside the set, %u differ from the CPU\n", W, H, inside, differ);
  vkc_free_pipeline(&c, &p);
  vkc_free_buffer(&c, &out);
  vkc_destroy(&c);
  return 0;
}
