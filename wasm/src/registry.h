// Every C API handle table, in one place so that lookups check type, generation and owner alike.
#pragma once
#include "aot_module.h"
#include "event.h"
#include "handles.h"
#include "image.h"
#include "memory.h"
#include "runtime.h"

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

}  // namespace tiw
