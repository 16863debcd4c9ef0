#include "error.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <vulkan/vulkan.h>

namespace tiw {
namespace {
TiError g_error = TI_ERROR_SUCCESS;
// A fixed buffer: reporting an error must not allocate, or a full heap could not be reported.
constexpr size_t kMessageCapacity = 4096;
char g_message[kMessageCapacity] = {};
size_t g_length = 0;

void set_message(const char *text) {
  size_t n = std::strlen(text);
  g_length = n < kMessageCapacity ? n : kMessageCapacity - 1;
  std::memcpy(g_message, text, g_length);
  g_message[g_length] = '\0';
}
}  // namespace

bool fail(TiError error, const char *format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buffer, sizeof(buffer), format, args);
  va_end(args);
  g_error = error;
  set_message(buffer);
  return false;
}

bool fail_vk(int vk_result, const char *call) {
  switch (vk_result) {
    case VK_ERROR_OUT_OF_HOST_MEMORY:
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
      return fail(TI_ERROR_OUT_OF_MEMORY, "%s failed: out of memory (VkResult %d)", call, vk_result);
    case VK_ERROR_DEVICE_LOST:
      return fail(TI_ERROR_INVALID_STATE, "%s failed: device lost", call);
    default:
      return fail(TI_ERROR_INVALID_STATE, "%s failed with VkResult %d", call, vk_result);
  }
}

TiError last_error() { return g_error; }

}  // namespace tiw

extern "C" {

TiError ti_get_last_error(uint64_t *message_size, char *message) {
  if (message_size == nullptr) return tiw::g_error;
  uint64_t capacity = *message_size;
  *message_size = tiw::g_length + 1;
  if (message != nullptr && capacity > 0) {
    size_t n = tiw::g_length;
    if (n > capacity - 1) n = static_cast<size_t>(capacity - 1);
    std::memcpy(message, tiw::g_message, n);
    message[n] = '\0';
  }
  return tiw::g_error;
}

void ti_set_last_error(TiError error, const char *message) {
  if (error < TI_ERROR_SUCCESS) {
    tiw::g_error = error;
    tiw::set_message(message ? message : "");
  } else {
    tiw::g_error = TI_ERROR_SUCCESS;
    tiw::set_message("");
  }
}

}  // extern "C"
