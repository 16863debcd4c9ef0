// Every C API handle table, in one place, and the one lookup that checks a handle's type,
// generation and owner alike.
#pragma once
#include "aot_module.h"
#include "error.h"
#include "event.h"
#include "handles.h"
#include "image.h"
#include "memory.h"
#include "runtime.h"
#include "sampler.h"

namespace tiw {

struct Registry {
  HandleTable<Runtime, HandleTag::Runtime> runtimes;
  HandleTable<Memory, HandleTag::Memory> memories;
  HandleTable<Image, HandleTag::Image> images;
  HandleTable<Sampler, HandleTag::Sampler> samplers;
  HandleTable<AotModule, HandleTag::AotModule> modules;
  HandleTable<Kernel, HandleTag::Kernel> kernels;
  HandleTable<ComputeGraph, HandleTag::ComputeGraph> graphs;
  HandleTable<Event, HandleTag::Event> events;
};

Registry &registry();

// The runtime an object belongs to.
inline TiRuntime owner_of(const Memory &m) { return m.owner; }
inline TiRuntime owner_of(const Image &i) { return i.owner; }
inline TiRuntime owner_of(const Sampler &s) { return s.owner; }
inline TiRuntime owner_of(const Event &e) { return e.owner; }
inline TiRuntime owner_of(const AotModule &m) { return m.runtime; }
inline TiRuntime owner_of(const Kernel &k) {
  AotModule *m = registry().modules.get(handle_bits(k.module));
  return m ? m->runtime : TI_NULL_HANDLE;
}
inline TiRuntime owner_of(const ComputeGraph &g) {
  AotModule *m = registry().modules.get(handle_bits(g.module));
  return m ? m->runtime : TI_NULL_HANDLE;
}

// The object behind `handle`, or null with the error set: ARGUMENT_NULL for a null handle,
// INVALID_ARGUMENT (naming the argument as `name`) for a freed, stale, foreign-type or garbage one.
template <typename T, HandleTag Tag, typename H>
T *lookup(const HandleTable<T, Tag> &table, H handle, const char *name) {
  if (handle == TI_NULL_HANDLE) {
    fail(TI_ERROR_ARGUMENT_NULL, "%s", name);
    return nullptr;
  }
  T *value = table.get(handle_bits(handle));
  if (!value) fail(TI_ERROR_INVALID_ARGUMENT, "%s is not a live %s (freed, destroyed, or a handle of another type)", name, handle_type_name(Tag));
  return value;
}

// As above, and the object must belong to `runtime`.
template <typename T, HandleTag Tag, typename H>
T *lookup(const HandleTable<T, Tag> &table, TiRuntime runtime, H handle, const char *name) {
  T *value = lookup(table, handle, name);
  if (value && owner_of(*value) != runtime) {
    fail(TI_ERROR_INVALID_ARGUMENT, "%s belongs to another runtime", name);
    return nullptr;
  }
  return value;
}

// Reports a full table (insert returned 0); always false.
template <typename Table>
bool fail_table_full(const Table &) {
  return fail(TI_ERROR_OUT_OF_MEMORY, "too many live %s objects (the limit is %u; free some first)", handle_type_name(Table::kTag), handle_capacity());
}

inline Runtime *lookup_runtime(TiRuntime runtime, const char *name = "runtime") { return lookup(registry().runtimes, runtime, name); }
inline Memory *lookup_memory(TiRuntime runtime, TiMemory memory, const char *name) { return lookup(registry().memories, runtime, memory, name); }
inline Image *lookup_image(TiRuntime runtime, TiImage image, const char *name) { return lookup(registry().images, runtime, image, name); }
inline Sampler *lookup_sampler(TiRuntime runtime, TiSampler sampler, const char *name) { return lookup(registry().samplers, runtime, sampler, name); }
// Events may be named without their runtime (ti_destroy_event): then any owner will do.
inline Event *lookup_event(TiRuntime runtime, TiEvent event, const char *name) {
  return runtime == TI_NULL_HANDLE ? lookup(registry().events, event, name) : lookup(registry().events, runtime, event, name);
}

}  // namespace tiw
