// The handle tables' home and their shared live-object limit.
#include "registry.h"

#include <taichi/taichi_wasm.h>

namespace tiw {
namespace {
uint32_t g_capacity = HandleTable<Runtime, HandleTag::Runtime>::kMaxLive;
}  // namespace

Registry &registry() {
  static Registry r;
  return r;
}

uint32_t handle_capacity() { return g_capacity; }

}  // namespace tiw

extern "C" {

void ti_set_handle_capacity_ext(uint32_t capacity) {
  constexpr uint32_t kMax = tiw::HandleTable<tiw::Runtime, tiw::HandleTag::Runtime>::kMaxLive;
  if (capacity < 1 || capacity > kMax) {
    tiw::fail(TI_ERROR_ARGUMENT_OUT_OF_RANGE, "capacity %u: a handle table holds 1 to %u live objects", capacity, kMax);
    return;
  }
  tiw::g_capacity = capacity;
}

}  // extern "C"
