// A module's kernels and compute graphs described as JSON, for ti_describe_aot_module_ext and
// ti_describe_aot_archive_ext.
#pragma once
#include <cstdint>

#include "metadata.h"

namespace tiw {

// Writes the description into `json` (up to `capacity` bytes, NUL-terminated; nothing when NULL)
// and returns the size it needs, NUL included.
uint64_t describe_module(const ModuleMetadata &meta, char *json, uint64_t capacity);

}  // namespace tiw
