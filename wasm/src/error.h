// The C API's error slot: one per thread (the wasm runtime has one thread), sticky until the
// next failure or ti_set_last_error.
#pragma once
#include <taichi/taichi_core.h>

namespace tiw {

// Stores the error and message; always returns false so callers can `return fail(...)`.
bool fail(TiError error, const char *format, ...) __attribute__((format(printf, 2, 3)));

// A VkResult as the TiError the reference maps it to, with the call that produced it.
bool fail_vk(int vk_result, const char *call);

TiError last_error();

}  // namespace tiw

// Argument checks shared by every entry point: report and return `ret` on failure.
#define TIW_CHECK_NULL(arg, ret)                              \
  do {                                                        \
    if ((arg) == nullptr) {                                   \
      tiw::fail(TI_ERROR_ARGUMENT_NULL, "%s", #arg);          \
      return ret;                                             \
    }                                                         \
  } while (0)
