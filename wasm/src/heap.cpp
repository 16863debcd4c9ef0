#include "heap.h"

#include <cstdio>
#include <cstdlib>
#include <new>

#include "error.h"

namespace tiw {
namespace {

// Volatile, so the compiler can neither drop the probe's malloc/free pair (it would then always
// "succeed") nor turn the reserve into a static array.
void *volatile g_reserve = nullptr;
void *volatile g_probe = nullptr;

bool spend_reserve() {
  if (g_reserve == nullptr) return false;
  std::free(g_reserve);
  g_reserve = nullptr;
  return true;
}

}  // namespace

bool heap_ready() {
  if (g_reserve == nullptr) g_reserve = std::malloc(kHeapReserveBytes);
  if (g_reserve != nullptr) return true;
  return fail(TI_ERROR_OUT_OF_MEMORY, "the wasm heap is full (its %zu MiB reserve is spent): free memory, images or modules first",
              kHeapReserveBytes >> 20);
}

bool heap_room(size_t bytes, const char *what) {
  g_probe = std::malloc(bytes > 0 ? bytes : 1);
  if (g_probe == nullptr) return fail(TI_ERROR_OUT_OF_MEMORY, "the wasm heap has no room for %s (about %zu bytes)", what, bytes);
  std::free(g_probe);
  g_probe = nullptr;
  return true;
}

}  // namespace tiw

extern "C" {

// Asyncify saves a suspended call's stack in a block it mallocs, and would write through a null
// pointer on a full heap: wasm/js/asyncify-bigint.js spends the reserve and retries first.
int tiw_heap_spend_reserve() { return tiw::spend_reserve() ? 1 : 0; }

}  // extern "C"

// Replaces libc++'s operator new (which aborts on failure without exceptions): a full heap spends
// the reserve first. Past it, a call broke heap.h's rule, and the instance cannot go on safely.
void *operator new(std::size_t size) {
  if (size == 0) size = 1;
  for (;;) {
    if (void *p = std::malloc(size)) return p;
    if (!tiw::spend_reserve()) break;
  }
  std::fprintf(stderr, "taichi-wasm: the wasm heap is exhausted past its reserve (%zu bytes asked)\n", size);
  std::abort();
}

void *operator new[](std::size_t size) { return ::operator new(size); }
