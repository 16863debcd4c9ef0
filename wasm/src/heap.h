// Allocation failure in the wasm heap, reported as TI_ERROR_OUT_OF_MEMORY instead of aborting.
//
// The runtime is built without exceptions, so a failed `new` (std::vector growth, std::string,
// nlohmann::json) cannot be unwound. Two rules make sure none fails:
// - Every allocation whose size an input decides (a module's metadata, its file names, a graph's
//   arguments, a name passed in) is preceded by heap_room() for a bound on what it will take,
//   and refused with OUT_OF_MEMORY when that bound does not fit.
// - Every other allocation is small. Each entry point that may allocate first makes sure the
//   heap holds a reserve (heap_ready); when a small allocation then finds the heap full,
//   `operator new` releases the reserve and retries, so the call completes, and the next call
//   that cannot take the reserve back fails at its start with OUT_OF_MEMORY, before it changes
//   anything. Freeing functions skip that check: they must work on a full heap.
#pragma once
#include <cstddef>

namespace tiw {

// Bytes of reserve: more than any one call allocates without a heap_room() check.
constexpr size_t kHeapReserveBytes = 4u << 20;

// Bytes of heap a JSON text may take per byte once parsed and read into the module's structures
// (nlohmann's DOM of `[{},{},...]`, the worst shape, takes 36 bytes a byte on a 64-bit host and
// less on wasm32).
constexpr size_t kJsonHeapPerByte = 40;

// True when the reserve is held (taking it back if a call spent it); else OUT_OF_MEMORY is set.
bool heap_ready();

// True when `bytes` could be allocated now (one probe allocation, freed at once); else
// OUT_OF_MEMORY is set, naming `what`.
bool heap_room(size_t bytes, const char *what);

}  // namespace tiw

// The first statement of every entry point that may allocate.
#define TIW_HEAP_READY(ret)              \
  do {                                   \
    if (!tiw::heap_ready()) return ret;  \
  } while (0)
