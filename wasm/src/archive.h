// The files of an AOT module (a .tcm ZIP archive or a module directory), by name.
//
// Reading them is the JS host's job (wasm/js/library_host.js): ZIP through fflate, a small
// maintained inflate/ZIP library, and files through the platform. The C runtime then holds one
// plain name -> bytes map, so module loading is the same for paths and for bytes.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tiw {

using Archive = std::map<std::string, std::vector<uint8_t>>;

// Both set the error slot (CORRUPTED_DATA with the host's reason) and return false on failure.
bool archive_from_bytes(const void *data, uint64_t size, Archive &out);
bool archive_from_path(const char *path, Archive &out);

}  // namespace tiw
