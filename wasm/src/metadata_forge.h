// taichi-forge's dialect of metadata.json and graphs.json (metadata_version 16, forge 0.7): the
// fields Taichi 1.7 does not write. Each one is either read into ModuleMetadata or refused with
// INCOMPATIBLE_MODULE naming the field, the kernel or task, and why; a field this reader does not
// know is refused too, so nothing forge writes is ignored.
#pragma once
#include "metadata.h"
#include "metadata_reader.h"

namespace tiw {

// The version of forge's metadata this reader was written against.
constexpr int64_t kForgeMetadataVersion = 16;

// Runs before the common reader: a sparse SNode's tasks bind buffers of kinds Taichi 1.7 does not
// define, which that reader would call corrupt instead of naming the sparse SNodes.
bool refuse_forge_sparse(Reader &r, const json &meta);
// Runs after the common reader filled `out` from the same document.
bool read_forge_metadata(Reader &r, const json &meta, ModuleMetadata &out);
bool read_forge_graphs(Reader &r, const json &graphs);

}  // namespace tiw
