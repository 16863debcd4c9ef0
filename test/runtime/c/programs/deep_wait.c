// A program that waits 2,000 calls deep, after a first wait that resumed: vkGetFenceStatus
// suspends wasm briefly (the shim lets the event loop run). Asyncify saves every frame's locals to
// suspend, and 2,000 frames do not fit its block (ASYNCIFY_STACK_SIZE, 4 KiB): it traps while
// unwinding, inside the glue's promise callback, as a sanitized build of a shallower program did.
// test/runtime/abort.test.ts checks that the call ends with that abort instead of hanging.
#include "vkc.h"

static VkResult deep(Vkc *c, VkFence fence, int depth) {
  // Read after the call, so each frame keeps a local live across it.
  volatile int here = depth;
  if (depth == 0) return vkGetFenceStatus(c->device, fence);
  VkResult r = deep(c, fence, depth - 1);
  return here == depth ? r : VK_ERROR_UNKNOWN;
}

int main(void) {
  Vkc c;
  // vkCreateDevice suspends until WebGPU hands over a device: the first wait, shallow.
  CHECK(vkc_init(&c) == 0, "vkc_init");
  VkFenceCreateInfo info = {VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  CHECK_VK(vkCreateFence(c.device, &info, NULL, &fence));
  printf("deep_wait: waiting 2000 calls deep\n");
  CHECK(deep(&c, fence, 2000) == VK_NOT_READY, "vkGetFenceStatus");
  vkDestroyFence(c.device, fence, NULL);
  vkc_destroy(&c);
  return 0;
}
