#include "archive.h"

#include <cstdlib>
#include <cstring>

#include "error.h"
#include "heap.h"

extern "C" {
// Host services (wasm/js/library_host.js). Each returns a malloc'd blob:
//   u32 count, then per file: u32 name_length, name bytes, u32 data_length, data bytes;
// or, on failure, u32 0xffffffff, u32 message_length, message bytes.
uint8_t *tiw_host_unzip(const void *data, uint32_t size);
uint8_t *tiw_host_read_module(const char *path);
}

namespace tiw {
namespace {

constexpr uint32_t kFailure = 0xffffffffu;

uint32_t read_u32(const uint8_t *p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

bool unpack(uint8_t *blob, Archive &out) {
  // The host hands back null only when the wasm heap had no room for the module's files.
  if (blob == nullptr) return fail(TI_ERROR_OUT_OF_MEMORY, "the wasm heap has no room for the module's files");
  out.adopt(blob);
  const uint8_t *p = blob;
  uint32_t count = read_u32(p);
  p += 4;
  if (count == kFailure) {
    uint32_t n = read_u32(p);
    return fail(TI_ERROR_CORRUPTED_DATA, "%.*s", static_cast<int>(n), reinterpret_cast<const char *>(p + 4));
  }
  // The name map holds a copy of every name: room for it first (a node is under 64 bytes).
  size_t names = 0;
  for (uint32_t i = 0, at = 4; i < count; ++i) {
    uint32_t name_length = read_u32(blob + at);
    names += 64 + name_length;
    at += 4 + name_length;
    at += 4 + read_u32(blob + at);
  }
  if (!heap_room(names, "the module's file names")) return false;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t name_length = read_u32(p);
    std::string name(reinterpret_cast<const char *>(p + 4), name_length);
    p += 4 + name_length;
    uint32_t data_length = read_u32(p);
    out.add(std::move(name), p + 4, data_length);
    p += 4 + data_length;
  }
  return true;
}

}  // namespace

bool archive_from_bytes(const void *data, uint64_t size, Archive &out) {
  if (size > 0xffffffffull) return fail(TI_ERROR_CORRUPTED_DATA, "a %llu-byte module is larger than wasm32 can hold", (unsigned long long)size);
  return unpack(tiw_host_unzip(data, static_cast<uint32_t>(size)), out);
}

bool archive_from_path(const char *path, Archive &out) { return unpack(tiw_host_read_module(path), out); }

}  // namespace tiw
