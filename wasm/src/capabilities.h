// Taichi's device capabilities: their names in metadata.json, what this runtime offers on the
// device it has, and why it offers no more.
#pragma once
#include <taichi/taichi.h>

#include "metadata.h"
#include "runtime.h"

namespace tiw {

// The capabilities an owned runtime starts with on `rt`'s device (after its extensions are known).
void default_capabilities(Runtime &rt);

// Refuses (INCOMPATIBLE_MODULE) a module requiring a capability the runtime does not have,
// naming the capability and why.
bool check_capabilities(const Runtime &rt, const ModuleMetadata &meta);

}  // namespace tiw
